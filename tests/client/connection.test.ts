/**
 * The page's connection manager against the real terminal server (real bash shells over node-pty,
 * real WebSockets). Node 20 has no global WebSocket, so the `ws` package's one is injected, with
 * the Origin header a browser would send; the screen is @xterm/headless, written as xterm is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  TerminalConnection,
  type ConnectionState,
  type SocketConstructor,
} from '../../src/client/connection';
import type { Endpoint } from '../../src/client/launch';
import { quietLogger } from '../../server/log';
import { createTerminalHub, type LocalTerminals } from '../../server/terminals';
import { startTerminalServer, type TerminalServer } from '../../server/terminalServer';
import { eventually, freePort, screenSink, stateReached, stepEnd, until } from './support/connectionWaits';

const ORIGIN = 'http://localhost:3999';

class BrowserLikeSocket extends WebSocket {
  constructor(url: string) {
    super(url, { origin: ORIGIN });
  }
}

let home: string;
let hub: LocalTerminals;
let server: TerminalServer;
const open: TerminalConnection[] = [];

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'rw-client-home-'));
  writeFileSync(path.join(home, '.bashrc'), '');
  hub = createTerminalHub({
    cwd: home,
    env: { HOME: home, PS1: '$ ', HISTFILE: path.join(home, '.bash_history') },
    stateDir: mkdtempSync(path.join(os.tmpdir(), 'rw-client-state-')),
    log: quietLogger,
  });
  await hub.ready;
  server = await startTerminalServer({ hub, allowedOrigins: [ORIGIN], log: quietLogger });
});

afterEach(() => {
  for (const connection of open.splice(0)) connection.dispose();
});

afterAll(async () => {
  await server.close();
  await hub.dispose();
  rmSync(home, { recursive: true, force: true });
});

function connect(endpoint: Endpoint | null = { server: server.wsUrl, token: server.token }) {
  const connection = new TerminalConnection({
    endpoint: () => endpoint,
    WebSocket: BrowserLikeSocket as unknown as SocketConstructor,
    backoff: { initialMs: 50, maxMs: 200 },
  });
  open.push(connection);
  const states: ConnectionState[] = [];
  connection.onState((state) => states.push(state));
  connection.connect();
  return { connection, states };
}

describe('TerminalConnection with the real terminal server', () => {
  it('says connected after hello, attaches a terminal and shows what a step prints', async () => {
    const { connection } = connect();
    expect(connection.state).toBe('connecting');
    await stateReached(connection, 'connected');
    const screen = screenSink();
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c1' ? m : undefined));
    connection.attach('c1', { cols: 80, rows: 24 }, screen.sink);
    await attached;
    const ended = until(connection, stepEnd('c1/echo'));
    expect(connection.run('c1', 'c1/echo', 'echo "hello from $((6*7))"')).toBe(true);
    expect(await ended).toMatchObject({ state: 'passed', exitCode: 0 });
    await eventually(() => screen.text().includes('hello from 42'), 'the output on screen');
  });

  it('attaches ahead of its screen: the shell runs a step meanwhile, and the screen gets it all once it comes', async () => {
    const { connection } = connect();
    await stateReached(connection, 'connected');
    const sent: string[] = [];
    const socket = (connection as unknown as { socket: WebSocket }).socket;
    const send = socket.send.bind(socket);
    socket.send = ((data: string) => {
      sent.push(JSON.parse(data).type as string);
      send(data);
    }) as typeof socket.send;
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c5' ? m : undefined));
    connection.attachAhead('c5', { cols: 60, rows: 20 });
    expect(connection.isAttached('c5')).toBe(false);
    expect(connection.isAttaching('c5')).toBe(true);
    await attached;
    const ended = until(connection, stepEnd('c5/early'));
    connection.run('c5', 'c5/early', 'echo early-$((5*5))');
    await ended;
    expect(sent.filter((type) => type === 'ack')).toEqual([]);

    const screen = screenSink();
    connection.attach('c5', { cols: 80, rows: 24 }, screen.sink);
    expect(connection.isAttached('c5')).toBe(true);
    await eventually(() => screen.text().includes('early-25'), 'the output held for the screen');
    await eventually(() => sent.includes('ack'), 'an ack once the screen wrote it');
    expect(sent.filter((type) => type === 'attach')).toHaveLength(1);
    expect(sent).toContain('resize');
  });

  it('in a watch-only window, attaches ahead read-only too: the server refuses what it would type', async () => {
    const { connection } = connect();
    await stateReached(connection, 'connected');
    connection.watchOnly = true;
    const sent: Array<{ type: string; readOnly?: boolean }> = [];
    const socket = (connection as unknown as { socket: WebSocket }).socket;
    const send = socket.send.bind(socket);
    socket.send = ((data: string) => {
      sent.push(JSON.parse(data) as { type: string; readOnly?: boolean });
      send(data);
    }) as typeof socket.send;
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c6' ? m : undefined));
    connection.attachAhead('c6', { cols: 60, rows: 20 });
    await attached;
    connection.attach('c6', { cols: 80, rows: 24 }, screenSink().sink);
    const refused = until(connection, (m) => (m.type === 'error' && m.code === 'read-only' ? m : undefined));
    connection.input('c6', 'touch /nonexistent/typed-by-the-audience\r');
    await refused;
    expect(sent.filter((m) => m.type === 'attach').map((m) => m.readOnly)).toEqual([true]);
  });

  it('reports a failing step with its exit code', async () => {
    const { connection } = connect();
    await stateReached(connection, 'connected');
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c2' ? m : undefined));
    connection.attach('c2', { cols: 80, rows: 24 }, screenSink().sink);
    await attached;
    const ended = until(connection, stepEnd('c2/fail'));
    connection.run('c2', 'c2/fail', 'sh -c "exit 3"');
    expect(await ended).toMatchObject({ state: 'failed', exitCode: 3 });
  });

  it('reconnects after the socket drops and re-attaches without showing anything twice', async () => {
    const { connection, states } = connect();
    await stateReached(connection, 'connected');
    const screen = screenSink();
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c3' ? m : undefined));
    connection.attach('c3', { cols: 80, rows: 24 }, screen.sink);
    await attached;
    const first = until(connection, stepEnd('c3/one'));
    connection.run('c3', 'c3/one', 'echo first-$((1+1))');
    await first;
    await eventually(() => screen.text().includes('first-2'), 'first output');

    // The first attach draws the server's screen (one reset); a re-attach must not draw it again.
    const resetsBefore = screen.resets();
    // What a wifi drop looks like from the page: the socket just goes away.
    (connection as unknown as { socket: WebSocket }).socket.terminate();
    await stateReached(connection, 'reconnecting');
    await stateReached(connection, 'connected');
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);

    const second = until(connection, stepEnd('c3/two'));
    connection.run('c3', 'c3/two', 'echo second-$((2+1))');
    expect(await second).toMatchObject({ state: 'passed' });
    await eventually(() => screen.text().includes('second-3'), 'second output');
    expect(screen.text().match(/first-2/g)).toHaveLength(1);
    expect(screen.resets()).toBe(resetsBefore);
  });

  it('gets the output printed while it was away, once, after re-attaching', async () => {
    const { connection } = connect();
    await stateReached(connection, 'connected');
    const screen = screenSink();
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c4' ? m : undefined));
    connection.attach('c4', { cols: 80, rows: 24 }, screen.sink);
    await attached;
    const running = until(connection, (m) => (m.type === 'step' && m.stepId === 'c4/late' ? m : undefined));
    connection.run('c4', 'c4/late', 'sleep 1; echo away-$((3*3))');
    await running;
    (connection as unknown as { socket: WebSocket }).socket.terminate();
    expect(screen.text()).not.toContain('away-9');
    await stateReached(connection, 'connected');
    await eventually(() => screen.text().includes('away-9'), 'output printed while disconnected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.text().match(/away-9/g)).toHaveLength(1);
  });

  it('acknowledges output only once written, so a slow screen holds the shell back instead of piling up', async () => {
    const { connection } = connect();
    await stateReached(connection, 'connected');
    let received = 0;
    let holding = true;
    const held: Array<() => void> = [];
    const sink = {
      write: (data: string, done: () => void) => {
        received += data.length;
        if (holding) held.push(done);
        else done();
      },
      reset: () => {},
    };
    const attached = until(connection, (m) => (m.type === 'attached' && m.terminal === 'c5' ? m : undefined));
    connection.attach('c5', { cols: 80, rows: 24 }, sink);
    await attached;
    const ended = until(connection, stepEnd('c5/flood'), 60_000);
    connection.run('c5', 'c5/flood', "head -c 1000000 /dev/zero | tr '\\0' x; echo");
    // With nothing acknowledged, the server stops near its high watermark (128 K units).
    await eventually(() => received > 100_000, 'the first 100 K units');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const plateau = received;
    console.log(`units received while nothing was acknowledged: ${plateau}`);
    expect(plateau).toBeLessThan(400_000);
    holding = false;
    for (const done of held.splice(0)) done();
    expect(await ended).toMatchObject({ state: 'passed' });
    expect(received).toBeGreaterThan(1_000_000);
  });

  it('says refused when the server is there but the token is not this start’s', async () => {
    const { connection } = connect({ server: server.wsUrl, token: 'not-the-token' });
    await stateReached(connection, 'refused');
  });

  it('says no-server when nothing listens at the address', async () => {
    const port = await freePort();
    const { connection } = connect({ server: `ws://127.0.0.1:${port}/terminal`, token: 'x' });
    await stateReached(connection, 'no-server');
  });

  it('says no-server without trying when the page has no server address (static site)', () => {
    const { connection, states } = connect(null);
    expect(connection.state).toBe('no-server');
    expect(states).toEqual(['no-server']);
  });

  it('stops retrying and drops every listener when disposed', async () => {
    const port = await freePort();
    const { connection, states } = connect({ server: `ws://127.0.0.1:${port}/terminal`, token: 'x' });
    await stateReached(connection, 'no-server');
    connection.dispose();
    const seen = states.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(states).toHaveLength(seen);
    expect((connection as unknown as { socket: unknown }).socket).toBeNull();
  });
});
