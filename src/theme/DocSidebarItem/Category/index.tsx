/** Wraps a sidebar section: a walkthrough's section (a folder of docs/) shows its steps passed so far. */
import React from 'react';
import Category from '@theme-original/DocSidebarItem/Category';
import type { Props } from '@theme/DocSidebarItem/Category';
import type { PropSidebarItem } from '@docusaurus/plugin-content-docs';
import { useRuntime, useStoreSlice } from '../../../client/hooks';
import { walkthroughProgress } from '../../../client/progress';
import type { StepRecords } from '../../../client/stepStates';
import { useStepsManifest } from '../../../components/StepControls/usePageSteps';
import { walkthroughOf } from '../../../remark/walkthroughs';

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
  const manifest = useStepsManifest();
  const docId = firstDocId(props.item.items);
  const walkthrough = docId ? walkthroughOf(docId) : '';
  // The count alone is read: the section re-renders when it changes, not on every step's change.
  const progress = useStoreSlice<StepRecords, string, string>(
    runtime?.steps,
    (records) => {
      const { passed, total } = walkthroughProgress(manifest, walkthrough, records);
      return passed === 0 ? '' : `${passed}/${total}`;
    },
    '',
  );
  if (props.level !== 1 || walkthrough === '' || progress === '') return <Category {...props} />;
  const label = `${props.item.label} (${progress})`;
  return <Category {...props} item={{ ...props.item, label }} />;
}
