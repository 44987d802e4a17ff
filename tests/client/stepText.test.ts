import { describe, expect, it } from 'vitest';
import { pageProgress } from '../../src/client/progress';
import { clustersOf, formatDuration, missingProgram } from '../../src/client/stepFacts';
import { substituteVariables, unsetVariables } from '../../src/client/variables';
import type { Step } from '../../src/remark/stepModel';

describe('substituteVariables', () => {
  const names = ['ARO_API_URL'];
  const values = { ARO_API_URL: 'https://api.example:6443/' };

  it('puts the value in for $NAME, ${NAME} and ${NAME:-fallback}', () => {
    expect(substituteVariables('oc login $ARO_API_URL -u kubeadmin', names, values)).toBe(
      'oc login https://api.example:6443/ -u kubeadmin',
    );
    expect(substituteVariables('echo ${ARO_API_URL}x ${ARO_API_URL:-none}', names, values)).toBe(
      'echo https://api.example:6443/x https://api.example:6443/',
    );
  });

  it('leaves other shell variables and longer names alone', () => {
    expect(substituteVariables('echo $HOME $ARO_API_URL_2 ${PATH}', names, values)).toBe(
      'echo $HOME $ARO_API_URL_2 ${PATH}',
    );
  });

  it('leaves a variable without a value for the shell, and reports it as unset', () => {
    expect(substituteVariables('oc login $ARO_API_URL', names, { ARO_API_URL: '  ' })).toBe(
      'oc login $ARO_API_URL',
    );
    expect(unsetVariables(names, { ARO_API_URL: '  ' })).toEqual(['ARO_API_URL']);
    expect(unsetVariables(names, values)).toEqual([]);
  });

  it('does not treat $ in a value as a replacement pattern', () => {
    expect(substituteVariables('echo $P', ['P'], { P: "a$&b$'c" })).toBe("echo a$&b$'c");
  });
});

describe('step facts', () => {
  it('names the cluster a step switches to', () => {
    expect(clustersOf('oc config use-context aro\nskupper init')).toEqual([
      { context: 'aro', label: 'north · ARO' },
    ]);
    expect(clustersOf('oc config use-context local && oc get pods').map((c) => c.label)).toEqual([
      'south · local',
    ]);
    expect(clustersOf('echo hello')).toEqual([]);
  });

  it('names the program a shell could not find, on the failing line', () => {
    expect(missingProgram('oc config use-context local\noc get pods')).toBe('oc');
    expect(missingProgram('echo start\ncrc start', 2)).toBe('crc');
    expect(missingProgram('KUBECONFIG=x sudo skupper init')).toBe('skupper');
  });

  it('formats durations for the passed badge', () => {
    expect(formatDuration(120)).toBe('120 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});

describe('pageProgress', () => {
  const step = (id: string, extra: Partial<Step> = {}): Step => ({
    id,
    pageId: 'p',
    index: 0,
    lang: 'bash',
    terminal: 'main',
    command: 'true',
    display: 'true',
    norun: false,
    background: false,
    recordedOutputs: [],
    variables: [],
    ...extra,
  });

  it('counts a page finished when every runnable, foreground step passed', () => {
    const steps = [step('a'), step('b'), step('c', { norun: true }), step('d', { background: true })];
    expect(pageProgress(steps, { a: { state: 'passed' } })).toMatchObject({
      passed: 1,
      total: 2,
      finished: false,
    });
    expect(pageProgress(steps, { a: { state: 'passed' }, b: { state: 'passed' } }).finished).toBe(true);
    expect(pageProgress([step('x', { norun: true })], {}).finished).toBe(false);
  });
});
