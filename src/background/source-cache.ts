/**
 * The cache of read sources in `storage.local`, one key per source URL (`source:<url>`). Entries older than a
 * day are dropped, and the whole cache is kept to a bounded number of entries, oldest first out, so it stays far
 * below the storage quota. Only a source's status and readable text are kept, never its HTML or any judgement.
 */
import browser from 'webextension-polyfill';
import { CACHE_MAX_AGE_MS, type CachedSource, isFresh, type SourceCache } from '../core/check/cache';

const PREFIX = 'source:';
export const MAX_ENTRIES = 400;
/**
 * The bytes (as JSON characters, roughly what the browser counts) the cache may hold: half of `storage.local`'s
 * 10 MB quota, so the reader's settings and the session's state always have room.
 */
export const MAX_BYTES = 5 * 1024 * 1024;
/** A page whose text is longer than this is read again next time rather than kept. */
const MAX_TEXT_CHARS = 400_000;

type Area = Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;

function isEntry(value: unknown): value is CachedSource {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CachedSource>;
  return typeof v.key === 'string' && typeof v.readAt === 'number' && typeof v.status === 'object';
}

export class StorageSourceCache implements SourceCache {
  constructor(
    private readonly area: Area = browser.storage.local,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<CachedSource | undefined> {
    const stored = (await this.area.get(PREFIX + key))[PREFIX + key];
    return isEntry(stored) && stored.key === key ? stored : undefined;
  }

  /**
   * Stores an entry. When the store refuses (the quota is full), the oldest half of the cache is evicted and the
   * write tried once more; a second failure is thrown, for the caller to report, never swallowed here.
   */
  async put(entry: CachedSource): Promise<void> {
    if ((entry.text?.text.length ?? 0) > MAX_TEXT_CHARS) return;
    const item = { [PREFIX + entry.key]: entry };
    try {
      await this.area.set(item);
    } catch {
      await this.prune(MAX_BYTES / 2);
      await this.area.set(item);
    }
  }

  /** Drops stale entries, then the oldest beyond MAX_ENTRIES or beyond `maxBytes` in all. Run before each check. */
  async prune(maxBytes: number = MAX_BYTES): Promise<void> {
    const all = await this.area.get(null);
    const now = this.now();
    const stale: string[] = [];
    const kept: [string, number, number][] = [];
    for (const [name, value] of Object.entries(all)) {
      if (!name.startsWith(PREFIX)) continue;
      if (!isEntry(value) || !isFresh(value, now, CACHE_MAX_AGE_MS)) stale.push(name);
      else kept.push([name, value.readAt, name.length + JSON.stringify(value).length]);
    }
    kept.sort((a, b) => b[1] - a[1]);
    let bytes = 0;
    kept.forEach(([name, , size], i) => {
      bytes += size;
      if (i >= MAX_ENTRIES || bytes > maxBytes) stale.push(name);
    });
    if (stale.length > 0) await this.area.remove(stale);
  }
}
