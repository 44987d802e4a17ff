import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStat } from '../../../server/terminals/local/processTree';
import { descendantsOf } from '../../../server/workshop/local/descendants';
import { DATABASE_FILE } from '../../../server/workshop/state/database';
import type { WorkspaceEndpoint } from '../../../server/workshop/workspaceProvider';
import type { TestClient } from '../helpers/testClient';
import { connectTo, owner, providerFixture, runStep, type ProviderFixture } from './fixture';

let fixture: ProviderFixture;
let a: TestClient;
let b: TestClient;
let endpointA: WorkspaceEndpoint;

async function endpointOf(id: string): Promise<WorkspaceEndpoint> {
  const result = await fixture.provider.endpoint(id);
  if (!result.ok) throw new Error(result.message);
  return result.endpoint;
}

beforeAll(async () => {
  fixture = await providerFixture();
  await fixture.provider.create(owner('alice'));
  await fixture.provider.create(owner('bob'));
  endpointA = await endpointOf('alice');
  a = await connectTo(endpointA);
  b = await connectTo(await endpointOf('bob'));
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await fixture?.cleanup();
});

const homeOf = (id: string) => path.join(fixture.dataDir, 'homes', id);

describe('the local provider', () => {
  it('runs an attendee’s steps in a shell whose HOME is their own and persists on disk', async () => {
    const run = await runStep(a, 'echo "note of alice" > ~/mine.txt && echo "home=$HOME"');
    expect(run.state).toBe('passed');
    expect(run.output).toContain(`home=${homeOf('alice')}`);
    expect(readFileSync(path.join(homeOf('alice'), 'mine.txt'), 'utf8')).toBe('note of alice\n');
  });

  it('keeps the system read-only and /tmp private to the workspace', async () => {
    expect((await runStep(a, 'touch /usr/rw-sandbox-probe')).state).toBe('failed');
    await runStep(a, 'echo private > /tmp/alice-tmp');
    expect((await runStep(b, 'test -e /tmp/alice-tmp')).state).toBe('failed');
  });

  it('hides other attendees’ homes and the workshop database from the sandbox', async () => {
    await runStep(a, 'echo secret > ~/secret.txt');
    const peek = await runStep(b, `cat ${homeOf('alice')}/secret.txt`);
    expect(peek.state).toBe('failed');
    expect(peek.output).not.toContain('secret\r\n');
    expect((await runStep(b, `test -e ${path.join(fixture.dataDir, DATABASE_FILE)}`)).state).toBe('failed');
    expect((await runStep(b, `ls -A ${path.join(fixture.dataDir, 'homes')}`)).output).not.toContain('alice');
  });

  it('keeps an attendee from seeing or signalling another’s processes', async () => {
    await runStep(a, 'sleep 1234 &');
    const serverOfA = fixture.provider.runningPids().get('alice')!;
    const sleeper = await expect
      .poll(() =>
        descendantsOf(serverOfA)
          .map((p) => p.pid)
          .find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('1234')),
      )
      .toBeDefined()
      .then(() =>
        descendantsOf(serverOfA)
          .map((p) => p.pid)
          .find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('1234')),
      );
    const seen = await runStep(b, 'ps -eo args');
    expect(seen.output).not.toContain('sleep 1234');
    const kill = await runStep(b, `kill -9 ${sleeper}`);
    expect(kill.state).toBe('failed');
    expect(readStat(sleeper!)).toBeDefined();
  });

  it('stops a workspace with everything it started, keeps its HOME, and starts it again on demand', async () => {
    const serverOfA = fixture.provider.runningPids().get('alice')!;
    const started = descendantsOf(serverOfA).map((p) => p.pid);
    await a.close();
    await fixture.provider.stop('alice');
    expect(started.length).toBeGreaterThan(2);
    // A zombie waits for the host's init to reap it: it runs nothing and holds nothing.
    for (const pid of [serverOfA, ...started]) expect(readStat(pid)?.state ?? 'gone').toMatch(/gone|Z/);
    expect((await fixture.provider.find('alice'))?.state).toBe('stopped');
    a = await connectTo(await endpointOf('alice'));
    expect((await runStep(a, 'cat ~/mine.txt')).output).toContain('note of alice');
  });
});
