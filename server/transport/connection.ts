/**
 * One WebSocket, one TerminalClient. Every frame is validated at this edge; whatever a frame
 * contains, the peer gets an `error` message or a close code, never a crash and never a silent drop.
 */
import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import {
  assertNever,
  CloseCode,
  PROTOCOL_VERSION,
  type ClientMessage,
  type ErrorMessage,
  type ServerMessage,
} from '../../src/protocol/messages';
import { parseClientMessage } from '../../src/protocol/schemas';
import { type Access, HubError, type TerminalClient, type TerminalHub } from '../hub';
import type { Logger } from '../log';
import { startHeartbeat } from './heartbeat';
import { keystrokeParsed, traceClock } from '../terminals/core/keystrokeTrace';

/** This many malformed frames in a row and the peer is not speaking our protocol. */
export const MALFORMED_STREAK_LIMIT = 32;

export interface ConnectionOptions {
  readonly hub: TerminalHub;
  /** From the token the connection presented: an audience token only watches. */
  readonly access: Access;
  readonly log: Logger;
  readonly heartbeatMs?: number;
}

export interface Connection {
  readonly client: TerminalClient;
  /** Stops listening and tells the hub the client is gone; safe to call twice. */
  dispose(): void;
}

export function openConnection(socket: WebSocket, options: ConnectionOptions): Connection {
  const { hub, log } = options;
  const client: TerminalClient = {
    id: randomUUID(),
    access: options.access,
    send(message: ServerMessage, encoded?: string) {
      if (socket.readyState === socket.OPEN) socket.send(encoded ?? JSON.stringify(message));
    },
  };
  let malformedStreak = 0;
  let disposed = false;

  const reply = (error: Omit<ErrorMessage, 'type'>) => client.send({ type: 'error', ...error });

  const refuseFrame = (error: Omit<ErrorMessage, 'type'>) => {
    reply(error);
    malformedStreak += 1;
    if (malformedStreak >= MALFORMED_STREAK_LIMIT) {
      socket.close(CloseCode.protocolAbuse, `${MALFORMED_STREAK_LIMIT} malformed frames in a row`);
    }
  };

  const onMessage = (data: RawData, isBinary: boolean) => {
    const receivedAt = traceClock();
    if (isBinary) {
      refuseFrame({
        code: 'bad-message',
        message: 'binary frames are not part of this protocol; send JSON text',
      });
      return;
    }
    const parsed = parseClientMessage(rawText(data));
    if (!parsed.ok) {
      refuseFrame({ code: parsed.code, message: parsed.message });
      return;
    }
    malformedStreak = 0;
    if (parsed.message.type === 'input') keystrokeParsed(parsed.message.terminal, receivedAt);
    dispatch(parsed.message);
  };

  const dispatch = (message: ClientMessage) => {
    try {
      settle(message, handle(message));
    } catch (error) {
      report(message, error);
    }
  };

  // The hub's methods return void, but an implementation may grow async ones: a rejection is reported too.
  const settle = (message: ClientMessage, result: unknown) => {
    if (result instanceof Promise) result.catch((error: unknown) => report(message, error));
  };

  const handle = (message: ClientMessage): unknown => {
    switch (message.type) {
      case 'attach': {
        const { type: _type, ...attach } = message;
        return hub.attach(client, attach);
      }
      case 'input':
        return hub.input(client, message.terminal, message.data);
      case 'run': {
        const { type: _type, ...run } = message;
        return hub.run(client, run);
      }
      case 'interrupt':
        return hub.interrupt(client, message.terminal, message.stepId);
      case 'resize':
        return hub.resize(client, message.terminal, message.cols, message.rows);
      case 'ack':
        return hub.ack(client, message.terminal, message.units);
      case 'detach':
        return hub.detach(client, message.terminal);
      case 'close':
        return hub.close(client, message.terminal);
      default:
        return assertNever(message);
    }
  };

  const report = (message: ClientMessage, error: unknown) => {
    if (error instanceof HubError) {
      reply({ code: error.code, message: error.message, terminal: error.terminal, stepId: error.stepId });
      return;
    }
    log.error(`terminal server failed on a "${message.type}" message from client ${client.id}`, error);
    reply({
      code: 'internal',
      message: `The terminal server failed on "${message.type}": ${describe(error)}. Its log has the details.`,
      terminal: 'terminal' in message ? message.terminal : undefined,
    });
  };

  const onSocketError = (error: Error) => log.warn(`client ${client.id}: ${error.message}`);
  const stopHeartbeat = startHeartbeat(socket, options.heartbeatMs);

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    stopHeartbeat();
    socket.off('message', onMessage);
    socket.off('close', dispose);
    // onSocketError stays: an 'error' after close with no listener would crash the process.
    try {
      hub.disconnect(client);
    } catch (error) {
      log.error(`the hub failed to let client ${client.id} go`, error);
    }
  };

  socket.on('message', onMessage);
  socket.on('close', dispose);
  socket.on('error', onSocketError);
  client.send({
    type: 'hello',
    version: PROTOCOL_VERSION,
    terminals: hub.list(),
    readOnly: options.access === 'watch',
  });
  return { client, dispose };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
