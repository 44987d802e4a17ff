// Not the theme's own CodeBlock: it mounts every block afresh after hydration (8 recorded outputs on
// /running-locally were rebuilt on each load, their buttons added, the page laid out again).
import CodeBlock from './HydratedOnce';
import type { ReactNode } from 'react';
import type { RecordedOutput } from '../../remark/stepModel';
import styles from './styles.module.css';

function summaryOf(output: RecordedOutput, count: number): string {
  if (output.title) return `Recorded output: ${output.title}`;
  return count > 1 ? 'Recorded output (continued)' : 'Recorded output';
}

/** A step's recorded outputs, collapsed: native `<details>`, so they open without JavaScript too. */
export default function RecordedOutputs({ outputs }: { outputs: RecordedOutput[] }): ReactNode {
  return outputs.map((output, i) => (
    <details key={i} className={styles.recordedOutput} data-recorded-output={output.title ?? ''}>
      <summary>{summaryOf(output, outputs.length)}</summary>
      <CodeBlock language="text">{output.text}</CodeBlock>
    </details>
  ));
}
