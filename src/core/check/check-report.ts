/**
 * A page's check, without a shell: read every cited source once (from the cache when it is fresh), extract its
 * text, judge each claim against each source it cites. The CLI and the extension's background run this same
 * function with their own loader (fetch policy or saved copies), HTML parser and cache.
 */
import { hasPage, type LinkStatus } from '../fetch/types';
import { judgeSupport, unavailable } from '../verify/judge';
import { fromPlainText, type ParseHtml, readSourceText, type SourceText } from '../verify/source-text';
import {
  CACHE_MAX_AGE_MS,
  type CachedStatus,
  cacheKey,
  isCacheable,
  isFresh,
  type SourceCache,
  withoutHtml,
} from './cache';
import { NOT_ALLOWED_DETAIL, statusDetail, tooManySourcesDetail } from './status';
import type {
  CheckedJudgement,
  CheckedSource,
  CheckInput,
  CheckProgress,
  CheckResult,
  SourceLoader,
} from './types';

/** A bound on what one page can make CiteLens read: a page citing five hundred links gets the first hundred. */
export const MAX_SOURCES_PER_CHECK = 100;

export interface CheckOptions {
  load: SourceLoader;
  /** The HTML parser Readability reads with: linkedom's in Node and in the extension's background. */
  parse: ParseHtml;
  cache?: SourceCache;
  maxAgeMs?: number;
  now?: () => number;
  /** Cancels the check: the promise rejects with the signal's reason and loads in flight are aborted. */
  signal?: AbortSignal;
  /** Called with 0 of n first, then after each distinct address is read and its claims judged. */
  onProgress?: (progress: CheckProgress) => void;
  /** Whether an address may be read (the extension: the reader allowed its site). Others are `not-checked`. */
  mayRead?: (url: string) => boolean;
  maxSources?: number;
  /** Told when the cache could not keep a source (the check goes on; the shell reports it). */
  onCacheError?: (error: unknown) => void;
}

interface Outcome {
  status: CachedStatus;
  text: SourceText | null;
}

type Skip = { skip: 'not allowed' | 'over the limit' };

export async function checkReport(input: CheckInput, options: CheckOptions): Promise<CheckResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  // Each page is read once, however many entries cite it (and whatever fragment each link names).
  const groups = new Map<string, { url: string; sourceIds: string[] }>();
  for (const source of input.sources) {
    if (!source.url) continue;
    const key = cacheKey(source.url);
    const group = groups.get(key);
    if (group) group.sourceIds.push(source.id);
    else groups.set(key, { url: source.url, sourceIds: [source.id] });
  }
  const outcomes = new Map<string, Outcome | Skip>();
  const toRead: string[] = [];
  const maxSources = options.maxSources ?? MAX_SOURCES_PER_CHECK;
  for (const [key, group] of groups) {
    if (options.mayRead && !options.mayRead(group.url)) outcomes.set(key, { skip: 'not allowed' });
    else if (toRead.length >= maxSources) outcomes.set(key, { skip: 'over the limit' });
    else toRead.push(key);
  }

  const claimsBySource = new Map<string, CheckInput['claims']>();
  for (const claim of input.claims) {
    for (const id of claim.sources) claimsBySource.set(id, [...(claimsBySource.get(id) ?? []), claim]);
  }
  const judged = new Map<string, CheckedJudgement>();
  const total = toRead.length;
  let done = 0;
  options.onProgress?.({ done, total });

  const work = Promise.all(
    toRead.map(async (key) => {
      const group = groups.get(key) as { url: string; sourceIds: string[] };
      const outcome = await readSource(key, group.url, options);
      signal?.throwIfAborted();
      outcomes.set(key, outcome);
      // Judged as soon as its page is read, so progress counts finished sources.
      for (const sourceId of group.sourceIds) {
        for (const claim of claimsBySource.get(sourceId) ?? []) {
          const judgement = outcome.text ? judgeSupport(claim.text, outcome.text) : unavailable();
          judged.set(`${claim.id}\n${sourceId}`, { source: sourceId, ...judgement });
        }
      }
      done++;
      options.onProgress?.({ done, total });
    }),
  );
  // A cancelled check answers at once; what is still in flight stops through the same signal.
  work.catch(() => {});
  await (signal ? Promise.race([work, aborted(signal)]) : work);

  const sources = input.sources.map((s): CheckedSource => {
    const base = { id: s.id, label: s.label, title: s.title, url: s.url };
    if (!s.url) return { ...base, status: 'no-link', detail: null, finalUrl: null };
    const outcome = outcomes.get(cacheKey(s.url));
    if (!outcome || 'skip' in outcome) {
      const detail = outcome?.skip === 'not allowed' ? NOT_ALLOWED_DETAIL : tooManySourcesDetail(maxSources);
      return { ...base, status: 'not-checked', detail, finalUrl: null };
    }
    const { status, text } = outcome;
    return {
      ...base,
      status: status.kind,
      detail: statusDetail(status),
      finalUrl: 'finalUrl' in status ? status.finalUrl : null,
      ...(text ? { page: { title: text.title, siteName: text.siteName ?? null } } : {}),
    };
  });
  const claims = input.claims.map((c) => ({
    id: c.id,
    text: c.text,
    judgements: c.sources.map((id) => judged.get(`${c.id}\n${id}`) ?? { source: id, ...unavailable() }),
  }));
  return { url: input.url, title: input.title, sources, claims };
}

async function readSource(key: string, url: string, options: CheckOptions): Promise<Outcome> {
  const now = options.now ?? Date.now;
  if (options.cache) {
    // A cache that fails to answer is a cache miss, never a failed check.
    const entry = await options.cache.get(key).catch(() => undefined);
    if (entry && isFresh(entry, now(), options.maxAgeMs ?? CACHE_MAX_AGE_MS)) {
      const text = entry.text ? fromPlainText(entry.text.text, entry.text.title) : null;
      if (text && entry.text?.siteName) text.siteName = entry.text.siteName;
      return { status: entry.status, text };
    }
  }
  let status: LinkStatus;
  try {
    status = await options.load(url, options.signal, options.mayRead);
  } catch (error) {
    status = { kind: 'error', url, message: error instanceof Error ? error.message : String(error) };
  }
  const text = hasPage(status) ? readSourceText(status.html, status.finalUrl, options.parse) : null;
  if (options.cache && isCacheable(status) && !options.signal?.aborted) {
    await options.cache
      .put({
        key,
        readAt: now(),
        status: withoutHtml(status),
        text: text
          ? { title: text.title, text: text.text, ...(text.siteName ? { siteName: text.siteName } : {}) }
          : null,
      })
      .catch((error: unknown) => options.onCacheError?.(error));
  }
  return { status: withoutHtml(status), text };
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
