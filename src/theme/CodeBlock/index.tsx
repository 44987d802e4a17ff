// Wraps the theme's CodeBlock: a step (a shell fence the remark plugin annotated with `data-step`)
// gets a frame with its recorded outputs; every other block renders as before.
import type { Props } from '@theme/CodeBlock';
import { useMemo, type ReactNode } from 'react';
import { STEP_PROP } from '../../remark/remarkSteps';
import { parseStepProp } from '../../remark/stepProp';
import type { Step } from '../../remark/stepModel';
import { isShownIn, useStepSetting } from '../../client/stepSetting';
import StepFrame from './StepFrame';
import CodeBlock from './HydratedOnce';

type CodeBlockProps = Props & { [STEP_PROP]?: string };

export function useStep(props: CodeBlockProps): Step | null {
  const prop = props[STEP_PROP];
  return useMemo(() => parseStepProp(prop), [prop]);
}

export default function CodeBlockWrapper(props: CodeBlockProps): ReactNode {
  const step = useStep(props);
  const setting = useStepSetting();
  const { [STEP_PROP]: _stepProp, ...codeBlockProps } = props;
  if (!step) return <CodeBlock {...codeBlockProps} />;
  // A laptop-only step (`crc start`) has no place in a hosted workshop, and the reverse.
  if (setting !== null && !isShownIn(step, setting)) return null;
  // The step's toolbar already names it: the block's own title bar would say the same words twice.
  // Docusaurus reads a title from the prop or else from the fence's meta (`title="…"`): drop both.
  const { title: _title, metastring, ...untitled } = codeBlockProps;
  return (
    <StepFrame step={step}>
      <CodeBlock {...untitled} metastring={metastring?.replace(/title=(["'])(.*?)\1/, '')} />
    </StepFrame>
  );
}
