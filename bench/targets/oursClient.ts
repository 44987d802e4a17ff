/**
 * The terminal server's protocol spoken from Node (`src/protocol/messages.ts`), with the Origin and
 * token a page of the site would bring: background terminals, and closing a terminal so that a
 * "first Run" starts a new shell.
 */
import WebSocket from 'ws';
import { readManifest } from '../../server/workshop/siteManifest';
import {
  TERMINAL_PATH,
  TOKEN_PARAM,
  type ClientMessage,
  type ServerMessage,
} from '../../src/protocol/messages';
import { TypingLoop, type BackgroundTerminal } from './background';

export interface LiveEndpoint {
  /** `http://localhost:PORT/` */
  origin: string;
  token: string;
}

export function endpointFromLaunchUrl(launchUrl: string): LiveEndpoint {
  const url = new URL(launchUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('rw-token');
  if (!token) throw new Error(`The launch URL ${launchUrl} carries no rw-token.`);
  return { origin: `${url.origin}/`, token };
}

class ProtocolClient {
  private readonly socket: WebSocket;
  private readonly listeners = new Set<(message: ServerMessage) => void>();
  readonly opened: Promise<void>;

  constructor(endpoint: LiveEndpoint) {
    const url = new URL(TERMINAL_PATH, endpoint.origin.replace(/^http/, 'ws'));
    url.searchParams.set(TOKEN_PARAM, endpoint.token);
    this.socket = new WebSocket(url, { origin: new URL(endpoint.origin).origin });
    this.socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      for (const listener of this.listeners) listener(message);
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.on((message) => {
        if (message.type === 'hello') resolve();
      });
    });
  }

  on(listener: (message: ServerMessage) => void): void {
    this.listeners.add(listener);
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  next(matches: (message: ServerMessage) => boolean, timeoutMs: number): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const listener = (message: ServerMessage) => {
        if (!matches(message)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message);
      };
      this.on(listener);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close(1000, 'bench done');
    });
  }
}

/** Attaches to `terminal` (creating it), then opens it in the background typing loop. */
export async function openOursBackground(
  endpoint: LiveEndpoint,
  terminal: string,
): Promise<BackgroundTerminal> {
  const client = new ProtocolClient(endpoint);
  await client.opened;
  const typing = new TypingLoop((data) => client.send({ type: 'input', terminal, data }));
  client.on((message) => {
    if (message.type !== 'output' || message.terminal !== terminal) return;
    // Acknowledge at once: this client "writes" nothing, and must never hold its shell paused.
    client.send({ type: 'ack', terminal, units: message.data.length });
    typing.output();
  });
  const attached = client.next((m) => m.type === 'attached' || m.type === 'error', 20_000);
  client.send({ type: 'attach', terminal, cols: 80, rows: 24 });
  const reply = await attached;
  if (reply.type === 'error') {
    await client.close();
    throw new Error(`The server refused terminal ${terminal}: ${reply.message}`);
  }
  return {
    echoes: typing.echoes,
    startTyping: (intervalMs) => typing.start(intervalMs),
    async close() {
      typing.stop();
      client.send({ type: 'close', terminal });
      await client.close();
    },
  };
}

/** Ends `terminal`'s shell on the server (if it exists), so the next Run starts a new one. */
export async function closeOursTerminal(endpoint: LiveEndpoint, terminal: string): Promise<void> {
  const client = new ProtocolClient(endpoint);
  await client.opened;
  const attached = client.next((m) => m.type === 'attached' || m.type === 'error', 20_000);
  client.send({ type: 'attach', terminal, cols: 80, rows: 24 });
  await attached;
  const exited = client
    .next((m) => m.type === 'exit' && m.terminal === terminal, 10_000)
    .catch((error: Error) => error);
  client.send({ type: 'close', terminal });
  const result = await exited;
  await client.close();
  if (result instanceof Error)
    throw new Error(`Terminal ${terminal} did not exit after close: ${result.message}`);
}

/**
 * The warm Run without a page: a Node client on the same server runs `stepId` in a terminal of its
 * own, `runs` times, and times each from its `run` frame to the first output frame back (the command
 * line shown, or its output). What the server, the shell and loopback take alone, to set beside the
 * page's figure.
 */
export async function protocolRuns(
  endpoint: LiveEndpoint,
  { stepId, command }: { stepId: string; command: string },
  runs: number,
): Promise<number[]> {
  const terminal = 'bench-protocol-run';
  const client = new ProtocolClient(endpoint);
  await client.opened;
  // Acknowledged at once, as the page would: the client draws nothing.
  client.on((message) => {
    if (message.type === 'output' && message.terminal === terminal)
      client.send({ type: 'ack', terminal, units: message.data.length });
  });
  const prompt = client.next(
    (m) => m.type === 'output' && m.terminal === terminal && /\$ $/.test(m.data),
    20_000,
  );
  client.send({ type: 'attach', terminal, cols: 80, rows: 24 });
  await prompt;
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const first = client.next((m) => m.type === 'output' && m.terminal === terminal, 10_000);
      const ended = client.next(
        (m) => m.type === 'step' && m.terminal === terminal && m.state !== 'running',
        30_000,
      );
      const sentAt = performance.now();
      client.send({ type: 'run', terminal, stepId, command });
      // Both awaited together: a step that never ends fails this Run, not the bench's process later.
      const [firstAt] = await Promise.all([first.then(() => performance.now()), ended]);
      samples.push(firstAt - sentAt);
      // Not back to back: a page's Runs are a click apart.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    client.send({ type: 'close', terminal });
    await client.close();
  }
  return samples;
}

/** A step's command as the page sends it (a step with no variables), from the build's manifest. */
export function stepCommandOf(buildDir: string, stepId: string): { stepId: string; command: string } {
  const step = readManifest(buildDir)
    ?.pages.flatMap((page) => page.steps)
    .find((s) => s.id === stepId);
  if (!step) throw new Error(`No step ${stepId} in the build's steps.json.`);
  return { stepId, command: step.command };
}
