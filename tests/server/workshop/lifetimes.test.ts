import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietLogger } from '../../../server/log';
import { startLifetimes, type Lifetimes } from '../../../server/workshop/lifetimes';
import { readStat } from '../../../server/terminals/local/processTree';
import { runStep } from './fixture';
import { workshopFixture, type WorkshopFixture } from './workshopFixture';

let workshop: WorkshopFixture;
let lifetimes: Lifetimes;
beforeAll(async () => {
  workshop = await workshopFixture({ seats: 2, expiresMs: 10 * 3_600_000, idleMs: 60_000 });
  // Swept by hand, at chosen times: the timer's own interval is far away.
  lifetimes = startLifetimes({ ...workshop.context, log: quietLogger }, workshop.server.router, 3_600_000);
});
afterAll(async () => {
  lifetimes?.stop();
  await workshop?.cleanup();
});

const idOf = (name: string) =>
  workshop.context.store.activeAttendees().find((a) => a.displayName === name)?.id;

describe('lifetimes', () => {
  it('stops a workspace idle past --idle with no page connected, keeps its HOME, and starts it again on return', async () => {
    const cookie = await workshop.join('Idle');
    const id = idOf('Idle')!;
    const page = await workshop.connect(cookie);
    await runStep(page, 'echo still-here > ~/kept && sleep 500 &');
    const pid = workshop.workspaces.provider.runningPids().get(id)!;
    await lifetimes.sweep(Date.now() + 2 * workshop.context.settings.idleMs);
    expect(workshop.workspaces.provider.runningPids().has(id)).toBe(true); // a page is still connected
    await page.close();
    await expect.poll(() => workshop.server.router.connectedWorkspaces().has(id)).toBe(false);
    await lifetimes.sweep(Date.now() + 2 * workshop.context.settings.idleMs);
    expect(workshop.workspaces.provider.runningPids().has(id)).toBe(false);
    expect(readStat(pid)?.state ?? 'gone').toMatch(/gone|Z/);
    const back = await workshop.connect(cookie);
    expect((await runStep(back, 'cat ~/kept')).output).toContain('still-here');
    await back.close();
  });

  it('ends a session at --expires: its seat is freed, its pages closed, its workspace stopped', async () => {
    const cookie = await workshop.join('Leaving');
    const id = idOf('Leaving')!;
    const page = await workshop.connect(cookie);
    await runStep(page, 'true');
    expect(workshop.context.store.activeAttendees()).toHaveLength(2);
    await lifetimes.sweep(Date.now() + workshop.context.settings.expiresMs + 1);
    expect((await page.closed).reason).toContain('ended');
    expect(workshop.workspaces.provider.runningPids().has(id)).toBe(false);
    expect(workshop.context.store.activeAttendees().map((a) => a.displayName)).not.toContain('Leaving');
    await expect(workshop.connect(cookie)).rejects.toThrow('HTTP 401');
  });
});
