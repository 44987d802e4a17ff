// The whole walkthrough (every page of docs/, in sidebar order) rehearsed in real shells through the
// terminal hub, against the simulated clusters of tests/fakes (test doubles of crc, oc and skupper).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { createFakeClusters, PULL_SECRET, type FakeClusters } from './support/fakeClusters';
import { processesMentioning, runRehearsalCli, type RehearsalRun } from './support/rehearsal';

const ARO_PASSWORD = 'aro-Pa55-w0rd-for-tests';

let fakes: FakeClusters;
let run: RehearsalRun;

function children(element: Element | undefined, name: string): Element[] {
  return (element?.elements ?? []).filter((child) => child.name === name);
}

beforeAll(async () => {
  fakes = createFakeClusters();
  run = await runRehearsalCli(
    fakes,
    [
      '--var',
      'ARO_API_URL=https://api.azhnz6tm.eastus.aroapp.io:6443/',
      // The authoring guide (docs/authoring) is rehearsed too: its live examples must pass.
      '--var',
      'GREETING=hello',
      '--answer',
      `running-locally/start-openshift-local=${PULL_SECRET}`,
      '--answer-env',
      'split-deployment/log-in-to-aro-and-create-context=TEST_ARO_PASSWORD',
      '--junit',
      join(fakes.home, 'rehearsal.xml'),
      '--tap',
      join(fakes.home, 'rehearsal.tap'),
      '--timeout',
      '120',
    ],
    { TEST_ARO_PASSWORD: ARO_PASSWORD, FAKE_ARO_KUBEADMIN_PASSWORD: ARO_PASSWORD },
  );
}, 600_000);

afterAll(() => fakes.remove());

describe('rehearsing the whole walkthrough against the simulated clusters', () => {
  it('passes every step and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\n\d+ passed, 0 failed/);
    expect(run.code).toBe(0);
  });

  it('writes a JUnit report with a suite per page, in sidebar order, and no failure', () => {
    const document = xml2js(readFileSync(join(fakes.home, 'rehearsal.xml'), 'utf8')) as Element;
    const root = children(document, 'testsuites')[0];
    const suites = children(root, 'testsuite');
    const names = suites.map((suite) => String(suite.attributes?.name));
    // The hybrid-cloud pages (the top of docs/) come first; other walkthroughs (folders) follow.
    expect(names.filter((name) => !['requirements', 'index'].includes(name) && !name.includes('/'))).toEqual([
      'running-locally',
      'split-deployment',
      'backend-failure',
      'clean-up',
    ]);
    const cases = suites.flatMap((suite) => children(suite, 'testcase'));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(Number(root?.attributes?.tests)).toBe(cases.length);
    expect(root?.attributes?.failures).toBe('0');
    expect(cases.filter((c) => children(c, 'failure').length > 0)).toEqual([]);
    const crcStart = cases.find((c) =>
      String(c.attributes?.name).includes('(running-locally/start-openshift-local)'),
    );
    expect(crcStart).toBeDefined();
  });

  it('runs the port-forward in the background and the later steps beside it', () => {
    expect(run.stdout).toMatch(
      /pass\S* +\d+\/\d+ running-locally\/access-the-hello-world-from-localhost-with-a-port-forward .*started in the background/,
    );
  });

  it('never shows the answers it typed, in the log or the reports', () => {
    const reports = [
      run.stdout,
      readFileSync(join(fakes.home, 'rehearsal.xml'), 'utf8'),
      readFileSync(join(fakes.home, 'rehearsal.tap'), 'utf8'),
    ];
    for (const text of reports) {
      expect(text).not.toContain(PULL_SECRET);
      expect(text).not.toContain(ARO_PASSWORD);
    }
  });

  it('leaves no shell or fake CLI running', () => {
    expect(processesMentioning(fakes.home)).toEqual([]);
  });
});
