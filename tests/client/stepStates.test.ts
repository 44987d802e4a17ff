import { describe, expect, it } from 'vitest';
import { StepStates } from '../../src/client/stepStates';

describe('the page’s step states', () => {
  it('changes nothing when told what it already holds (the server confirming a Run)', () => {
    const steps = new StepStates(false);
    let changes = 0;
    steps.subscribe(() => (changes += 1));
    steps.put('page/step', { state: 'running', terminal: 'main' });
    const held = steps.get();
    steps.apply({ type: 'step', terminal: 'main', stepId: 'page/step', state: 'running' });
    expect(changes).toBe(1);
    expect(steps.get()).toBe(held);
  });

  it('takes a record that differs in any field', () => {
    const steps = new StepStates(false);
    let changes = 0;
    steps.subscribe(() => (changes += 1));
    steps.put('page/step', { state: 'running', terminal: 'main' });
    steps.put('page/step', { state: 'running', terminal: 'other' });
    steps.apply({ type: 'step', terminal: 'other', stepId: 'page/step', state: 'failed', exitCode: 1 });
    expect(changes).toBe(3);
    expect(steps.record('page/step')).toMatchObject({ state: 'failed', exitCode: 1, terminal: 'other' });
  });
});
