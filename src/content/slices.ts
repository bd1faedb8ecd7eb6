/** Cooperative scheduling: long work is cut into slices so the page never waits on CiteLens for long. */

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Hands the thread back to the page for one turn. `scheduler.yield()` where there is one; otherwise a
 * MessageChannel round trip, which (unlike `setTimeout`) is not throttled to once a second in background tabs.
 */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Longest stretch of CiteLens work, in ms, between two turns of the page (well under the 50 ms of a long task). */
export const SLICE_MS = 8;

/** Runs `fn` over `items`, yielding to the page whenever a slice's time is up. */
export async function forEachSliced<T>(
  items: readonly T[],
  fn: (item: T, index: number) => void,
  sliceMs = SLICE_MS,
): Promise<void> {
  let deadline = performance.now() + sliceMs;
  for (let i = 0; i < items.length; i++) {
    fn(items[i] as T, i);
    if (performance.now() >= deadline) {
      await yieldToHost();
      deadline = performance.now() + sliceMs;
    }
  }
}
