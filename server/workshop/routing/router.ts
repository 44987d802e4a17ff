/**
 * The router: every WebSocket upgrade is authenticated (authenticateUpgrade) before anything else;
 * then the attendee's workspace is asked for its endpoint (started if it must be, never for a
 * watcher), the router connects to it, and only then completes the page's upgrade and joins the two.
 * If the workspace keeps it waiting (a pod being scheduled), the page is upgraded at once and told
 * how long so far (waitingPage.ts), then joined on the same connection: no reload.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { CloseCode, MAX_FRAME_BYTES } from '../../../src/protocol/messages';
import { refuseUpgrade } from '../../transport/refusal';
import type { WorkshopContext } from '../context';
import { authenticateUpgrade } from './authenticate';
import { joinSockets, keepEarlyFrames, openUpstream, type Side, type Upstream } from './proxy';
import { WaitingPage } from './waitingPage';

/** A page that stops answering pings is gone: its socket is closed, which frees the workspace's side. */
const PING_EVERY_MS = 30_000;
/** Activity is written at most this often per attendee: a keystroke stream is not a write stream. */
const ACTIVITY_WRITE_MS = 10_000;

export interface Router {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every page connected to this workspace (session ended, workspace stopped). */
  disconnect(workspace: string, reason: string): void;
  connectedWorkspaces(): Set<string>;
  close(): void;
}

export function createRouter(context: WorkshopContext): Router {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const byWorkspace = new Map<string, Set<WebSocket>>();
  const lastActivityWrite = new Map<string, number>();
  const alive = new WeakSet<WebSocket>();

  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, PING_EVERY_MS);
  heartbeat.unref();

  function reportActivity(attendeeId: string): void {
    const now = Date.now();
    if (now - (lastActivityWrite.get(attendeeId) ?? 0) < ACTIVITY_WRITE_MS) return;
    lastActivityWrite.set(attendeeId, now);
    context.store.touch(attendeeId, now);
  }

  /** Completes the page's upgrade, keeping what it sends until it is joined; undefined if it went away first. */
  function accept(request: IncomingMessage, socket: Duplex, head: Buffer, workspace: string) {
    return new Promise<Side | undefined>((resolve) => {
      if (socket.destroyed) return resolve(undefined);
      socket.once('close', () => resolve(undefined));
      wss.handleUpgrade(request, socket, head, (page) => {
        alive.add(page);
        page.on('pong', () => alive.add(page));
        const set = byWorkspace.get(workspace) ?? new Set();
        set.add(page);
        byWorkspace.set(workspace, set);
        page.once('close', () => {
          set.delete(page);
          if (set.size === 0) byWorkspace.delete(workspace);
        });
        resolve(keepEarlyFrames(page));
      });
    });
  }

  async function route(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const verdict = authenticateUpgrade(request, context);
    if (!verdict.ok) {
      context.log.warn(`router refused ${request.socket.remoteAddress}: ${verdict.reason}`);
      return refuseUpgrade(socket, verdict.status, verdict.reason);
    }
    const gone = new AbortController();
    socket.once('close', () => gone.abort());
    // A workspace that is ready (the usual case) is joined at once and a refusal stays an HTTP
    // status; only a wait the provider reports upgrades the page early, to tell it how long so far.
    const waiting = new WaitingPage(() => accept(request, socket, head, verdict.workspace));
    const found = await context.provider.endpoint(verdict.workspace, {
      access: verdict.access,
      signal: gone.signal,
      onWaiting: ({ elapsedMs, detail }) => waiting.starting(elapsedMs, detail),
    });
    let upstream: Upstream | undefined;
    let failure = found.ok ? undefined : found.message;
    if (found.ok) {
      try {
        upstream = await openUpstream(found.endpoint);
      } catch (error) {
        failure = `the workspace did not answer: ${(error as Error).message}`;
      }
    }
    if (!upstream) {
      const why = failure ?? 'the workspace is not available';
      context.log.warn(`the workspace ${verdict.workspace} is not available: ${why}`);
      // No workspace is a refusal; one that cannot start is said in words, which a page reads only
      // from its WebSocket (a browser hides a refused upgrade's status and body).
      if (!waiting.upgraded && !found.ok && found.code === 'not-found')
        return refuseUpgrade(socket, 404, why.slice(0, 300));
      return waiting.failed(why);
    }
    const page = await (waiting.page ?? accept(request, socket, head, verdict.workspace));
    if (!page || page.socket.readyState !== WebSocket.OPEN) return void upstream.socket.close();
    const attendee = verdict.reportsFor;
    joinSockets(page, upstream, {
      onStep: attendee
        ? (step) => context.store.recordStep(attendee, step.stepId, step.state, step.exitCode ?? null)
        : undefined,
      // The dashboard would miss this step's result: say so rather than lose it silently.
      onStepError: (error) => context.log.error(`recording a step of ${attendee ?? '?'} failed`, error),
      onClientFrame: attendee ? () => reportActivity(attendee) : undefined,
    });
    if (attendee) reportActivity(attendee);
  }

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', (error) => context.log.warn(`router socket: ${error.message}`));
      route(request, socket, head).catch((error: unknown) => {
        context.log.error('routing a connection failed', error);
        if (!socket.destroyed) refuseUpgrade(socket, 503, 'the workshop server failed; see its log');
      });
    },
    disconnect(workspace, reason) {
      for (const page of byWorkspace.get(workspace) ?? []) page.close(CloseCode.shuttingDown, reason);
    },
    connectedWorkspaces: () => new Set(byWorkspace.keys()),
    close() {
      clearInterval(heartbeat);
      for (const client of wss.clients)
        client.close(CloseCode.shuttingDown, 'the workshop server is stopping');
      wss.close();
    },
  };
}
