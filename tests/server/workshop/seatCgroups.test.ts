/**
 * A memory cap per attendee, not per process: each seat's whole workspace is in a cgroup of its own.
 * One attendee's runaway is killed at the seat's cap (far below the 2 GiB a single process may map),
 * while another attendee's shell, and the runaway's own shell, live on. Needs cgroups this test may
 * write (root, v2 with the memory controller or v1); elsewhere it is skipped and says why.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCgroupRoots } from '../../../server/workshop/local/cgroupRoots';
import { descendantsOf } from '../../../server/workshop/local/descendants';
import { openSeatCgroups } from '../../../server/workshop/local/seatCgroups';
import type { TestClient } from '../helpers/testClient';
import { connectTo, owner, providerFixture, runStep, type ProviderFixture } from './fixture';

const CAP = 256 * 1024 ** 2;

function cgroupsWritable(): { ok: boolean; reason: string } {
  const probe = openSeatCgroups(`rw-cgroup-probe-${process.pid}`, {
    memoryBytes: CAP,
    processes: 64,
    cpus: 1,
  });
  probe.close();
  return { ok: probe.kind !== 'none', reason: probe.warning ?? '' };
}

const writable = cgroupsWritable();
if (!writable.ok) console.warn(`seat cgroup tests skipped: ${writable.reason}`);

describe.skipIf(!writable.ok)(`a cgroup per seat (${findCgroupRoots().kind})`, () => {
  let fixture: ProviderFixture;
  let ann: TestClient;
  let ben: TestClient;

  async function connect(id: string): Promise<TestClient> {
    const result = await fixture.provider.endpoint(id);
    if (!result.ok) throw new Error(result.message);
    return connectTo(result.endpoint);
  }

  beforeAll(async () => {
    fixture = await providerFixture({ limits: { workspaceMemoryBytes: CAP } });
    await fixture.provider.create(owner('ann'));
    await fixture.provider.create(owner('ben'));
    ann = await connect('ann');
    ben = await connect('ben');
  }, 120_000);

  afterAll(async () => {
    await ann?.close();
    await ben?.close();
    await fixture?.cleanup();
  });

  it('puts every process of a workspace, its shells included, in the seat’s cgroup', async () => {
    expect((await runStep(ann, 'sleep 30 &')).state).toBe('passed');
    const root = fixture.provider.runningPids().get('ann');
    if (root === undefined) throw new Error('ann’s workspace is not running');
    const tree = [root, ...descendantsOf(root).map((p) => p.pid)];
    // The terminal server, bwrap, bash and the sleep, at least.
    expect(tree.length).toBeGreaterThanOrEqual(4);
    expect(fixture.provider.cgroups.seats()).toHaveLength(2);
    const inside = new Set(
      fixture.provider.cgroups.folders.flatMap((folder) =>
        readdirSync(folder)
          .filter((entry) => entry.startsWith('seat-'))
          .flatMap((seat) => readFileSync(path.join(folder, seat, 'cgroup.procs'), 'utf8').split('\n'))
          .filter(Boolean)
          .map(Number),
      ),
    );
    for (const pid of tree) expect(inside.has(pid), `process ${pid} is in a seat's cgroup`).toBe(true);
  });

  it('kills what allocates past the seat’s cap, and only that: the other seat’s shell lives on', async () => {
    // `tail` keeps a line without a newline whole: 400 MiB of zeros, one process, under its 2 GiB rlimit.
    const runaway = await runStep(ann, 'head -c 400M /dev/zero | tail > /dev/null');
    expect(runaway.state).toBe('failed');
    expect(runaway.exitCode).toBe(128 + 9);

    const other = await runStep(ben, 'echo ben-still-here');
    expect(other.state).toBe('passed');
    expect(other.output).toContain('ben-still-here');
    // The cap ended the runaway, not the attendee's workspace.
    expect((await runStep(ann, 'echo ann-still-here')).output).toContain('ann-still-here');
  });

  it('removes a seat’s cgroup when its workspace stops, and every cgroup when the provider ends', async () => {
    const { cgroups } = fixture.provider;
    const before = cgroups.seats();
    await ann.close();
    await fixture.provider.stop('ann');
    expect(cgroups.seats()).toHaveLength(before.length - 1);
    await ben.close();
    await fixture.provider.dispose();
    expect(cgroups.seats()).toEqual([]);
    expect(cgroups.folders.length).toBeGreaterThan(0);
    for (const folder of cgroups.folders) expect(existsSync(folder)).toBe(false);
  });
});

describe('where cgroups cannot be used', () => {
  it('starts without them and says what is not enforced', () => {
    // A hierarchy where no folder can be made (here: a plain file stands where it should be).
    const blocked = mkdtempSync(path.join(os.tmpdir(), 'rw-cgroup-'));
    writeFileSync(path.join(blocked, 'memory'), '');
    const unwritable = openSeatCgroups(
      'rw-workshop-x',
      { memoryBytes: CAP, processes: 64, cpus: 1 },
      { kind: 'v1', memory: path.join(blocked, 'memory') },
    );
    rmSync(blocked, { recursive: true, force: true });
    expect(unwritable.kind).toBe('none');
    expect(unwritable.warning).toMatch(/cannot write \S*memory\/rw-workshop-x/);
    expect(unwritable.warning).toMatch(/memory is capped per process only/);
    expect(unwritable.prepare(1)).toBeNull();
  });

  it('caps memory and processes without the cpu hierarchy, and says CPU time is not capped', () => {
    const v1 = mkdtempSync(path.join(os.tmpdir(), 'rw-cgroup-'));
    const cgroups = openSeatCgroups(
      'rw-workshop-y',
      { memoryBytes: CAP, processes: 64, cpus: 1 },
      { kind: 'v1', memory: path.join(v1, 'memory'), pids: path.join(v1, 'pids') },
    );
    expect(cgroups.kind).toBe('v1');
    expect(cgroups.warning).toMatch(/no CPU cap per seat \(no cgroup v1 cpu hierarchy is mounted\)/);
    const seat = cgroups.prepare(3);
    expect(seat?.dirs).toEqual([
      path.join(v1, 'memory', 'rw-workshop-y', 'seat-3'),
      path.join(v1, 'pids', 'rw-workshop-y', 'seat-3'),
    ]);
    expect(readFileSync(path.join(seat!.dirs[0]!, 'memory.limit_in_bytes'), 'utf8')).toBe(String(CAP));
    rmSync(v1, { recursive: true, force: true });
  });

  it('finds v1 memory and pids when the unified hierarchy lacks the memory controller', () => {
    const proc = mkdtempSync(path.join(os.tmpdir(), 'rw-proc-'));
    const unified = path.join(proc, 'unified');
    mkdirSync(unified);
    writeFileSync(path.join(unified, 'cgroup.controllers'), 'hugetlb\n');
    writeFileSync(
      path.join(proc, 'mountinfo'),
      [
        `40 30 0:35 / ${path.join(proc, 'memory')} rw,relatime - cgroup cgroup rw,memory`,
        `41 30 0:36 /lab ${path.join(proc, 'pids')} rw,relatime - cgroup cgroup rw,pids`,
        `43 30 0:38 / ${path.join(proc, 'cpu')} rw,relatime - cgroup cgroup rw,cpu,cpuacct`,
        `42 30 0:37 / ${unified} rw,relatime - cgroup2 cgroup2 rw`,
      ].join('\n'),
    );
    writeFileSync(path.join(proc, 'cgroup'), '8:pids:/lab/me\n4:memory:/box/me\n2:cpu,cpuacct:/\n0::/\n');
    expect(findCgroupRoots(proc)).toEqual({
      kind: 'v1',
      memory: path.join(proc, 'memory', 'box', 'me'),
      // The pids hierarchy is mounted from /lab: the server's cgroup is /me under that mount.
      pids: path.join(proc, 'pids', 'me'),
      cpu: path.join(proc, 'cpu'),
    });
    writeFileSync(path.join(unified, 'cgroup.controllers'), 'cpu memory pids\n');
    expect(findCgroupRoots(proc)).toEqual({ kind: 'v2', dir: unified });
    rmSync(proc, { recursive: true, force: true });
  });
});
