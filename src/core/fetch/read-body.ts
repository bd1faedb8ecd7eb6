/**
 * Reads a response body as a stream and stops at a byte cap, so a 50 MB page (or an endless one) costs at most
 * the cap in memory and bandwidth.
 */
export type BodyResult = { kind: 'body'; bytes: Uint8Array } | { kind: 'too-large' };

export async function readCapped(response: Response, maxBytes: number): Promise<BodyResult> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'too-large' };
  }
  if (!response.body) return { kind: 'body', bytes: new Uint8Array(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling tells the server (through the connection) that no more is wanted.
      await reader.cancel().catch(() => {});
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { kind: 'body', bytes };
}
