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
import { usePageSteps } from '../../../components/StepControls/usePageSteps';
import type { PageVariable } from '../../../remark/stepModel';

function declaredVariables(frontMatter: Record<string, unknown>): Record<string, PageVariable> | null {
  const declared = frontMatter['variables'];
  if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) return null;
  const entries = Object.entries(declared as Record<string, unknown>).map(([name, value]) => {
    const variable = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const description = typeof variable['description'] === 'string' ? variable['description'] : undefined;
    const example = typeof variable['example'] === 'string' ? variable['example'] : undefined;
    return [name, { ...(description ? { description } : {}), ...(example ? { example } : {}) }] as const;
  });
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

export default function DocItemContentWrapper(props: Props): React.JSX.Element {
  const { metadata, frontMatter } = useDoc();
  const steps = usePageSteps(metadata.id);
  const variables = declaredVariables(frontMatter as Record<string, unknown>);
  return (
    <>
      <PageProgressBar steps={steps} />
      {variables ? <VariablesForm variables={variables} /> : null}
      <Content {...props} />
    </>
  );
}
