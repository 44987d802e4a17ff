/**
 * Flow control, the server's half (as in wetty and the xterm.js flow-control guide; the numbers
 * both ends share are in src/protocol/flowControl.ts): a client acknowledges the units it has written to its screen; the server pauses the pty
 * while any client is owed more than the high watermark and resumes once all are under the low one.
 *
 * Who may hold a shell back: a watching client never does; it stops receiving output
 * while it is past the high watermark ("lagging") and is brought back, by replay or snapshot, once
 * it has caught up. A writing client does, so a lone tab that never acknowledges keeps `yes`
 * paused (memory stays bounded); but if it has held the shell for `stallMs` while another client
 * keeps up, it is demoted to lagging too, so one frozen tab cannot freeze everyone's terminal.
 *
 * A flood (more than `fastForwardUnits` since the prompt) is fast-forwarded, as mosh does: a
 * writer that falls behind lags like a watcher instead of holding the shell back, so `cat` of a
 * big file runs at the speed of the server's screen mirror rather than of the page's renderer, and
 * the page is brought to the screen as it is now by a snapshot (screen and `snapshotRows` of
 * scrollback), not made to draw every line that went by.
 */

import { FLOW_CONTROL } from '../../../src/protocol/messages';
import type { Access } from '../../hub';

export const FLOW = {
  /** The watermarks both ends agree on, and why they are what they are: src/protocol/flowControl.ts. */
  highWatermark: FLOW_CONTROL.highWatermark,
  lowWatermark: FLOW_CONTROL.lowWatermark,
  /** How long a writing client may hold the pty paused while another client waits. */
  stallMs: 5_000,
  /**
   * Units queued in the screen mirror (@xterm/headless) at which the pty pauses, and resumes. Less
   * than the replay ring holds, so that a snapshot's offset is still in the ring when it is made.
   */
  mirrorHigh: 256 * 1024,
  mirrorLow: 128 * 1024,
  /**
   * Output that keeps coming is coalesced for this long, or up to `maxFrameUnits`, into one frame;
   * output after a quiet moment (an echo, a prompt) goes out at once.
   */
  batchMs: 4,
  maxFrameUnits: 32 * 1024,
  /**
   * "Keeps coming": this many frames, or units, each flushed within `batchMs` of the one before. A
   * step's first lines (bracketed paste off, the command shown, its first output) are a few small
   * frames a millisecond or two apart; each goes out at once, not batchMs later with the next.
   */
  burstFrames: 4,
  burstUnits: 4 * 1024,
  /**
   * After Ctrl-C, the shell is read past what its writers owe, paused or not, until its prompt is
   * drawn (a B mark), and at most this much further: the kernel drops the output the program had
   * queued when the interrupt lands, so what follows is its last words and the prompt, which would
   * otherwise wait for the page to acknowledge a whole watermark. On a busy machine the program
   * writes on for a while before the signal lands (a fixed 64 KiB was used up by then), hence a
   * bound for memory rather than a budget; a program that ignores Ctrl-C is held at it.
   */
  interruptUnits: 1024 * 1024,
  /**
   * Output since the prompt past which a lagging writer is fast-forwarded (see above): far more
   * than the page's scrollback (5000 rows of 80 columns is ~400 KB), so a step's whole output is
   * still drawn line by line, and only a flood's middle, long scrolled out of reach, is skipped.
   */
  fastForwardUnits: 1024 * 1024,
  /**
   * A fast-forwarded client gets a snapshot at most this often: each costs the server ~15 ms
   * (serializing 1000 rows), and ten screens a second of a flood is all a person can read. The
   * prompt's snapshot does not wait for it.
   */
  fastForwardMs: 100,
} as const;

export interface FlowParticipant {
  /** A watching client never holds the shell back. */
  readonly access: Access;
  /** Units sent and not acknowledged. */
  unacked: number;
  /** Receives no output until it catches up (see above). */
  lagging: boolean;
  /** When it started holding the pty paused. */
  blockingSince?: number;
}

export interface Pausable {
  pause(): void;
  resume(): void;
}

export class FlowGate {
  private paused = false;
  /** What writers may owe after an interrupt (see FLOW.interruptUnits); 0: none granted. */
  private interruptCeiling = 0;

  constructor(private readonly target: Pausable) {}

  get isPaused(): boolean {
    return this.paused;
  }

  /** Ctrl-C reached the shell: read what follows it even while the writers owe a watermark. */
  interrupted(participants: Iterable<FlowParticipant>): void {
    const owed = [...participants].filter((p) => p.access === 'write' && !p.lagging).map((p) => p.unacked);
    this.interruptCeiling = Math.max(0, ...owed) + FLOW.interruptUnits;
  }

  /** The shell drew its prompt: an interrupt's allowance is over. */
  promptShown(): void {
    this.interruptCeiling = 0;
  }

  /**
   * Decides pause or resume after anything changed (a frame sent, an ack, an attach, mirror
   * progress). Returns the clients it demoted to lagging; the caller stops sending to them.
   * `flooding`: the output is past `fastForwardUnits`, so writers lag rather than hold it back.
   */
  evaluate(
    participants: Iterable<FlowParticipant>,
    mirrorBacklog: number,
    now: number,
    flooding = false,
  ): FlowParticipant[] {
    const live = [...participants].filter((p) => !p.lagging);
    const demoted: FlowParticipant[] = [];
    for (const p of live) {
      if ((p.access === 'watch' || flooding) && p.unacked >= FLOW.highWatermark) demoted.push(p);
    }
    const writers = live.filter((p) => p.access === 'write' && !demoted.includes(p));
    const threshold = this.paused ? FLOW.lowWatermark : FLOW.highWatermark - 1;
    const someoneWaits = live.some((p) => p.unacked <= FLOW.lowWatermark);
    for (const p of writers) {
      if (p.unacked <= threshold) {
        delete p.blockingSince;
        continue;
      }
      p.blockingSince ??= now;
      if (someoneWaits && now - p.blockingSince >= FLOW.stallMs) demoted.push(p);
    }
    for (const p of demoted) {
      p.lagging = true;
      delete p.blockingSince;
    }
    const over = (limit: number) => writers.some((p) => !p.lagging && p.unacked > limit);
    // An interrupt's allowance lasts until the writers are back under the usual marks.
    if (!over(threshold)) this.interruptCeiling = 0;
    const blocked =
      over(Math.max(threshold, this.interruptCeiling)) ||
      mirrorBacklog > (this.paused ? FLOW.mirrorLow : FLOW.mirrorHigh);
    if (blocked && !this.paused) {
      this.paused = true;
      this.target.pause();
    } else if (!blocked && this.paused) {
      this.paused = false;
      this.target.resume();
    }
    return demoted;
  }

  /** A lagging client may be brought back once it has acknowledged down to the low watermark. */
  static caughtUp(p: FlowParticipant): boolean {
    return p.lagging && p.unacked <= FLOW.lowWatermark;
  }
}
