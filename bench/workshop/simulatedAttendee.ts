/**
 * One simulated attendee: joins through the real form (CSRF value, Origin), opens the page's
 * WebSocket through the router with the session cookie, waits for the first prompt, and runs steps
 * as the page does (run, then acknowledge output). Times are taken where a page would see them.
 */
import WebSocket from 'ws';
import { parseServerMessage, type ClientMessage, type ServerMessage } from '../../src/protocol/messages';

export interface Attendee {
  /** ms from pressing Join to the first prompt on screen. */
  readonly joinToPrompt: number;
  /** Runs a step; resolves with ms from sending Run to its first output, and whether it passed. */
  run(command: string): Promise<{ firstOutputMs: number; passed: boolean }>;
  close(): void;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

let stepCounter = 0;

export async function joinAndConnect(base: string, code: string, name: string): Promise<Attendee> {
  const form = await fetch(`${base}/join?code=${code}`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const started = performance.now();
  const posted = await fetch(`${base}/join`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, Cookie: cookiesOf(form), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, code, name }).toString(),
  });
  if (posted.status !== 303) throw new Error(`${name}: join refused with HTTP ${posted.status}`);
  const socket = new WebSocket(`${base.replace('http', 'ws')}/terminal?token=workshop-session`, {
    headers: { Origin: base, Cookie: cookiesOf(posted) },
    perMessageDeflate: false,
  });
  const listeners = new Set<(message: ServerMessage) => void>();
  socket.on('message', (data) => {
    const parsed = parseServerMessage(data.toString());
    if (!parsed.ok) return;
    const message = parsed.message;
    if (message.type === 'output')
      send({ type: 'ack', terminal: message.terminal, units: message.data.length });
    for (const listener of listeners) listener(message);
  });
  const send = (message: ClientMessage) => socket.send(JSON.stringify(message));
  const until = <T>(pick: (message: ServerMessage) => T | undefined, what: string, timeoutMs = 120_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => done(() => reject(new Error(`${name}: no ${what} within ${timeoutMs} ms`))),
        timeoutMs,
      );
      const listener = (message: ServerMessage) => {
        const value = pick(message);
        if (value !== undefined) done(() => resolve(value));
      };
      const done = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(listener);
        settle();
      };
      listeners.add(listener);
    });
  const prompt = until(
    (m) => (m.type === 'output' && /[$#] $/.test(m.data) ? true : undefined),
    'first prompt',
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`${name}: router refused HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  send({ type: 'attach', terminal: 'main', cols: 100, rows: 30 });
  await prompt;
  const joinToPrompt = performance.now() - started;

  return {
    joinToPrompt,
    async run(command) {
      const stepId = `bench/step-${++stepCounter}`;
      const firstOutput = until((m) => (m.type === 'output' ? performance.now() : undefined), 'output');
      const ended = until(
        (m) => (m.type === 'step' && m.stepId === stepId && m.state !== 'running' ? m.state : undefined),
        `end of ${stepId}`,
      );
      const sent = performance.now();
      send({ type: 'run', terminal: 'main', stepId, command });
      const [at, state] = await Promise.all([firstOutput, ended]);
      return { firstOutputMs: at - sent, passed: state === 'passed' };
    },
    close: () => socket.close(),
  };
}
