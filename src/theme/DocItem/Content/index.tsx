/**
 * Wraps a doc page's content: pages with steps get their progress (and Reset progress) on top,
 * and pages that declare `variables:` in front matter get the form that fills them in.
 */
import React from 'react';
import Content from '@theme-original/DocItem/Content';
import type { Props } from '@theme/DocItem/Content';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import PageProgressBar from '../../../components/PageRunner/PageProgressBar';
import VariablesForm from '../../../components/PageRunner/VariablesForm';
import { usePageSteps, usePageVariables } from '../../../components/StepControls/usePageSteps';

export default function DocItemContentWrapper(props: Props): React.JSX.Element {
  const { metadata } = useDoc();
  const steps = usePageSteps(metadata.id);
  const variables = usePageVariables(metadata.id);
  return (
    <>
      <PageProgressBar steps={steps} />
      {variables ? <VariablesForm variables={variables} /> : null}
      <Content {...props} />
    </>
  );
}
