/**
 * The wire protocol between the page and the terminal server. The message shapes are written once,
 * as schemas, in ./schemas.ts: the server validates every client frame with them at its edge, and
 * both ends import the same types, so both `switch (msg.type)` over one discriminated union. This
 * module is the part the page imports, so it stays free of zod (~9 KB gzip on every page's first
 * load): constants, those types (erased at build) and a light check of the server's frames, which
 * tests/protocol holds to the schemas.
 *
 * Output offsets (`seq`) count UTF-16 code units of a terminal's output stream since the terminal
 * was created: `seq` is the offset of the first unit of `data`, so a client that has written
 * `seq + data.length` units re-attaches with `since` set to that and receives nothing twice.
 * A snapshot (`reset: true`) of the screen at stream offset M is numbered `seq = M - data.length`,
 * so the same rule holds for it: after writing it, the client holds M.
 */
import type { ErrorCode, ServerMessage } from './schemas';

export type {
  AttachMessage,
  ClientMessage,
  ErrorCode,
  ErrorMessage,
  OutputMessage,
  RunMessage,
  ServerMessage,
  StepMessage,
  StepState,
  TerminalName,
  TerminalSummary,
  WorkspaceMessage,
} from './schemas';

export { FLOW_CONTROL } from './flowControl';
export { OutputOffset, type OutputFrame, type TakenOutput } from './outputOffset';

/**
 * 2: `ack.units` (was `bytes`), `parent` on a background terminal's summary and step messages, no
 * `pid` in `attached` or a terminal summary (the page never needed the server's process ids).
 */
export const PROTOCOL_VERSION = 2;

/** A WebSocket frame larger than this is refused by the server (close code 1009). */
export const MAX_FRAME_BYTES = 64 * 1024;
export const MAX_COMMAND_LENGTH = 16_384;
export const MAX_INPUT_LENGTH = 16_384;
/** The interrupt character Ctrl-C types: both ends act on it in `input` (the page draws what it holds, the server reads on to the prompt). */
export const CTRL_C = '\x03';

/** The path the terminal server upgrades on, on its own port or beside a served site. */
export const TERMINAL_PATH = '/terminal';
/** The query parameter that carries the per-start token on the upgrade request. */
export const TOKEN_PARAM = 'token';

export const STEP_STATES = ['running', 'waiting-input', 'passed', 'failed', 'interrupted'] as const;
/** A hosted workspace the router is waiting for (`workspace` message). */
export const WORKSPACE_STATES = ['starting', 'failed'] as const;

export const ERROR_CODES = [
  'bad-message', // not JSON, unknown type, or fields that do not validate
  'too-large', // a frame or a field over its limit
  'unknown-terminal', // no such terminal (or not attached by this client)
  'busy', // a step is already running in that terminal
  'read-only', // this client or connection may only watch
  'too-many-terminals', // the server's --max-terminals is reached
  'terminal-exited', // the shell of that terminal is gone
  'internal', // the server failed; the message says what
] as const;

/** WebSocket close codes the server uses, beside the standard 1000/1001/1009. */
export const CloseCode = {
  /** Too many malformed frames in a row: the peer is not speaking this protocol. */
  protocolAbuse: 4400,
  /** The server is stopping. */
  shuttingDown: 1001,
  tooLarge: 1009,
  /** A hosted workshop's router: the attendee's workspace could not start (a `workspace` message said why). */
  workspaceUnavailable: 4503,
} as const;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; code: ErrorCode; message: string };

type FieldKind =
  'string' | 'number' | 'int' | 'boolean' | 'array' | 'step-state' | 'error-code' | 'workspace-state';
/** `?` marks an optional field; `int|null` a nullable one. */
type Fields = Record<string, FieldKind | `${FieldKind}?` | 'int|null'>;

const SERVER_FIELDS: Record<ServerMessage['type'], Fields> = {
  hello: { version: 'int', terminals: 'array', readOnly: 'boolean' },
  attached: { terminal: 'string', cols: 'int', rows: 'int', readOnly: 'boolean', seq: 'int' },
  output: { terminal: 'string', seq: 'int', data: 'string', reset: 'boolean?' },
  step: {
    terminal: 'string',
    stepId: 'string',
    state: 'step-state',
    exitCode: 'int?',
    durationMs: 'number?',
    line: 'int?',
    parent: 'string?',
  },
  exit: { terminal: 'string', code: 'int|null' },
  error: { code: 'error-code', message: 'string', terminal: 'string?', stepId: 'string?' },
  workspace: { state: 'workspace-state', elapsedMs: 'int', message: 'string' },
};

function isKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'step-state':
      return (STEP_STATES as readonly unknown[]).includes(value);
    case 'error-code':
      return (ERROR_CODES as readonly unknown[]).includes(value);
    case 'workspace-state':
      return (WORKSPACE_STATES as readonly unknown[]).includes(value);
    default:
      return typeof value === kind;
  }
}

function fits(value: unknown, spec: Fields[string]): boolean {
  if (spec === 'int|null') return value === null || isKind(value, 'int');
  if (spec.endsWith('?')) return value === undefined || isKind(value, spec.slice(0, -1) as FieldKind);
  return isKind(value, spec as FieldKind);
}

/**
 * Checks one text frame from the server: JSON, a known type, each field of that type present (unless
 * optional) with the right kind of value. Lighter than the server's validation of client frames (no
 * limits, names or nested terminals checked): it guards the page against a server of another version,
 * not against an attacker, who could not hold the page's token. Never throws.
 */
export function parseServerMessage(frame: string): ParseResult<ServerMessage> {
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, code: 'bad-message', message: 'frame is not JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, code: 'bad-message', message: 'a server message is a JSON object' };
  const message = json as Record<string, unknown>;
  const type = message['type'];
  const fields =
    typeof type === 'string' && Object.hasOwn(SERVER_FIELDS, type)
      ? SERVER_FIELDS[type as ServerMessage['type']]
      : undefined;
  if (!fields)
    return { ok: false, code: 'bad-message', message: `type: not a server message type: ${String(type)}` };
  for (const [field, spec] of Object.entries(fields)) {
    const value = message[field];
    if (!fits(value, spec))
      return {
        ok: false,
        code: 'bad-message',
        message: `${field}: expected ${spec}, got ${JSON.stringify(value)}`,
      };
  }
  return { ok: true, message: message as ServerMessage };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(value)}`);
}

/**
 * How a start command hands the page its terminal server: in the URL fragment (never sent to any
 * server, never in logs), e.g. `http://localhost:3000/#rw-server=ws%3A%2F%2F127.0.0.1%3A3001%2Fterminal&rw-token=…`.
 * The page stores both, then removes them from the address bar. In the same-origin mode
 * (`npm run live`) `rw-server` is omitted and the page uses `TERMINAL_PATH` on its own origin.
 */
export const LAUNCH_PARAMS = { server: 'rw-server', token: 'rw-token' } as const;

/**
 * A page served by a workshop server finds this cookie (readable by scripts, no secret in it: the
 * session itself is an HttpOnly cookie) holding when the session ends, in ms since the epoch. It
 * then connects to its own origin's TERMINAL_PATH, where the router authenticates it by its session.
 */
export const WORKSHOP_COOKIE = 'rw_workshop';
/** Sent as the token by a page in a workshop: not a secret; the router goes by the session cookie. */
export const WORKSHOP_TOKEN = 'workshop-session';
