/**
 * The page's connection manager against the real terminal server (real bash shells over node-pty,
 * real WebSockets): attaching, running steps, watching. The screen is @xterm/headless, written as
 * xterm is. Reconnects, acknowledgements and refusals: connectionRecovery.test.ts.
 */
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { eventually, screenSink, stateReached, stepEnd, until } from './support/connectionWaits';
import { connect, server, useRealTerminalServer } from './support/realTerminalServer';

useRealTerminalServer();

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
    const { connection } = connect(undefined, 'watch');
    await stateReached(connection, 'connected');
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

  it('as an audience, waits for a terminal that does not exist yet and shows it once the presenter opens it', async () => {
    const audience = connect({ server: server().wsUrl, token: server().audienceToken! }, 'watch').connection;
    await stateReached(audience, 'connected');
    const errors: string[] = [];
    audience.onMessage((m) => void (m.type === 'error' && errors.push(m.code)));
    const watched = screenSink();
    const attached = until(audience, (m) => (m.type === 'attached' && m.terminal === 'c7' ? m : undefined));
    audience.attach('c7', { cols: 80, rows: 24 }, watched.sink);
    // The server answers "no such terminal" to the first ask; the audience asks again a second later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { connection: presenter } = connect();
    await stateReached(presenter, 'connected');
    presenter.attach('c7', { cols: 80, rows: 24 }, screenSink().sink);
    await attached;
    const ended = until(presenter, stepEnd('c7/shown'));
    presenter.run('c7', 'c7/shown', 'echo shown-to-$((2*21))');
    await ended;
    await eventually(() => watched.text().includes('shown-to-42'), 'the output on the audience screen');
    expect(errors).toEqual([]);
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
});
