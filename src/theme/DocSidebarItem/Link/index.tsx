/** Wraps the sidebar's doc link: a page whose steps all passed in this browser gets a ✓. */
import React from 'react';
import Link from '@theme-original/DocSidebarItem/Link';
import type { Props } from '@theme/DocSidebarItem/Link';
import { useRuntime, useStoreValue } from '../../../client/hooks';
import { pageProgress } from '../../../client/progress';
import type { StepRecords } from '../../../client/stepStates';
import { usePageSteps } from '../../../components/StepControls/usePageSteps';
import './styles.css';

const NO_RECORDS: StepRecords = {};

export default function DocSidebarItemLinkWrapper(props: Props): React.JSX.Element {
  const runtime = useRuntime();
  const records = useStoreValue<StepRecords, StepRecords>(runtime?.steps, NO_RECORDS);
  const steps = usePageSteps(props.item.docId ?? '');
  const finished = pageProgress(steps, records).finished;
  if (!finished) return <Link {...props} />;
  return <Link {...props} data-page-finished="true" title="All steps on this page passed" />;
}
