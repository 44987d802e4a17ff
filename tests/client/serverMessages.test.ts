import { describe, expect, it } from 'vitest';
import { effectsOf, type PageFacts } from '../../src/client/serverMessages';

const NOTHING: PageFacts = { busy: {}, steps: {}, openTabs: [], savedTabs: [] };

describe('what the page does about a server message', () => {
  it('on hello: takes the running steps as busy, marks them running, and reopens saved tabs that still exist', () => {
    const effects = effectsOf(
      {
        type: 'hello',
        version: 2,
        readOnly: false,
        terminals: [
          { name: 'main', cols: 80, rows: 24, stepId: 'a' },
          { name: 'north', cols: 80, rows: 24 },
        ],
      },
      { ...NOTHING, savedTabs: ['north', 'gone'] },
    );
    expect(effects).toEqual([
      { type: 'busy', busy: { main: 'a' } },
      { type: 'step-running', stepId: 'a', terminal: 'main' },
      { type: 'open-tab', terminal: 'north' },
    ]);
  });

  it('on a background step starting: opens its terminal’s tab, known by its parent and not by its name', () => {
    const step = {
      type: 'step',
      terminal: 'tunnel',
      stepId: 'fwd',
      state: 'running',
      parent: 'main',
    } as const;
    expect(effectsOf(step, NOTHING)).toEqual([
      { type: 'output-restarts', stepId: 'fwd' },
      { type: 'step', message: step },
      { type: 'open-tab', terminal: 'tunnel' },
      { type: 'busy', busy: { tunnel: 'fwd' } },
    ]);
    const foreground = { type: 'step', terminal: 'main.bg-1', stepId: 's', state: 'running' } as const;
    expect(effectsOf(foreground, NOTHING).map((effect) => effect.type)).not.toContain('open-tab');
  });

  it('keeps what a step printed when it goes from waiting for the keyboard back to running: the same run', () => {
    const again = { type: 'step', terminal: 'main', stepId: 'ask', state: 'running' } as const;
    const waiting = {
      ...NOTHING,
      busy: { main: 'ask' },
      steps: { ask: { state: 'waiting-input' } },
    } as PageFacts;
    expect(effectsOf(again, waiting).map((effect) => effect.type)).not.toContain('output-restarts');
    const rerun = { ...NOTHING, steps: { ask: { state: 'passed' } } } as PageFacts;
    expect(effectsOf(again, rerun).map((effect) => effect.type)).toContain('output-restarts');
  });

  it('on a step ending: frees its terminal, but not one another step holds', () => {
    const ended = { type: 'step', terminal: 'main', stepId: 's', state: 'passed', exitCode: 0 } as const;
    expect(effectsOf(ended, { ...NOTHING, busy: { main: 's' } }).at(-1)).toEqual({ type: 'busy', busy: {} });
    expect(effectsOf(ended, { ...NOTHING, busy: { main: 'other' } }).at(-1)).toEqual({
      type: 'busy',
      busy: { main: 'other' },
    });
  });

  it('on exit: marks the tab ended and frees the terminal; output goes to the step that holds it', () => {
    expect(
      effectsOf({ type: 'exit', terminal: 'main', code: 0 }, { ...NOTHING, busy: { main: 's' } }),
    ).toEqual([
      { type: 'tab-ended', terminal: 'main' },
      { type: 'busy', busy: {} },
    ]);
    const output = { type: 'output', terminal: 'main', seq: 0, data: 'x' } as const;
    expect(effectsOf(output, { ...NOTHING, busy: { main: 's' } })).toEqual([
      { type: 'capture', stepId: 's', message: output },
    ]);
  });
});
