/** Wraps the sidebar's doc link: a page whose steps all passed in this browser gets a ✓. */
import React from 'react';
import Link from '@theme-original/DocSidebarItem/Link';
import type { Props } from '@theme/DocSidebarItem/Link';
import { useRuntime, useStoreSlice } from '../../../client/hooks';
import { pageProgress } from '../../../client/progress';
import type { StepRecords } from '../../../client/stepStates';
import { usePageSteps } from '../../../components/StepControls/usePageSteps';
import './styles.css';

export default function DocSidebarItemLinkWrapper(props: Props): React.JSX.Element {
  const runtime = useRuntime();
  const steps = usePageSteps(props.item.docId ?? '');
  // Only the page's ✓ is read, so a step's change re-renders no link whose ✓ stays as it is (each
  // Run changed the records twice, and every link of the sidebar was rendered again both times).
  const finished = useStoreSlice<StepRecords, boolean, boolean>(
    runtime?.steps,
    (records) => pageProgress(steps, records).finished,
    false,
  );
  if (!finished) return <Link {...props} />;
  return <Link {...props} data-page-finished="true" title="All steps on this page passed" />;
}
