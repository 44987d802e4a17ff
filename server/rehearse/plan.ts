/**
 * Which steps a rehearsal runs, in which order, before any shell exists: the pages asked for (or
 * all, in sidebar order), cut by --from/--to, with every page variable they use given a value.
 */
import { loadStepsManifest } from '../../src/plugins/loadStepsManifest';
import type { PageSteps, Step } from '../../src/remark';
import type { StepSetting } from '../../src/remark/stepModel';
import { inSidebarOrder, sidebarPositions } from './sidebarOrder';

export interface PlanRequest {
  docsDir: string;
  /** Page ids (`running-locally`) or file names (`docs/running-locally.md`); empty for all. */
  pages: readonly string[];
  from?: string;
  to?: string;
  variables: Readonly<Record<string, string>>;
  /** Steps fenced `only=` another setting are left out, as the page hides them; default `laptop`. */
  setting?: StepSetting;
}

export interface Plan {
  pages: PageSteps[];
  steps: Step[];
}

export interface PlanError {
  code: 'docs-unreadable' | 'unknown-page' | 'unknown-step' | 'missing-variable' | 'nothing-to-run';
  message: string;
}

function pageKey(request: string): string {
  return request
    .replace(/\\/g, '/')
    .replace(/^(\.\/)?(docs\/)?/, '')
    .replace(/\.mdx?$/i, '');
}

export async function planRehearsal(request: PlanRequest): Promise<Plan | PlanError> {
  const loaded = await loadStepsManifest(request.docsDir);
  if (!loaded.ok) return { code: 'docs-unreadable', message: loaded.error.message };
  const ordered = inSidebarOrder(loaded.manifest.pages, await sidebarPositions(request.docsDir));
  let pages = ordered;
  if (request.pages.length > 0) {
    pages = [];
    for (const wanted of request.pages) {
      const page = ordered.find((p) => p.pageId === pageKey(wanted));
      if (!page) {
        const known = ordered.map((p) => p.pageId).join(', ');
        return {
          code: 'unknown-page',
          message: `There is no page "${wanted}" in ${request.docsDir}; pages: ${known}.`,
        };
      }
      pages.push(page);
    }
  }
  const setting = request.setting ?? 'laptop';
  let steps = pages.flatMap((page) => page.steps).filter((step) => !step.only || step.only === setting);
  for (const [flag, id] of [
    ['--from', request.from],
    ['--to', request.to],
  ] as const) {
    if (id !== undefined && !steps.some((step) => step.id === id)) {
      const near = steps.filter((step) => step.id.includes(id.split('/').pop() ?? id)).map((step) => step.id);
      const hint =
        near.length > 0
          ? ` Did you mean ${near.slice(0, 3).join(', ')}?`
          : ' Step ids are <page>/<slug of title>.';
      return { code: 'unknown-step', message: `${flag} ${id}: no such step in the chosen pages.${hint}` };
    }
  }
  const fromIndex = request.from === undefined ? 0 : steps.findIndex((step) => step.id === request.from);
  const toIndex =
    request.to === undefined ? steps.length - 1 : steps.findIndex((step) => step.id === request.to);
  steps = steps.slice(fromIndex, toIndex + 1);
  if (steps.length === 0)
    return { code: 'nothing-to-run', message: 'No step to run: check --from and --to.' };
  const missing = missingVariables(pages, steps, request.variables);
  if (missing.length > 0) return { code: 'missing-variable', message: missing.join('\n') };
  return { pages, steps };
}

function missingVariables(
  pages: PageSteps[],
  steps: Step[],
  values: Readonly<Record<string, string>>,
): string[] {
  const problems = new Map<string, string>();
  for (const step of steps) {
    if (step.norun) continue;
    for (const name of step.variables) {
      if (values[name]?.trim() || problems.has(name)) continue;
      const declared = pages.find((page) => page.pageId === step.pageId)?.variables[name];
      const example = declared?.example ? ` (for example --var ${name}=${declared.example})` : '';
      problems.set(
        name,
        `Step ${step.id} uses \${${name}}${declared?.description ? `, ${declared.description}` : ''}: pass --var ${name}=<value>${example}.`,
      );
    }
  }
  return [...problems.values()];
}
