import type { ReactNode } from 'react';
import StepControls from '../../components/StepControls';
import type { Step } from '../../remark/stepModel';
import RecordedOutputs from './RecordedOutputs';
import { StepContext } from './stepContext';

/** A step: its toolbar and state (StepControls), its command block, and its recorded outputs. */
export default function StepFrame({ step, children }: { step: Step; children: ReactNode }): ReactNode {
  return (
    <StepControls step={step} recordedOutputs={<RecordedOutputs outputs={step.recordedOutputs} />}>
      <StepContext.Provider value={step}>{children}</StepContext.Provider>
    </StepControls>
  );
}
