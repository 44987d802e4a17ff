/**
 * The page's connection manager against the real terminal server when things go wrong: a dropped
 * socket, a slow screen, a refused token, no server at all, a page that goes away.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { eventually, freePort, screenSink, stateReached, stepEnd, until } from './support/connectionWaits';
import { connect, home, server, useRealTerminalServer } from './support/realTerminalServer';
import { FLOW_CONTROL } from '../../src/protocol/flowControl';

useRealTerminalServer();

describe('TerminalConnection with the real terminal server, when things go wrong', () => {
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
    // It prints once the test says so (a file appears), not after a second that a busy machine may take.
    const go = path.join(home(), 'c4-go');
    connection.run('c4', 'c4/late', `until [ -e ${go} ]; do sleep 0.05; done; echo away-$((3*3))`);
    await running;
    (connection as unknown as { socket: WebSocket }).socket.terminate();
    expect(screen.text()).not.toContain('away-9');
    writeFileSync(go, '');
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
    // With nothing acknowledged, the server stops near its high watermark.
    await eventually(() => received >= FLOW_CONTROL.highWatermark, 'a high watermark of output');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const plateau = received;
    console.log(`units received while nothing was acknowledged: ${plateau}`);
    expect(plateau).toBeLessThan(FLOW_CONTROL.highWatermark + 4 * 32 * 1024);
    holding = false;
    for (const done of held.splice(0)) done();
    expect(await ended).toMatchObject({ state: 'passed' });
    expect(received).toBeGreaterThan(1_000_000);
  });

  it('says refused when the server is there but the token is not this start’s', async () => {
    const { connection } = connect({ server: server().wsUrl, token: 'not-the-token' });
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
