// The step whose command block is being rendered, for the buttons inside the original CodeBlock.
// Scoped to the command block only: the recorded outputs under it copy their own text.
import { createContext, useContext } from 'react';
import type { Step } from '../../remark/stepModel';

export const StepContext = createContext<Step | null>(null);

export function useCurrentStep(): Step | null {
  return useContext(StepContext);
}
