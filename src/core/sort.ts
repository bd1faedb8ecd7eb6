/**
 * Sorts `items` in place by a numeric key, stably (as `Array.prototype.sort` with the same comparison would), each
 * key computed once. A generator that yields while it computes keys; items that arrive in order (the usual case:
 * markers in document order) cost one pass and no sort at all.
 */
export function* sortByKey<T>(items: T[], key: (item: T) => number, perYield = 1024): Generator<void, void> {
  const keys = new Float64Array(items.length);
  let sorted = true;
  for (let i = 0; i < items.length; i++) {
    if (i % perYield === perYield - 1) yield;
    keys[i] = key(items[i] as T);
    if (i > 0 && (keys[i] as number) < (keys[i - 1] as number)) sorted = false;
  }
  if (sorted) return;
  yield;
  const order = Array.from(items.keys()).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  yield;
  const copy = items.slice();
  order.forEach((from, to) => {
    items[to] = copy[from] as T;
  });
}
