/**
 * The one rule for taking output frames by offset (see `seq` in ./messages.ts): a reader holds the
 * offset just past the last unit it took; a frame's units below it were had already (a replay after
 * a reconnect), units above it mean output was lost in between. Used by the page's screen, the
 * page's per-step capture and the rehearsal runner, so all three de-duplicate alike.
 */
export interface OutputFrame {
  seq: number;
  data: string;
  /** A screen snapshot: it replaces whatever was held. */
  reset?: boolean;
}

export interface TakenOutput {
  /** The part of the frame not held before (all of it for a snapshot). */
  fresh: string;
  /** Units missing between what was held and the frame's start (0 when none). */
  lost: number;
}

export class OutputOffset {
  private held: number | undefined;

  /** `start`: the offset already held; undefined takes the first frame whole, wherever it starts. */
  constructor(start?: number) {
    this.held = start;
  }

  /** The offset just past the last unit taken; undefined before the first frame. */
  get position(): number | undefined {
    return this.held;
  }

  take(frame: OutputFrame): TakenOutput {
    const end = frame.seq + frame.data.length;
    if (frame.reset || this.held === undefined) {
      this.held = end;
      return { fresh: frame.data, lost: 0 };
    }
    const overlap = this.held - frame.seq;
    if (overlap < 0) {
      this.held = end;
      return { fresh: frame.data, lost: -overlap };
    }
    const fresh = frame.data.slice(overlap);
    // A frame wholly behind what is held leaves the offset where it is.
    if (fresh.length > 0) this.held = end;
    return { fresh, lost: 0 };
  }

  /** Holds nothing any more (a new terminal by the same name): the next frame is taken whole. */
  forget(): void {
    this.held = undefined;
  }
}
