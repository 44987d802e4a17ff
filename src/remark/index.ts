// The step model's public face, for the browser, the server and the rehearsal runner.
export * from './stepModel';
export { extractPageSteps, type ExtractOptions, type ExtractedPage } from './extractPageSteps';
export { commandFromDisplay, variablesInCommand } from './commandText';
export { fenceInfo, parseFenceMeta } from './fenceMeta';
export { redactSecrets, REDACTED } from './redactSecrets';
export {
  normalizeOutput,
  compareOutput,
  type OutputComparison,
  type CompareOptions,
} from './outputComparison';
export { pageIdFromPath, slugify } from './stepIds';
export { parseStepProp } from './stepProp';
