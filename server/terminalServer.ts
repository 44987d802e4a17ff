/**
 * The terminal server: an HTTP server whose only WebSocket endpoint is TERMINAL_PATH, optionally
 * serving a built site beside it (one origin, for `npm run live`). Every upgrade passes the
 * upgrade guard before the WebSocket handshake and before the hub hears of the client.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import serveHandler from 'serve-handler';
import { WebSocketServer } from 'ws';
import { CloseCode, LAUNCH_PARAMS, MAX_FRAME_BYTES, TERMINAL_PATH } from '../src/protocol/messages';
import type { TerminalHub } from './hub';
import { consoleLogger, type Logger } from './log';
import { createAccessTokens } from './transport/accessTokens';
import { openConnection, type Connection } from './transport/connection';
import { acceptedHostNames, asHostHeaderName } from './transport/hostNames';
import { refuseUpgrade } from './transport/refusal';
import { checkHost, checkUpgrade, normalizeOrigin, type UpgradePolicy } from './transport/upgradeGuard';

export interface TerminalServerOptions {
  readonly hub: TerminalHub;
  /** Default 127.0.0.1. A non-loopback host is the caller's decision (the CLI wants --allow-remote). */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Origins of pages that may connect, besides this server's own (e.g. the dev site's). */
  readonly allowedOrigins?: readonly string[];
  /** A built site to serve at `/` from the same port. */
  readonly siteDir?: string;
  /** Also make a watch-only token (presenter mode's audience). */
  readonly audience?: boolean;
  /** The full-access token to accept; default: a fresh random one. */
  readonly token?: string;
  /** The watch-only token to accept (implies `audience`); default: a fresh one if `audience`. */
  readonly audienceToken?: string;
  readonly log?: Logger;
  readonly heartbeatMs?: number;
}

export interface TerminalServer {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly audienceToken: string | undefined;
  /** Where a page connects, without the token. */
  readonly wsUrl: string;
  /** The one URL to open: the site's page with the server and token in its fragment. */
  launchUrl(siteOrigin: string, options?: { audience?: boolean }): string;
  /** Closes every connection (the hub keeps its terminals; dispose it separately) and stops listening. */
  close(): Promise<void>;
}

export class TerminalServerError extends Error {
  constructor(
    readonly code: 'port-in-use' | 'cannot-listen' | 'bad-origin',
    message: string,
  ) {
    super(message);
    this.name = 'TerminalServerError';
  }
}

export async function startTerminalServer(options: TerminalServerOptions): Promise<TerminalServer> {
  const log = options.log ?? consoleLogger;
  const bindHost = options.host ?? '127.0.0.1';
  const extraOrigins = (options.allowedOrigins ?? []).map((origin) => {
    const normalized = normalizeOrigin(origin);
    if (!normalized) throw new TerminalServerError('bad-origin', `"${origin}" is not an http(s) origin`);
    return normalized;
  });
  const tokens = createAccessTokens({
    audience: options.audience ?? false,
    token: options.token,
    audienceToken: options.audienceToken,
  });
  const connections = new Set<Connection>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const server = createServer();
  const port = await listen(server, bindHost, options.port ?? 0);
  const hostNames = acceptedHostNames(bindHost);
  const ownOrigins = [...hostNames].map((name) => `http://${name}:${port}`);
  const policy: UpgradePolicy = {
    port,
    hostNames,
    origins: new Set([...ownOrigins, ...extraOrigins]),
    tokens,
  };

  // Handlers are attached right after `listen` resolves, before any connection can be processed.
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const refusal = checkHost(request, policy);
    if (refusal && !refusal.ok) return respond(response, refusal.status, refusal.reason);
    if (options.siteDir) serveSite(options.siteDir, request, response, log);
    else respond(response, 404, 'This is the terminal server; open the URL it printed.');
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log.warn(`upgrade socket: ${error.message}`));
    const verdict = checkUpgrade(request, policy);
    if (!verdict.ok) {
      log.warn(`refused a connection from ${request.socket.remoteAddress}: ${verdict.reason}`);
      return refuseUpgrade(socket, verdict.status, verdict.reason);
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      try {
        const connection = openConnection(ws, {
          hub: options.hub,
          access: verdict.access === 'audience' ? 'watch' : 'write',
          log,
          heartbeatMs: options.heartbeatMs,
        });
        connections.add(connection);
        ws.once('close', () => connections.delete(connection));
      } catch (error) {
        log.error('could not open a terminal connection', error);
        ws.close(1011, 'the terminal server failed; see its log');
      }
    });
  });

  server.on('clientError', (error, socket) => {
    // Node's parser rejected the request (malformed headers and the like): answer, never crash.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
    log.warn(`malformed request refused: ${error.message}`);
  });

  const urlHost = ['0.0.0.0', '::', '[::]'].includes(bindHost) ? '127.0.0.1' : asHostHeaderName(bindHost);
  const wsUrl = `ws://${urlHost}:${port}${TERMINAL_PATH}`;

  return {
    host: bindHost,
    port,
    token: tokens.token,
    audienceToken: tokens.audienceToken,
    wsUrl,
    launchUrl(siteOrigin, launch = {}) {
      const token = launch.audience ? tokens.audienceToken : tokens.token;
      if (token === undefined) throw new Error('this server was started without an audience token');
      const origin = normalizeOrigin(siteOrigin) ?? siteOrigin;
      const params = new URLSearchParams();
      if (!ownOrigins.includes(origin)) params.set(LAUNCH_PARAMS.server, wsUrl);
      params.set(LAUNCH_PARAMS.token, token);
      return `${origin}/#${params.toString()}`;
    },
    async close() {
      for (const client of wss.clients)
        client.close(CloseCode.shuttingDown, 'the terminal server is stopping');
      for (const connection of connections) connection.dispose();
      connections.clear();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      reject(
        error.code === 'EADDRINUSE'
          ? new TerminalServerError(
              'port-in-use',
              `port ${port} on ${host} is in use; pick another with --port`,
            )
          : new TerminalServerError('cannot-listen', `cannot listen on ${where}: ${error.message}`),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function serveSite(siteDir: string, request: IncomingMessage, response: ServerResponse, log: Logger): void {
  // The options `docusaurus serve` uses, so pages resolve the same way as there.
  serveHandler(request, response, { public: siteDir, cleanUrls: true, directoryListing: false }).catch(
    (error: unknown) => {
      log.error(`serving ${request.url ?? '?'} failed`, error);
      if (!response.headersSent) respond(response, 500, 'the site could not be served; see the server log');
      else response.destroy();
    },
  );
}

function respond(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  response.end(`${text}\n`);
}
