/** A page's steps and variables, from the step manifest the step-manifest plugin publishes as global data. */
import { usePluginData } from '@docusaurus/useGlobalData';
import type { PageVariable, Step, StepsManifest } from '../../remark/stepModel';

const NONE: readonly Step[] = [];

export function useStepsManifest(): StepsManifest | undefined {
  return usePluginData('step-manifest') as StepsManifest | undefined;
}

export function usePageSteps(pageId: string): readonly Step[] {
  const manifest = useStepsManifest();
  return manifest?.pages.find((page) => page.pageId === pageId)?.steps ?? NONE;
}

/**
 * The page's front-matter `variables:`, as the step model read them when the site was built (the
 * one place they are parsed); null when the page declares none.
 */
export function usePageVariables(pageId: string): Readonly<Record<string, PageVariable>> | null {
  const manifest = useStepsManifest();
  const variables = manifest?.pages.find((page) => page.pageId === pageId)?.variables;
  return variables && Object.keys(variables).length > 0 ? variables : null;
}
