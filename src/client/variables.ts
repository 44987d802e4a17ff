/**
 * Page variables (front matter `variables:`): the reader's values, kept per browser by name (the
 * same `ARO_API_URL` serves every page), substituted into a command for both Run and Copy.
 */
import { readStored, Store, writeStored } from './store';

export type VariableValues = Readonly<Record<string, string>>;
export const VARIABLES_STORAGE_KEY = 'rw:variables';

export class VariableStore extends Store<VariableValues> {
  constructor() {
    super(readStored<VariableValues>(VARIABLES_STORAGE_KEY, {}, isValues));
  }

  setValue(name: string, value: string): void {
    this.update((values) => ({ ...values, [name]: value }));
    writeStored(VARIABLES_STORAGE_KEY, this.get());
  }
}

/** The names in `names` that have no value yet (blank counts as none). */
export function unsetVariables(names: readonly string[], values: VariableValues): string[] {
  return names.filter((name) => !values[name]?.trim());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `${NAME}`, `${NAME:-fallback}` and `$NAME` become the value, for the names that have one; other
 * shell variables (`$HOME`, `${PATH}`) are left for the shell.
 */
export function substituteVariables(
  command: string,
  names: readonly string[],
  values: VariableValues,
): string {
  let result = command;
  for (const name of names) {
    const value = values[name]?.trim();
    if (!value) continue;
    const n = escapeRegExp(name);
    const reference = new RegExp(`\\$\\{${n}(?:[:]?[-=?+][^}]*)?\\}|\\$${n}(?!\\w)`, 'g');
    result = result.replace(reference, () => value);
  }
  return result;
}

function isValues(value: unknown): value is VariableValues {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}
