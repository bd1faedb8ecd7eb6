/** Cooperative scheduling: long work is cut into slices so the page never waits on CiteLens for long. */

/**
 * Continuations waiting for their turn, and the channel that gives it: one message per yield, answered in order.
 * Created on the first yield, so a page that never needs one pays nothing.
 */
const waiting: (() => void)[] = [];
let channel: MessageChannel | null = null;

function turnChannel(): MessageChannel {
  if (channel) return channel;
  const created = new MessageChannel();
  created.port1.onmessage = () => {
    const resolve = waiting.shift();
    resolve?.();
  };
  channel = created;
  return created;
}

/**
 * Hands the thread back to the page for one turn: a MessageChannel message, a task queued behind whatever the page
 * already has waiting (its timers, input, rendering), so the page's own work runs between two slices. Not
 * `scheduler.yield()`, whose continuations are queued ahead of the page's tasks: with it a page's 50 ms timer
 * waited 2 s while CiteLens scanned. Not `setTimeout`, which background tabs throttle to once a second.
 */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    turnChannel().port2.postMessage(null);
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
