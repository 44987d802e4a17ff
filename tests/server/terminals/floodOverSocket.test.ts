/**
 * `yes` at full speed through the real WebSocket to a client that does what the page does: it
 * validates every frame with the protocol (and ignores one that breaks it), writes output to a
 * screen that parses at a browser's pace, and acknowledges once written (src/client's
 * TerminalChannel and AckBatcher). A frame the page ignores is never acknowledged, so the server
 * would stay paused for good: Ctrl-C must still bring the prompt back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { plainOutput } from '../../../src/client/plainOutput';
import { TerminalChannel } from '../../../src/client/terminalChannel';
import { MAX_FRAME_BYTES, parseServerMessage } from '../../../src/protocol/messages';
import { startTestServer, type TestServer } from '../helpers/testServer';

/** Units per second the fake screen parses: about what xterm's DOM renderer keeps up with. */
const SCREEN_UNITS_PER_SECOND = 2_000_000;
const PROMPT = /[$#] ?$/;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busyFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

class PageLikeClient {
  /** The last of the screen's text (enough to see the prompt). */
  tail = '';
  largestFrame = 0;
  ignoredFrames = 0;
  private readonly queue: Array<{ data: string; done: () => void }> = [];
  private writing = false;
  readonly channel: TerminalChannel;

  constructor(readonly socket: WebSocket) {
    this.channel = new TerminalChannel(
      'main',
      { cols: 80, rows: 24 },
      'write',
      {
        write: (data, done) => {
          this.queue.push({ data, done });
          this.drain();
        },
        reset: () => {
          this.tail = '';
        },
      },
      (units) => socket.send(JSON.stringify({ type: 'ack', terminal: 'main', units })),
    );
    socket.on('message', (raw) => {
      const frame = raw.toString();
      this.largestFrame = Math.max(this.largestFrame, frame.length);
      const parsed = parseServerMessage(frame);
      if (!parsed.ok) {
        this.ignoredFrames += 1; // as src/client/connection.ts does
        return;
      }
      const message = parsed.message;
      if (message.type === 'attached') this.channel.attached(message);
      if (message.type === 'output') this.channel.output(message);
    });
  }

  static async open(server: TestServer): Promise<PageLikeClient> {
    const url = new URL(server.server.wsUrl);
    url.searchParams.set('token', server.server.token);
    const socket = new WebSocket(url, { headers: { Origin: 'http://localhost:3999' } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const client = new PageLikeClient(socket);
    client.send(client.channel.attachMessage());
    return client;
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  type(data: string): void {
    this.send({ type: 'input', terminal: 'main', data });
  }

  async waitForPrompt(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      // A snapshot (what a fast-forwarded page gets) ends in escape sequences that place the cursor.
      if (PROMPT.test(plainOutput(this.tail))) return true;
      await pause(10);
    }
    return false;
  }

  /** One chunk at a time, each taking as long as a screen would need for it. */
  private drain(): void {
    if (this.writing) return;
    const next = this.queue.shift();
    if (!next) return;
    this.writing = true;
    setTimeout(
      () => {
        this.tail = (this.tail + next.data).slice(-200);
        this.writing = false;
        next.done();
        this.drain();
      },
      (next.data.length / SCREEN_UNITS_PER_SECOND) * 1000,
    );
  }
}

describe('a flood over the WebSocket', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('fits every output frame in the protocol, and Ctrl-C brings the prompt back each time', async () => {
    server = await startTestServer();
    const client = await PageLikeClient.open(server);
    expect(await client.waitForPrompt(10_000)).toBe(true);
    for (let round = 1; round <= 3; round += 1) {
      client.type('yes\r');
      // The server's event loop stalls now and then (a GC, a busy moment): the pty's output piles
      // up meanwhile and comes in one large read.
      for (let stall = 0; stall < 10; stall += 1) {
        await pause(250);
        busyFor(100);
      }
      client.tail = '';
      client.type('\x03');
      const promptBack = await client.waitForPrompt(10_000);
      console.log(
        `round ${round}: prompt back ${promptBack}; largest frame ${client.largestFrame} chars, ` +
          `${client.ignoredFrames} frames broke the protocol`,
      );
      expect({ round, promptBack }).toEqual({ round, promptBack: true });
    }
    expect(client.largestFrame).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(client.ignoredFrames).toBe(0);
    client.socket.close();
  }, 60_000);
});
