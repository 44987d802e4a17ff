/**
 * What a terminal keeps for clients that come back: the ring of recent output (by stream offset)
 * and the headless screen mirror, and the one place that decides between a replay from the ring
 * and a snapshot of the screen.
 */
import type { Attachment } from './attachment';
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

  /** Sends what the client lacks from `from`: from the ring, or a snapshot when the ring lost it. */
  catchUp(attachment: Attachment, from: number): void {
    const missed = this.ring.since(from);
    if (missed === undefined) this.sendSnapshot(attachment);
    else if (missed.length > 0) attachment.sendOutput(this.settings.name, from, missed);
  }

  /**
   * A snapshot stands in for the stream up to the offset it reflects (M): it is sent with
   * `seq = M - length`, so a client that counts `seq + data.length` holds exactly M and takes
   * the next frame as it comes. Output that arrived meanwhile follows from the ring.
   */
  sendSnapshot(attachment: Attachment, before?: (seq: number) => void): void {
    attachment.beginSync();
    void this.mirror.snapshot(this.settings.snapshotRows).then((snapshot) => {
      if (attachment.isDetached) return;
      const rest = this.ring.since(snapshot.offset);
      if (rest === undefined) {
        // The mirror fell behind the ring (a flood): a newer snapshot is needed.
        this.sendSnapshot(attachment, before);
        return;
      }
      let data = snapshot.data;
      if (data.length > snapshot.offset) data = this.ring.since(0)?.slice(0, snapshot.offset) ?? '';
      const seq = snapshot.offset - data.length;
      before?.(seq);
      attachment.synced();
      attachment.sendOutput(this.settings.name, seq, data, true);
      if (rest.length > 0) attachment.sendOutput(this.settings.name, snapshot.offset, rest);
      this.settings.onProgress();
    });
  }
}
