/**
 * When to rescan after the page's text changes: once the page has been quiet for a while, and at the latest a
 * few seconds after the first change of a stream of changes that never goes quiet.
 *
 * One timer per stream of changes, which a change never clears or re-arms: it only notes the time. The timer, when
 * it fires, looks at the last change and either runs the rescan or waits the rest of the quiet time, never past the
 * longest wait. (Clearing and re-arming a timer on each change kept the rescan from ever running on a page that
 * changes its DOM every millisecond: the re-armed timer, clamped to 4 ms inside the page's own timer, always came
 * due after the page's next change.)
 */
export interface RescanDelays {
  /** Quiet time after the last change before the rescan runs. */
  quietMs: number;
  /** Longest a stream of changes can put off the rescan, from its first change. */
  maxWaitMs: number;
}

export class RescanTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt = 0;
  private lastChangeAt = 0;

  constructor(
    private readonly run: () => void,
    private readonly delays: () => RescanDelays,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether a rescan is waiting to run. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** The page's text changed. */
  change(): void {
    const now = this.now();
    this.lastChangeAt = now;
    if (this.timer !== undefined) return;
    this.firstChangeAt = now;
    this.arm(this.delays().quietMs);
  }

  /** Forgets a waiting rescan (CiteLens turned off for the page). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.due(), Math.max(0, ms));
  }

  private due(): void {
    this.timer = undefined;
    const now = this.now();
    const { quietMs, maxWaitMs } = this.delays();
    const quietLeft = this.lastChangeAt + quietMs - now;
    const longestLeft = this.firstChangeAt + Math.max(maxWaitMs, quietMs) - now;
    if (quietLeft > 0 && longestLeft > 0) {
      this.arm(Math.min(quietLeft, longestLeft));
      return;
    }
    this.run();
  }
}
