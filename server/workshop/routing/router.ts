/**
 * The router: every WebSocket upgrade is authenticated (authenticateUpgrade) before anything else;
 * then the attendee's workspace is asked for its endpoint (started if it must be, never for a
 * watcher), the router connects to it, and only then completes the page's upgrade and joins the two.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { CloseCode, MAX_FRAME_BYTES } from '../../../src/protocol/messages';
import { refuseUpgrade } from '../../transport/refusal';
import type { WorkshopContext } from '../context';
import { authenticateUpgrade } from './authenticate';
import { joinSockets, openUpstream, type Upstream } from './proxy';

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

  async function route(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const verdict = authenticateUpgrade(request, context);
    if (!verdict.ok) {
      context.log.warn(`router refused ${request.socket.remoteAddress}: ${verdict.reason}`);
      return refuseUpgrade(socket, verdict.status, verdict.reason);
    }
    const found = await context.provider.endpoint(verdict.workspace, { access: verdict.access });
    if (!found.ok) {
      context.log.warn(`the workspace ${verdict.workspace} is not available: ${found.message}`);
      const status = found.code === 'not-found' ? 404 : 503;
      return refuseUpgrade(socket, status, found.message.slice(0, 300));
    }
    let upstream: Upstream;
    try {
      upstream = await openUpstream(found.endpoint);
    } catch (error) {
      return refuseUpgrade(socket, 503, `the workspace did not answer: ${(error as Error).message}`);
    }
    if (socket.destroyed) return void upstream.socket.close();
    wss.handleUpgrade(request, socket, head, (page) => {
      alive.add(page);
      page.on('pong', () => alive.add(page));
      const set = byWorkspace.get(verdict.workspace) ?? new Set();
      set.add(page);
      byWorkspace.set(verdict.workspace, set);
      page.once('close', () => {
        set.delete(page);
        if (set.size === 0) byWorkspace.delete(verdict.workspace);
      });
      const attendee = verdict.reportsFor;
      joinSockets(page, upstream, {
        onStep: attendee
          ? (step) => context.store.recordStep(attendee, step.stepId, step.state, step.exitCode ?? null)
          : undefined,
        onClientFrame: attendee ? () => reportActivity(attendee) : undefined,
      });
      if (attendee) reportActivity(attendee);
    });
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
