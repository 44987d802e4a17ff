/**
 * What a terminal keeps for clients that come back: the ring of recent output (by stream offset)
 * and the headless screen mirror, and the one place that decides between a replay from the ring
 * and a snapshot of the screen.
 */
import type { Attachment } from './attachment';
import { FLOW } from './flowControl';
import { OutputRing } from './outputRing';
import { ScreenMirror } from './screenMirror';

export interface ReplaySettings {
  name: string;
  cols: number;
  rows: number;
  scrollbackUnits: number;
  snapshotRows: number;
  /** Something was sent or the mirror drained: the session re-evaluates flow control. */
  onProgress(): void;
}

export class Replay {
  readonly ring: OutputRing;
  readonly mirror: ScreenMirror;

  constructor(private readonly settings: ReplaySettings) {
    this.ring = new OutputRing(settings.scrollbackUnits);
    this.mirror = new ScreenMirror(settings.cols, settings.rows, settings.snapshotRows);
  }

  /** Keeps a frame of output; returns the offset it starts at. */
  record(data: string, onMirrored: () => void): number {
    const seq = this.ring.end;
    this.ring.append(data);
    this.mirror.write(data, onMirrored);
    return seq;
  }

  /**
   * Sends what a lagging client lacks. While a flood pours (`pouring`), the screen alone: a
   * couple of KB that any page draws at once, and the client stays lagging, so it draws no line
   * of the flood. Otherwise the stream itself when it is little enough to draw (at most a high
   * watermark), or else a snapshot with scrollback, which a client that was sent only screens
   * also needs to get its scrollback back.
   */
  catchUp(attachment: Attachment, pouring: boolean): void {
    if (pouring) return this.sendSnapshot(attachment, { screenOnly: true });
    const missed = this.ring.since(attachment.sentUpTo);
    if (attachment.partial || missed === undefined || missed.length > FLOW.highWatermark) {
      return this.sendSnapshot(attachment);
    }
    attachment.lagging = false;
    if (missed.length > 0) attachment.sendOutput(this.settings.name, attachment.sentUpTo, missed);
  }

  /**
   * A snapshot stands in for the stream up to the offset it reflects (M): it is sent with
   * `seq = M - length`, so a client that counts `seq + data.length` holds exactly M and takes
   * the next frame as it comes. Output that arrived meanwhile follows from the ring, unless it is
   * more than a watermark or the snapshot is of the screen only (a flood goes on): then the
   * client stays lagging, and its next catch-up brings a newer snapshot.
   */
  sendSnapshot(attachment: Attachment, options: SnapshotOptions = {}): void {
    attachment.beginSync();
    const rows = options.screenOnly ? 0 : this.settings.snapshotRows;
    void this.mirror.snapshot(rows).then((snapshot) => {
      if (attachment.isDetached) return;
      let data = snapshot.data;
      if (data.length > snapshot.offset) data = this.ring.since(0)?.slice(0, snapshot.offset) ?? '';
      const seq = snapshot.offset - data.length;
      options.before?.(seq);
      attachment.synced();
      attachment.sendOutput(this.settings.name, seq, data, true);
      attachment.snapshotSentAt = performance.now();
      attachment.partial = options.screenOnly === true;
      const rest = this.ring.since(snapshot.offset);
      if (options.screenOnly || rest === undefined || rest.length > FLOW.highWatermark) {
        attachment.lagging = true;
      } else {
        attachment.lagging = false;
        if (rest.length > 0) attachment.sendOutput(this.settings.name, snapshot.offset, rest);
      }
      this.settings.onProgress();
    });
  }
}

export interface SnapshotOptions {
  /** Runs just before the snapshot is sent, with the offset it starts at (the `attached` message). */
  before?: (seq: number) => void;
  /** The screen without scrollback: what a fast-forwarded page is sent while a flood pours. */
  screenOnly?: boolean;
}
