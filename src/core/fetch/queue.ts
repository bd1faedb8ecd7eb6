/**
 * A small queue that runs at most `perHost` fetches at once against one host and `total` at once overall, and
 * refuses work past `maxPending` waiting tasks. Politeness to the cited sites, and a bound on what one page with
 * five hundred links can make the browser do.
 */
export interface QueueLimits {
  perHost: number;
  total: number;
  maxPending: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { perHost: 2, total: 6, maxPending: 1000 };

interface Waiting {
  host: string;
  start: () => void;
}

export class QueueFullError extends Error {
  constructor() {
    super('too many fetches waiting');
  }
}

export class FetchQueue {
  private readonly limits: QueueLimits;
  private readonly running = new Map<string, number>();
  private runningTotal = 0;
  private readonly waiting: Waiting[] = [];

  constructor(limits: Partial<QueueLimits> = {}) {
    this.limits = { ...DEFAULT_QUEUE_LIMITS, ...limits };
  }

  /** How many tasks run now, overall and for one host (for tests and progress displays). */
  active(host?: string): number {
    return host === undefined ? this.runningTotal : (this.running.get(host) ?? 0);
  }

  pending(): number {
    return this.waiting.length;
  }

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.runningTotal++;
        this.running.set(host, (this.running.get(host) ?? 0) + 1);
        task()
          .then(resolve, reject)
          .finally(() => {
            this.runningTotal--;
            const n = (this.running.get(host) ?? 1) - 1;
            if (n === 0) this.running.delete(host);
            else this.running.set(host, n);
            this.next();
          });
      };
      if (this.canStart(host)) start();
      else if (this.waiting.length >= this.limits.maxPending) reject(new QueueFullError());
      else this.waiting.push({ host, start });
    });
  }

  private canStart(host: string): boolean {
    return this.runningTotal < this.limits.total && (this.running.get(host) ?? 0) < this.limits.perHost;
  }

  /** Starts the oldest waiting tasks that now fit; a busy host does not hold up the others behind it. */
  private next(): void {
    for (let i = 0; i < this.waiting.length && this.runningTotal < this.limits.total; ) {
      const w = this.waiting[i];
      if (w && this.canStart(w.host)) {
        this.waiting.splice(i, 1);
        w.start();
      } else i++;
    }
  }
}
