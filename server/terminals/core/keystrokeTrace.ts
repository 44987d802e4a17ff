/**
 * An opt-in timing of each keystroke's way through the server, for the bench's hop-by-hop profile
 * (bench/keystrokeProfile.ts): frame received → parsed → written to the pty → the first read
 * after it → coalescing done → output frame handed to the socket. Off unless a sink is installed
 * (the launch layer does it when RW_KEYSTROKE_TRACE names a file); off, each hop costs one test.
 */

/** Milliseconds after the input frame was received, per hop; absent if that hop never came. */
export interface KeystrokeHops {
  terminal: string;
  /** The input frame, validated. */
  parsed: number;
  ptyWrite?: number;
  /** The first output the shell gave after the keystroke (normally its echo). */
  ptyRead?: number;
  /** That output leaves the coalescing buffer. */
  flushed?: number;
  /** Its frame is handed to the socket. */
  sent?: number;
}

export type KeystrokeSink = (hops: KeystrokeHops) => void;

type LaterHop = 'ptyWrite' | 'ptyRead' | 'flushed' | 'sent';

let sink: KeystrokeSink | undefined;
/** Per terminal: the keystroke in flight and when its frame arrived (hrtime, ns). */
const open = new Map<string, { hops: KeystrokeHops; receivedAt: bigint }>();

export function installKeystrokeTrace(next: KeystrokeSink | undefined): void {
  sink = next;
  open.clear();
}

/** The hrtime to pass to `keystrokeParsed` when a frame arrives, or undefined while tracing is off. */
export function traceClock(): bigint | undefined {
  return sink === undefined ? undefined : process.hrtime.bigint();
}

/** An input frame for `terminal`, received at `receivedAt`, was parsed: a new keystroke begins. */
export function keystrokeParsed(terminal: string, receivedAt: bigint | undefined): void {
  if (sink === undefined || receivedAt === undefined) return;
  const hops: KeystrokeHops = { terminal, parsed: since(receivedAt) };
  open.set(terminal, { hops, receivedAt });
}

/** Records the first time `hop` happens for the keystroke in flight on `terminal`. */
export function keystrokeHop(terminal: string, hop: LaterHop): void {
  if (sink === undefined) return;
  const keystroke = open.get(terminal);
  if (keystroke === undefined || keystroke.hops[hop] !== undefined) return;
  // A hop counts only after the one before it: output already coalescing when the key came is not its echo.
  if (hop === 'ptyRead' && keystroke.hops.ptyWrite === undefined) return;
  if (hop === 'flushed' && keystroke.hops.ptyRead === undefined) return;
  if (hop === 'sent' && keystroke.hops.flushed === undefined) return;
  keystroke.hops[hop] = since(keystroke.receivedAt);
  if (hop === 'sent') {
    open.delete(terminal);
    sink(keystroke.hops);
  }
}

function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
