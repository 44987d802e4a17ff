// Wraps the theme's CodeBlock: a step (a shell fence the remark plugin annotated with `data-step`)
// gets a frame with its recorded outputs; every other block renders as before.
import type { Props } from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import { Children, isValidElement, useMemo, type ReactNode } from 'react';
import { STEP_PROP } from '../../remark/remarkSteps';
import { parseStepProp } from '../../remark/stepProp';
import type { Step } from '../../remark/stepModel';
import { isShownIn, useStepSetting } from '../../client/stepSetting';
import StepFrame from './StepFrame';

type CodeBlockProps = Props & { [STEP_PROP]?: string };

export function useStep(props: CodeBlockProps): Step | null {
  const prop = props[STEP_PROP];
  return useMemo(() => parseStepProp(prop), [prop]);
}

/**
 * The theme's CodeBlock picks one of these two and keys it on "is this the browser", so that every
 * block is mounted afresh after hydration to take the colour mode's inline colours. Our colours are
 * a stylesheet for both modes (src/plugins/codeColors.ts), so the server's block is already right:
 * it is hydrated once, and no page tokenizes and rebuilds all its code blocks after loading.
 */
function CodeBlock({ children, ...props }: Props): ReactNode {
  // As the theme's: plain strings (most fences) are highlighted; JSX children are shown as they are.
  if (Children.toArray(children).some((child) => isValidElement(child))) {
    return <ElementContent {...props}>{children}</ElementContent>;
  }
  const code = Array.isArray(children) ? children.join('') : String(children ?? '');
  return <StringContent {...props}>{code}</StringContent>;
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
