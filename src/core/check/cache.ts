/**
 * The cache of read sources, by URL. It keeps what a source's page said (its status and its readable text),
 * never a judgement: each claim is judged afresh against the text, so one page's claims can never show up on
 * another page that cites the same source. The store is injected (storage.local in the extension, memory in
 * tests); freshness is decided here.
 */
import type { LinkStatus } from '../fetch/types';

/** A day: long enough that a revisit is instant, short enough that a fixed or moved page is seen again. */
export const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** A link status without the page's HTML (the text below is what is kept of it). */
export type CachedStatus = DistributiveOmit<LinkStatus, 'html'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface CachedSource {
  /** The cache key: the source's address without its `#fragment`. */
  key: string;
  /** When it was read, in ms since the epoch. */
  readAt: number;
  status: CachedStatus;
  /** The readable text (paragraphs separated by blank lines), title and site name, when there was a page. */
  text: { title: string; text: string; siteName?: string } | null;
}

export interface SourceCache {
  get(key: string): Promise<CachedSource | undefined>;
  put(entry: CachedSource): Promise<void>;
}

/** One page is one key: the fragment names a place in the page, not another page. */
export function cacheKey(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/**
 * Whether a status is worth keeping for a day. A timeout, a network error or a refusal says more about this
 * moment (or this build's policy) than about the page, so it is asked again next time.
 */
export function isCacheable(status: LinkStatus): boolean {
  return status.kind !== 'timeout' && status.kind !== 'error' && status.kind !== 'refused';
}

export function isFresh(entry: CachedSource, now: number, maxAgeMs = CACHE_MAX_AGE_MS): boolean {
  return entry.readAt <= now && now - entry.readAt < maxAgeMs;
}

export function withoutHtml(status: LinkStatus): CachedStatus {
  if (!('html' in status)) return status;
  const { html: _html, ...rest } = status;
  return rest;
}

/** A cache in memory: for the command line (one run) and tests. */
export class MemorySourceCache implements SourceCache {
  readonly entries = new Map<string, CachedSource>();
  async get(key: string): Promise<CachedSource | undefined> {
    return this.entries.get(key);
  }
  async put(entry: CachedSource): Promise<void> {
    this.entries.set(entry.key, entry);
  }
}
