/**
 * A CPU cap per attendee: each seat's whole workspace shares one quota of CPU time (its cgroup's),
 * so one attendee's busy loop or flood cannot take the CPU the room and the server need. Real
 * cgroups, real sandboxed workspaces; needs cgroups with the cpu controller this test may write
 * (root, v2 with cpu delegated or v1's cpu hierarchy); elsewhere it is skipped and says why.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCgroupRoots } from '../../../server/workshop/local/cgroupRoots';
import { openSeatCgroups } from '../../../server/workshop/local/seatCgroups';
import type { TestClient } from '../helpers/testClient';
import { connectTo, owner, providerFixture, runStep, type ProviderFixture } from './fixture';

const SEAT_CPUS = 0.25;

function cpuCappable(): { ok: boolean; reason: string } {
  const probe = openSeatCgroups(`rw-cpu-probe-${process.pid}`, {
    memoryBytes: 256 * 1024 ** 2,
    processes: 64,
    cpus: SEAT_CPUS,
  });
  probe.close();
  return { ok: probe.kind !== 'none' && probe.warning === undefined, reason: probe.warning ?? '' };
}

/** The kernel's count of periods in which the seats of this workshop were held back at their quota. */
function throttledPeriods(folders: readonly string[]): number {
  let total = 0;
  for (const folder of folders)
    for (const seat of readdirSync(folder).filter((entry) => entry.startsWith('seat-'))) {
      const stat = path.join(folder, seat, 'cpu.stat');
      if (!existsSync(stat)) continue;
      const throttled = /^nr_throttled (\d+)$/m.exec(readFileSync(stat, 'utf8'));
      total += Number(throttled?.[1] ?? 0);
    }
  return total;
}

const cappable = cpuCappable();
if (!cappable.ok) console.warn(`seat CPU tests skipped: ${cappable.reason}`);

describe.skipIf(!cappable.ok)(`a CPU cap per seat (${findCgroupRoots().kind})`, () => {
  let fixture: ProviderFixture;
  let ann: TestClient;

  beforeAll(async () => {
    fixture = await providerFixture({ limits: { cpus: SEAT_CPUS } });
    await fixture.provider.create(owner('ann'));
    const result = await fixture.provider.endpoint('ann');
    if (!result.ok) throw new Error(result.message);
    ann = await connectTo(result.endpoint);
  }, 120_000);

  afterAll(async () => {
    await ann?.close();
    await fixture?.cleanup();
  });

  it("holds an attendee's busy loop to the seat's quota, and the kernel says it held it back", async () => {
    // bash's `time` reports the loop's wall-clock and CPU seconds: real, user, system.
    const loop = await runStep(
      ann,
      "TIMEFORMAT='cpu-time %R %U %S'; time timeout 2 sh -c 'while :; do :; done'; echo loop-over",
    );
    expect(loop.output).toContain('loop-over');
    const times = /cpu-time (\d+\.\d+) (\d+\.\d+) (\d+\.\d+)/.exec(loop.output);
    if (!times) throw new Error(`no timing in: ${loop.output}`);
    const [real, user, system] = times.slice(1).map(Number) as [number, number, number];
    expect(real).toBeGreaterThanOrEqual(1.9);
    // Uncapped, a busy loop takes a whole CPU (a share near 1); capped, a quarter of one.
    expect((user + system) / real).toBeLessThan(SEAT_CPUS * 1.4);
    expect(throttledPeriods(fixture.provider.cgroups.folders)).toBeGreaterThan(0);
  });
});
