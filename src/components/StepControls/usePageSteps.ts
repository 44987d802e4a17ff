/** The steps of a page, in order, from the step manifest STEPS publishes as global data. */
import { usePluginData } from '@docusaurus/useGlobalData';
import type { Step, StepsManifest } from '../../remark/stepModel';

const NONE: readonly Step[] = [];

export function useStepsManifest(): StepsManifest | undefined {
  return usePluginData('step-manifest') as StepsManifest | undefined;
}

export function usePageSteps(pageId: string): readonly Step[] {
  const manifest = useStepsManifest();
  return manifest?.pages.find((page) => page.pageId === pageId)?.steps ?? NONE;
}
