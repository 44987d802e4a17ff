/**
 * The instructor's dashboard state (`/instructor/state.json`) from real Runs through the router:
 * where an attendee is stuck, named as the page names the step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { is, type TestClient } from '../helpers/testClient';
import { workshopFixture, type WorkshopFixture } from './workshopFixture';

let workshop: WorkshopFixture;
let alice: TestClient;

interface State {
  pages: { id: string }[];
  attendees: {
    name: string;
    pages: Record<string, { passed: number; failed: number; stuck?: { title: string; state: string } }>;
  }[];
}

async function dashboard(): Promise<State> {
  const response = await fetch(`${workshop.base}/instructor/state.json`, {
    headers: { Cookie: await workshop.instructorCookie() },
  });
  return (await response.json()) as State;
}

async function cellOf(name: string): Promise<State['attendees'][number]['pages'][string] | undefined> {
  return (await dashboard()).attendees.find((attendee) => attendee.name === name)?.pages['intro'];
}

async function run(stepId: string, command: string): Promise<void> {
  alice.send({ type: 'run', terminal: 'main', stepId, command });
  await alice.next(is.stepEnded(stepId), 30_000);
}

beforeAll(async () => {
  workshop = await workshopFixture();
  alice = await workshop.connect(await workshop.join('Alice'));
  alice.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
  await alice.next(is.attached('main'), 30_000);
});
afterAll(async () => {
  await alice?.close();
  await workshop?.cleanup();
});

describe("the instructor's dashboard", () => {
  it('names the step an attendee is stuck on by its title, or by its place on the page', async () => {
    await run('intro/hello', 'false');
    expect(await cellOf('Alice')).toMatchObject({
      failed: 1,
      stuck: { title: 'say hello', state: 'failed' },
    });
    await run('intro/hello', 'true');
    await run('intro/files', '(exit 3)');
    expect(await cellOf('Alice')).toMatchObject({
      passed: 1,
      failed: 1,
      stuck: { title: 'step 2', state: 'failed' },
    });
  });

  it("has a column for each page of the site's walkthrough, and for another walkthrough's page once it is used", async () => {
    expect((await dashboard()).pages.map((page) => page.id)).toEqual(['intro']);
    await run('guide/more/one', 'true');
    expect((await dashboard()).pages.map((page) => page.id)).toEqual(['intro', 'guide/more']);
  });
});
