/**
 * Prose for one setting (`:::only{setting="laptop"}`, src/remark/settingBlocks.ts). The static HTML is
 * a laptop's page, so a reader of the published site never sees a workshop's words; a hosted
 * workshop's page swaps them once it knows where it runs (after hydration, as its steps do). No
 * element of its own: the blocks inside stay the page's own (slides are cut from them).
 */
import React, { type ReactNode } from 'react';
import type { StepSetting } from '../../remark/stepModel';
import { useStepSetting } from '../../client/stepSetting';

export default function OnlyIn({
  setting,
  children,
}: {
  setting: StepSetting;
  children: ReactNode;
}): ReactNode {
  const current = useStepSetting() ?? 'laptop';
  return current === setting ? <>{children}</> : null;
}
