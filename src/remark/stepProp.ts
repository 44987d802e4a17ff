// Reading the `data-step` prop back in the browser. The build wrote it, but a page author can write
// any attribute in MDX, so it is checked rather than trusted.
import type { Step } from './stepModel';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The step a CodeBlock stands for, or null when the prop is absent or not a step. */
export function parseStepProp(prop: unknown): Step | null {
  if (typeof prop !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(prop);
  } catch {
    // Not JSON: the block renders as a plain code block, which is the right fallback for a page.
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const step = value as Record<string, unknown>;
  const ok =
    typeof step['id'] === 'string' &&
    typeof step['command'] === 'string' &&
    typeof step['display'] === 'string' &&
    typeof step['terminal'] === 'string' &&
    Array.isArray(step['recordedOutputs']) &&
    isStringArray(step['variables']);
  return ok ? (value as Step) : null;
}
