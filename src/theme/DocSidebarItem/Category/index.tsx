/** Wraps a sidebar section: a walkthrough's section (a folder of docs/) shows its steps passed so far. */
import React from 'react';
import Category from '@theme-original/DocSidebarItem/Category';
import type { Props } from '@theme/DocSidebarItem/Category';
import type { PropSidebarItem } from '@docusaurus/plugin-content-docs';
import { useRuntime, useStoreValue } from '../../../client/hooks';
import { walkthroughProgress } from '../../../client/progress';
import type { StepRecords } from '../../../client/stepStates';
import { useStepsManifest } from '../../../components/StepControls/usePageSteps';
import { walkthroughOf } from '../../../remark/walkthroughs';

const NO_RECORDS: StepRecords = {};

function firstDocId(items: readonly PropSidebarItem[]): string | undefined {
  for (const item of items) {
    if (item.type === 'link' && item.docId) return item.docId;
    if (item.type === 'category') {
      const found = firstDocId(item.items);
      if (found) return found;
    }
  }
  return undefined;
}

export default function DocSidebarItemCategoryWrapper(props: Props): React.JSX.Element {
  const runtime = useRuntime();
  const records = useStoreValue<StepRecords, StepRecords>(runtime?.steps, NO_RECORDS);
  const manifest = useStepsManifest();
  const docId = firstDocId(props.item.items);
  const walkthrough = docId ? walkthroughOf(docId) : '';
  const progress = walkthroughProgress(manifest, walkthrough, records);
  if (props.level !== 1 || walkthrough === '' || progress.passed === 0) return <Category {...props} />;
  const label = `${props.item.label} (${progress.passed}/${progress.total})`;
  return <Category {...props} item={{ ...props.item, label }} />;
}
