import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENTER_ID } from '../../../server/workshop/context';
import { is } from '../helpers/testClient';
import { runStep } from './fixture';
import { workshopFixture, type WorkshopFixture } from './workshopFixture';

let workshop: WorkshopFixture;
beforeAll(async () => {
  workshop = await workshopFixture();
});
afterAll(async () => workshop?.cleanup());

describe('following the presenter through the router', () => {
  it('says with a 200, not an error, that nothing is presented yet: attendee pages ask every 15 s', async () => {
    const cookie = await workshop.join('Ida');
    const response = await fetch(`${workshop.base}/workshop/presenter/state.json`, {
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ live: false });
    const stranger = await fetch(`${workshop.base}/workshop/presenter/state.json`);
    expect(stranger.status).toBe(401);
  });

  it('mirrors the presenter’s terminal to an attendee, who may watch but not type or run', async () => {
    const presenter = await workshop.connect(await workshop.instructorCookie());
    await runStep(presenter, 'echo presenter-was-here');
    const follower = await workshop.connect(await workshop.join('Fay'), { query: '?follow=presenter' });
    follower.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await follower.next(is.attached('main'), 30_000);
    await expect.poll(() => follower.output('main')).toContain('presenter-was-here');
    follower.send({ type: 'input', terminal: 'main', data: 'touch ~/typed-by-a-follower\r' });
    expect((await follower.next(is.error, 30_000)).code).toBe('read-only');
    follower.send({ type: 'run', terminal: 'main', stepId: 'x/y', command: 'true' });
    expect((await follower.next(is.error, 30_000)).code).toBe('read-only');
    expect((await runStep(presenter, 'ls ~/typed-by-a-follower')).state).toBe('failed');
    await follower.close();
    await presenter.close();
  });

  it('gives a follower the presenter’s workspace only, and nobody without a session', async () => {
    expect(workshop.workspaces.provider.runningPids().has(PRESENTER_ID)).toBe(true);
    await expect(workshop.connect('', { query: '?follow=presenter' })).rejects.toThrow('HTTP 401');
    const cookie = await workshop.join('Gus');
    await expect(workshop.connect(cookie, { query: '?follow=someone-else' })).rejects.toThrow('HTTP 404');
  });
});
