import type { ReactNode } from 'react';
import type { Step } from '../../remark/stepModel';
import RecordedOutputs from './RecordedOutputs';
import { StepContext } from './stepContext';
import styles from './styles.module.css';

function badgesOf(step: Step): string[] {
  return [
    ...(step.terminal !== 'main' ? [`terminal: ${step.terminal}`] : []),
    ...(step.background ? ['runs in the background'] : []),
    ...(step.norun ? ['not run'] : []),
  ];
}

/** A step: its command block (copying `step.command`) and, under it, its recorded outputs. */
export default function StepFrame({ step, children }: { step: Step; children: ReactNode }): ReactNode {
  const badges = badgesOf(step);
  return (
    <div className={styles.step} data-step-id={step.id} data-terminal={step.terminal}>
      {badges.length > 0 && (
        <div className={styles.badges}>
          {badges.map((badge) => (
            <span key={badge} className={styles.badge}>
              {badge}
            </span>
          ))}
        </div>
      )}
      <StepContext.Provider value={step}>{children}</StepContext.Provider>
      <RecordedOutputs outputs={step.recordedOutputs} />
    </div>
  );
}
