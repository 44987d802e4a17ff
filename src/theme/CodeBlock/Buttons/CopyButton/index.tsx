// In a step, Copy copies the command a shell should get (prompts and pasted output removed, the
// reader's variable values in place), not the displayed text. The original button is reused as is, under a code block context whose code is the
// command, so it looks, sounds (aria) and translates exactly like every other Copy button.
import CopyButton from '@theme-original/CodeBlock/Buttons/CopyButton';
import type { Props } from '@theme/CodeBlock/Buttons/CopyButton';
import { CodeBlockContextProvider, useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { useMemo, type ReactNode } from 'react';
import { useRuntime, useStoreValue } from '../../../../client/hooks';
import { commandFor } from '../../../../client/runSteps';
import { useCurrentStep } from '../../stepContext';

export default function CopyButtonWrapper(props: Props): ReactNode {
  const step = useCurrentStep();
  const { metadata, wordWrap } = useCodeBlockContext();
  const runtime = useRuntime();
  // Subscribed so the copied text follows the variables form as the reader types.
  useStoreValue(runtime?.variables, null);
  const command = step ? commandFor(runtime, step) : undefined;
  const stepMetadata = useMemo(
    () => (command === undefined ? metadata : { ...metadata, code: command }),
    [metadata, command],
  );
  if (command === undefined) return <CopyButton {...props} />;
  return (
    <CodeBlockContextProvider metadata={stepMetadata} wordWrap={wordWrap}>
      <CopyButton {...props} />
    </CodeBlockContextProvider>
  );
}
