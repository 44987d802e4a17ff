// How a rehearsal fails: drift from the recorded output, a CLI missing from PATH, a prompt nobody
// answers, a step that hangs. Against the simulated clusters of tests/fakes (test doubles).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { createFakeClusters, FAKES_BIN, PULL_SECRET, type FakeClusters } from './support/fakeClusters';
import {
  processesMentioning,
  processRunning,
  REPO,
  runRehearsalCli,
  startRehearsalCli,
} from './support/rehearsal';

// Each test is a whole rehearsal in real shells: generous on a busy 2-core machine.
const REHEARSAL_TIMEOUT = 240_000;

const START = 'running-locally/start-openshift-local';
const NAMESPACE = 'running-locally/create-a-project-namespace';

let fakes: FakeClusters;
beforeEach(() => {
  fakes = createFakeClusters();
});
afterEach(() => fakes.remove());

/** A copy of docs/running-locally.md whose recorded output for the namespace step says something else. */
function docsWithChangedRecording(): string {
  const docs = join(fakes.home, 'docs');
  mkdirSync(docs);
  const page = readFileSync(join(REPO, 'docs/running-locally.md'), 'utf8');
  const changed = page.replace('\nnamespace/hello-world created\n', '\nnamespace/hello-universe created\n');
  expect(changed).not.toBe(page);
  writeFileSync(join(docs, 'running-locally.md'), changed);
  return docs;
}

/** Step id to the type of its JUnit failure (undefined: passed). */
function testCaseFailures(junit: string): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  const walk = (element: Element) => {
    if (element.name === 'testcase') {
      const id = /\(([^()]+)\)$/.exec(String(element.attributes?.name))?.[1] ?? '';
      const failure = element.elements?.find((child) => child.name === 'failure');
      found.set(id, failure ? String(failure.attributes?.type) : undefined);
    }
    for (const child of element.elements ?? []) walk(child);
  };
  walk(xml2js(junit) as Element);
  return found;
}

describe('output drift', () => {
  it(
    'reports a changed recorded output with a diff, and passes without --strict-output',
    async () => {
      const docs = docsWithChangedRecording();
      const run = await runRehearsalCli(fakes, [
        '--docs',
        docs,
        '--to',
        NAMESPACE,
        '--answer',
        `${START}=${PULL_SECRET}`,
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`drift in ${NAMESPACE} (- recorded, + this run, after normalizing):`);
      // A unified diff: a hunk header, then -recorded and +this run.
      expect(run.stdout).toMatch(/^ *@@ -\d+(,\d+)? \+\d+(,\d+)? @@$/m);
      expect(run.stdout).toMatch(/^ *-namespace\/hello-universe created$/m);
      expect(run.stdout).toMatch(/^ *\+namespace\/hello-world created$/m);
      expect(run.stdout).not.toContain('drift in running-locally/log-in-as-admin');
    },
    REHEARSAL_TIMEOUT,
  );

  it(
    'fails the drifted step with --strict-output',
    async () => {
      const docs = docsWithChangedRecording();
      const junit = join(fakes.home, 'strict.xml');
      const run = await runRehearsalCli(fakes, [
        '--docs',
        docs,
        '--to',
        NAMESPACE,
        '--answer',
        `${START}=${PULL_SECRET}`,
        '--strict-output',
        '--junit',
        junit,
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`^FAIL +\\d+/\\d+ ${NAMESPACE} `, 'm'));
      const failureOf = testCaseFailures(readFileSync(junit, 'utf8'));
      expect(failureOf.get(NAMESPACE)).toBe('drift');
      expect(failureOf.get('running-locally/log-in-as-admin')).toBeUndefined();
    },
    REHEARSAL_TIMEOUT,
  );
});

describe('a CLI missing from PATH', () => {
  it(
    'fails the first step that calls it, saying it is not installed',
    async () => {
      const bin = join(fakes.home, 'bin-without-skupper');
      mkdirSync(bin);
      for (const tool of ['crc', 'oc']) symlinkSync(join(FAKES_BIN, tool), join(bin, tool));
      const systemPath = (process.env.PATH ?? '')
        .split(delimiter)
        .filter((dir) => resolve(dir) !== FAKES_BIN);
      const run = await runRehearsalCli(
        fakes,
        [
          '--to',
          'split-deployment/enable-skupper',
          '--var',
          'ARO_API_URL=https://api.example.eastus.aroapp.io:6443/',
          '--answer',
          `${START}=${PULL_SECRET}`,
          '--answer',
          'split-deployment/log-in-to-aro-and-create-context=secret',
        ],
        { PATH: [bin, ...systemPath].join(delimiter) },
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^FAIL +\d+\/\d+ split-deployment\/enable-skupper \[north\] exit 127 /m);
      expect(run.stdout).toContain(
        'Step split-deployment/enable-skupper failed: `skupper` is not installed (command not found, exit 127).',
      );
      expect(run.stdout).toMatch(/^pass +\d+\/\d+ split-deployment\/log-in-to-aro-and-create-context /m);
      expect(processesMentioning(fakes.home)).toEqual([]);
    },
    REHEARSAL_TIMEOUT,
  );
});

describe('steps that never end by themselves', () => {
  const stuck = resolve(__dirname, '__fixtures__/stuck');

  it(
    'interrupts a prompt nobody answers, names the step and the flag, and leaves nothing running',
    async () => {
      const run = await runRehearsalCli(fakes, [
        '--docs',
        stuck,
        '--to',
        'stuck/start-openshift-local',
        '--input-timeout',
        '2',
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        'Step stuck/start-openshift-local waited 2s for input that nobody gave: pass --answer stuck/start-openshift-local=<text>',
      );
      expect(run.stdout).toContain('? Please enter the pull secret');
      expect(processesMentioning(fakes.home)).toEqual([]);
    },
    REHEARSAL_TIMEOUT,
  );

  it(
    'interrupts a step past --timeout and says how to fix it',
    async () => {
      const run = await runRehearsalCli(fakes, [
        '--docs',
        stuck,
        '--from',
        'stuck/wait-forever',
        '--timeout',
        '2',
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Step stuck/wait-forever did not finish within 2s and was interrupted.');
      expect(processesMentioning(fakes.home)).toEqual([]);
    },
    REHEARSAL_TIMEOUT,
  );

  it(
    'stops on Ctrl-C: the running step interrupted, the reports written, every shell ended',
    async () => {
      const tap = join(fakes.home, 'stopped.tap');
      const { child, finished } = startRehearsalCli(fakes, [
        '--docs',
        stuck,
        '--from',
        'stuck/wait-forever',
        '--tap',
        tap,
      ]);
      await processRunning(fakes.home, 'sleep 600');
      child.kill('SIGINT');
      const run = await finished;
      expect(run.code).toBe(130);
      expect(run.stdout).toContain('Step stuck/wait-forever was interrupted: the rehearsal was stopped.');
      expect(readFileSync(tap, 'utf8')).toContain('Bail out! The rehearsal was stopped.');
      expect(processesMentioning(fakes.home)).toEqual([]);
    },
    REHEARSAL_TIMEOUT,
  );
});
