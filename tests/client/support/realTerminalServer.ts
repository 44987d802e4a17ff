/**
 * The real terminal server (bash over node-pty, real WebSockets) for the page's connection tests:
 * `useRealTerminalServer()` in a test file starts one before its tests and stops it after, and
 * `connect` opens a TerminalConnection to it as a page of the site would. Node 20 has no global
 * WebSocket, so the `ws` package's one is injected, with the Origin header a browser sends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  TerminalConnection,
  type Access,
  type ConnectionState,
  type SocketConstructor,
} from '../../../src/client/connection';
import type { Endpoint } from '../../../src/client/launch';
import { quietLogger } from '../../../server/log';
import { createTerminalHub, type LocalTerminals } from '../../../server/terminals';
import { startTerminalServer, type TerminalServer } from '../../../server/terminalServer';

const ORIGIN = 'http://localhost:3999';

class BrowserLikeSocket extends WebSocket {
  constructor(url: string) {
    super(url, { origin: ORIGIN });
  }
}

let homeDir: string;
let hub: LocalTerminals;
let running: TerminalServer | undefined;
const open: TerminalConnection[] = [];

export function useRealTerminalServer(): void {
  beforeAll(async () => {
    homeDir = mkdtempSync(path.join(os.tmpdir(), 'rw-client-home-'));
    writeFileSync(path.join(homeDir, '.bashrc'), '');
    hub = createTerminalHub({
      cwd: homeDir,
      env: { HOME: homeDir, PS1: '$ ', HISTFILE: path.join(homeDir, '.bash_history') },
      stateDir: mkdtempSync(path.join(os.tmpdir(), 'rw-client-state-')),
      log: quietLogger,
    });
    await hub.ready;
    running = await startTerminalServer({ hub, allowedOrigins: [ORIGIN], audience: true, log: quietLogger });
  });

  afterEach(() => {
    for (const connection of open.splice(0)) connection.dispose();
  });

  afterAll(async () => {
    await running?.close();
    await hub.dispose();
    rmSync(homeDir, { recursive: true, force: true });
  });
}

/** The shells' HOME (and working directory). */
export function home(): string {
  return homeDir;
}

export function server(): TerminalServer {
  if (!running) throw new Error('call useRealTerminalServer() in the test file first');
  return running;
}

/** A connection as a page makes it, to the real server unless told another endpoint. */
export function connect(
  endpoint: Endpoint | null = { server: server().wsUrl, token: server().token },
  access: Access = 'write',
) {
  const connection = new TerminalConnection({
    endpoint: () => endpoint,
    access,
    WebSocket: BrowserLikeSocket as unknown as SocketConstructor,
    backoff: { initialMs: 50, maxMs: 200 },
  });
  open.push(connection);
  const states: ConnectionState[] = [];
  connection.onState((state) => states.push(state));
  connection.connect();
  return { connection, states };
}
