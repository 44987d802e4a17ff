/**
 * The protocol's message shapes as zod schemas: the server validates every client frame with them at
 * its edge, and the tests check every server frame. The page does not import this module (see
 * ./messages.ts): the messages' types come from here, the schemas stay out of the browser.
 */
// zod/mini: the same validation as classic zod, with functions instead of methods, so a bundler keeps
// only what is used. Imported as a namespace: the named `z` export also drags in every locale.
import * as z from 'zod/mini';
// Without a locale, zod/mini says only "Invalid input"; the English one names what was expected. It is
// the one classic zod loads, so the server's `bad-message` answers read as before.
import en from 'zod/v4/locales/en.js';
import {
  ERROR_CODES,
  MAX_COMMAND_LENGTH,
  MAX_FRAME_BYTES,
  MAX_INPUT_LENGTH,
  STEP_STATES,
  WORKSPACE_STATES,
  type ParseResult,
} from './messages';

z.config(en());

/** `main`, `north`, `south`: lower case, so that a URL or a tab label can carry it. */
export const TerminalName = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9._-]{0,47}$/, 'a terminal name is 1-48 of a-z, 0-9, ".", "_", "-"'));
export type TerminalName = z.infer<typeof TerminalName>;

const Cols = z.int().check(z.minimum(2), z.maximum(1000));
const Rows = z.int().check(z.minimum(1), z.maximum(500));
const StepId = z.string().check(z.minLength(1), z.maxLength(200));

export const AttachMessage = z.object({
  type: z.literal('attach'),
  terminal: TerminalName,
  cols: Cols,
  rows: Rows,
  /** Watch only: the server refuses input, run, interrupt, resize and close from this client. */
  readOnly: z.optional(z.boolean()),
  /** Offset the client already holds; omitted on a first attach (the server sends its screen). */
  since: z.optional(z.int().check(z.minimum(0))),
});

export const InputMessage = z.object({
  type: z.literal('input'),
  terminal: TerminalName,
  data: z.string().check(z.maxLength(MAX_INPUT_LENGTH)),
});

export const RunMessage = z.object({
  type: z.literal('run'),
  terminal: TerminalName,
  stepId: StepId,
  command: z.string().check(z.minLength(1), z.maxLength(MAX_COMMAND_LENGTH)),
  /** Long-running (e.g. `oc port-forward`): runs without blocking later steps, until stopped. */
  background: z.optional(z.boolean()),
});

export const InterruptMessage = z.object({
  type: z.literal('interrupt'),
  terminal: TerminalName,
  /** Stop a background step by its id rather than the terminal's foreground job. */
  stepId: z.optional(StepId),
});

export const ResizeMessage = z.object({
  type: z.literal('resize'),
  terminal: TerminalName,
  cols: Cols,
  rows: Rows,
});

export const AckMessage = z.object({
  type: z.literal('ack'),
  terminal: TerminalName,
  /** UTF-16 code units written to the screen since the previous ack. */
  units: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
});

export const DetachMessage = z.object({ type: z.literal('detach'), terminal: TerminalName });
export const CloseMessage = z.object({ type: z.literal('close'), terminal: TerminalName });

export const ClientMessage = z.discriminatedUnion('type', [
  AttachMessage,
  InputMessage,
  RunMessage,
  InterruptMessage,
  ResizeMessage,
  AckMessage,
  DetachMessage,
  CloseMessage,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type AttachMessage = z.infer<typeof AttachMessage>;
export type RunMessage = z.infer<typeof RunMessage>;

export const StepState = z.enum(STEP_STATES);
export type StepState = z.infer<typeof StepState>;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const TerminalSummary = z.object({
  name: TerminalName,
  cols: Cols,
  rows: Rows,
  /** The step running in it, if any. */
  stepId: z.optional(StepId),
  /** Set for a terminal that runs a background step: the terminal the step was started from. */
  parent: z.optional(TerminalName),
});
export type TerminalSummary = z.infer<typeof TerminalSummary>;

export const HelloMessage = z.object({
  type: z.literal('hello'),
  version: z.int(),
  terminals: z.array(TerminalSummary),
  /** The whole connection may only watch (an audience token). */
  readOnly: z.boolean(),
});

export const AttachedMessage = z.object({
  type: z.literal('attached'),
  terminal: TerminalName,
  cols: Cols,
  rows: Rows,
  readOnly: z.boolean(),
  /** The offset that the next output frame for this terminal starts at. */
  seq: z.int().check(z.minimum(0)),
});

export const OutputMessage = z.object({
  type: z.literal('output'),
  terminal: TerminalName,
  seq: z.int().check(z.minimum(0)),
  data: z.string(),
  /** The client lacked more than the server kept: clear the screen, then write `data` (a snapshot). */
  reset: z.optional(z.boolean()),
});

export const StepMessage = z.object({
  type: z.literal('step'),
  terminal: TerminalName,
  stepId: StepId,
  state: StepState,
  exitCode: z.optional(z.int()),
  durationMs: z.optional(z.number().check(z.minimum(0))),
  /** 1-based line of a multi-line step that failed. */
  line: z.optional(z.int().check(z.minimum(1))),
  /** A background step runs in a terminal of its own: the terminal it was started from. */
  parent: z.optional(TerminalName),
});

export const ExitMessage = z.object({
  type: z.literal('exit'),
  terminal: TerminalName,
  code: z.nullable(z.int()),
});

export const ErrorMessage = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
  terminal: z.optional(TerminalName),
  stepId: z.optional(StepId),
});

/**
 * Sent by a hosted workshop's router, never by a terminal server, while the page's connection waits
 * for its workspace (a pod being scheduled, its image pulled): about once a second while `starting`,
 * then the workspace's own `hello`; or once `failed`, and the router closes the connection.
 */
export const WorkspaceMessage = z.object({
  type: z.literal('workspace'),
  state: z.enum(WORKSPACE_STATES),
  elapsedMs: z.int().check(z.minimum(0)),
  /** While starting: what it waits for; when failed: why, in a sentence an attendee can pass on. */
  message: z.string(),
});

export const ServerMessage = z.discriminatedUnion('type', [
  HelloMessage,
  AttachedMessage,
  OutputMessage,
  StepMessage,
  ExitMessage,
  ErrorMessage,
  WorkspaceMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type StepMessage = z.infer<typeof StepMessage>;
export type OutputMessage = z.infer<typeof OutputMessage>;
export type ErrorMessage = z.infer<typeof ErrorMessage>;
export type WorkspaceMessage = z.infer<typeof WorkspaceMessage>;

/** Validates one text frame from a client. Never throws. */
export function parseClientMessage(frame: string): ParseResult<ClientMessage> {
  return parseWith(ClientMessage, frame);
}

/**
 * Validates one text frame from the server, every field and limit (the page uses the lighter
 * `parseServerMessage` of ./messages). Never throws.
 */
export function validateServerMessage(frame: string): ParseResult<ServerMessage> {
  return parseWith(ServerMessage, frame);
}

function parseWith<T>(schema: z.ZodMiniType<T>, frame: string): ParseResult<T> {
  if (frame.length > MAX_FRAME_BYTES) {
    return { ok: false, code: 'too-large', message: `frame over ${MAX_FRAME_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, code: 'bad-message', message: 'frame is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const tooBig = parsed.error.issues.some((issue) => issue.code === 'too_big');
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return {
    ok: false,
    code: tooBig ? 'too-large' : 'bad-message',
    message: `${where}${first?.message ?? 'invalid message'}`,
  };
}
