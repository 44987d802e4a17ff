// Fence info strings in the Docusaurus style: ```bash title="start OpenShift Local" terminal="north" norun
import { STEP_SETTINGS, type StepSetting } from './stepModel';

export interface FenceInfo {
  /** Lower-cased language, or null for an untagged fence. */
  lang: string | null;
  meta: string;
}

export interface FenceMeta {
  /** `key="value"`, `key='value'` and `key=value` pairs. */
  values: Record<string, string>;
  /** Bare words such as `norun` or `background`. */
  flags: string[];
}

/**
 * Markdown takes the first word of an info string as the language, so an untagged fence with meta
 * (the seed's ``` title="for aro"```) arrives as lang `title="for` and meta `aro"`. Put it back together.
 */
export function fenceInfo(lang: string | null | undefined, meta: string | null | undefined): FenceInfo {
  const rest = meta ?? '';
  if (!lang) return { lang: null, meta: rest };
  if (lang.includes('=') || lang.startsWith('{')) {
    return { lang: null, meta: rest ? `${lang} ${rest}` : lang };
  }
  return { lang: lang.toLowerCase(), meta: rest };
}

// key="double quoted" | key='single quoted' | key=bare | {1,3-4} (line highlights, ignored) | bare flag
const TOKEN = /([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+))|\{[^}]*\}|([\w-]+)/g;

export function parseFenceMeta(meta: string): FenceMeta {
  const values: Record<string, string> = {};
  const flags: string[] = [];
  for (const match of meta.matchAll(TOKEN)) {
    const [, key, doubleQuoted, singleQuoted, bare, flag] = match;
    if (key !== undefined) {
      const quoted = doubleQuoted ?? singleQuoted;
      values[key] = quoted !== undefined ? quoted.replace(/\\(["'\\])/g, '$1') : (bare ?? '');
    } else if (flag !== undefined) {
      flags.push(flag);
    }
  }
  return { values, flags };
}

/** `only="laptop"` or `only="hosted"`: where a step belongs. An unknown value is reported, never guessed. */
export function stepSettingOf(only: string | undefined): { setting?: StepSetting; problem?: string } {
  const setting = STEP_SETTINGS.find((candidate) => candidate === only);
  if (only === undefined || setting) return { setting };
  return {
    problem: `only="${only}" is not one of ${STEP_SETTINGS.join(', ')}; the step is shown everywhere.`,
  };
}
