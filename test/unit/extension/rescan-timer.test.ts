import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RescanTimer } from '../../../src/content/rescan-timer';

const DELAYS = { quietMs: 600, maxWaitMs: 4000 };

describe('rescan timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function timer() {
    const runs: number[] = [];
    const t = new RescanTimer(
      () => runs.push(Date.now()),
      () => DELAYS,
      () => Date.now(),
    );
    return { t, runs };
  }

  it('runs once the page has been quiet for the quiet time after its last change', () => {
    const { t, runs } = timer();
    const start = Date.now();
    t.change();
    vi.advanceTimersByTime(300);
    t.change();
    vi.advanceTimersByTime(599);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start + 900]);
    expect(t.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(runs).toHaveLength(1);
  });

  it('still runs every few seconds under a mutation storm (a change every millisecond)', () => {
    const { t, runs } = timer();
    const start = Date.now();
    // The page's own 1 ms timer changes the DOM, and each change is reported from inside it.
    const storm = setInterval(() => t.change(), 1);
    t.change();
    vi.advanceTimersByTime(20_000);
    clearInterval(storm);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    const gaps = runs.map((at, i) => at - (i === 0 ? start : (runs[i - 1] as number)));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(DELAYS.maxWaitMs + 1);
  });

  it('does not re-arm a timer per change: a storm keeps one timer, not thousands', () => {
    const { t } = timer();
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    for (let i = 0; i < 1000; i++) {
      t.change();
      vi.advanceTimersByTime(1);
    }
    expect(armed.mock.calls.length).toBeLessThan(10);
    expect(cleared).not.toHaveBeenCalled();
    armed.mockRestore();
    cleared.mockRestore();
  });

  it('waits longer when the delays say so (a slow page scan) and forgets a cancelled rescan', () => {
    let quietMs = 600;
    const runs: number[] = [];
    const t = new RescanTimer(
      () => runs.push(Date.now()),
      () => ({ quietMs, maxWaitMs: Math.max(4000, quietMs) }),
      () => Date.now(),
    );
    quietMs = 5000;
    t.change();
    vi.advanceTimersByTime(4999);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(1);
    t.change();
    t.cancel();
    vi.advanceTimersByTime(20_000);
    expect(runs).toHaveLength(1);
    expect(t.pending).toBe(false);
  });
});
