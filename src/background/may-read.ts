/**
 * The reader's consent, recorded by CiteLens itself: for each page site, the source sites the reader allowed
 * CiteLens to read while on it (in the consent window, or with the popup's "Check sources"). A check started for a
 * page reads only those, and in Chromium only those whose host permission is granted too (the fetch needs it).
 *
 * Why not `permissions.contains` alone: in Firefox it answers true for every site the content script matches (all
 * of http and https), and in Chromium for every site granted on any page. Neither says the reader allowed this
 * page to have that site read; a page could cite a URL on a site allowed elsewhere and have it read.
 *
 * Kept in `storage.local` under one key, as `{ [pageSite]: [originPattern, …] }`. What is read back is validated:
 * an entry of the wrong shape is dropped (never read as "allowed").
 */
import browser from 'webextension-polyfill';
import { grantedOrigins, originPattern } from '../shared/permissions';
import { siteOf } from '../shared/settings';

export const CONSENT_KEY = 'allowedSources';

/** Page sites kept; the oldest go first (a record is small, but storage.local is shared with the cache). */
const MAX_PAGE_SITES = 2000;
const MAX_ORIGINS_PER_SITE = 500;

/** Source sites (match patterns) the reader allowed, by page site. */
export type ConsentRecord = Map<string, Set<string>>;

/** A match pattern as `originPattern` writes it, and nothing else. */
function isOriginPattern(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 300) return false;
  const match = /^(https?:)\/\/([^/*]+)\/\*$/.exec(value);
  return match !== null && originPattern(`${match[1]}//${match[2]}/`) === value;
}

/** What storage holds, keeping only well-formed entries. */
export function parseConsent(stored: unknown): ConsentRecord {
  const record: ConsentRecord = new Map();
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return record;
  for (const [site, origins] of Object.entries(stored)) {
    if (!site || site !== siteOf(`https://${site}/`) || !Array.isArray(origins)) continue;
    const valid = origins.filter(isOriginPattern);
    if (valid.length > 0) record.set(site, new Set(valid));
  }
  return record;
}

/** The record with these source sites added for the page at `pageUrl` (unchanged for a page with no site). */
export function withAllowed(
  record: ConsentRecord,
  pageUrl: string,
  origins: readonly string[],
): ConsentRecord {
  const site = pageSite(pageUrl);
  const valid = origins.filter(isOriginPattern);
  if (!site || valid.length === 0) return record;
  const next: ConsentRecord = new Map(record);
  const mine = new Set(next.get(site) ?? []);
  for (const o of valid) mine.add(o);
  next.delete(site); // re-inserted last: the most recently used site is the last to be dropped
  next.set(site, new Set([...mine].slice(-MAX_ORIGINS_PER_SITE)));
  while (next.size > MAX_PAGE_SITES) next.delete(next.keys().next().value as string);
  return next;
}

/** The source sites the reader allowed for the page at `pageUrl`. */
export function allowedIn(record: ConsentRecord, pageUrl: string): Set<string> {
  const site = pageSite(pageUrl);
  return new Set(site ? (record.get(site) ?? []) : []);
}

/** Only http(s) pages have a site to allow for. */
function pageSite(pageUrl: string): string {
  return originPattern(pageUrl) ? siteOf(pageUrl) : '';
}

const toStored = (record: ConsentRecord) => Object.fromEntries([...record].map(([s, o]) => [s, [...o]]));

export async function loadConsent(): Promise<ConsentRecord> {
  const stored = await browser.storage.local.get(CONSENT_KEY).catch(() => ({}) as Record<string, unknown>);
  return parseConsent((stored as Record<string, unknown>)[CONSENT_KEY]);
}

let writing: Promise<unknown> = Promise.resolve();

/** Records that the reader allowed these source sites on the page at `pageUrl`. Writes one after another. */
export function recordAllowed(pageUrl: string, origins: readonly string[]): Promise<void> {
  const write = writing.then(async () => {
    const next = withAllowed(await loadConsent(), pageUrl, origins);
    await browser.storage.local.set({ [CONSENT_KEY]: toStored(next) });
  });
  writing = write.catch(() => {});
  return write;
}

/**
 * The source sites (match patterns) a check started for the page at `pageUrl` may read: those the reader allowed
 * for this page's site whose host permission the browser holds.
 */
export async function readableOrigins(pageUrl: string): Promise<Set<string>> {
  await writing;
  return grantedOrigins([...allowedIn(await loadConsent(), pageUrl)]);
}

/** The record without these source sites, for every page site (an empty page site goes). */
export function withoutOrigins(record: ConsentRecord, origins: readonly string[]): ConsentRecord {
  const gone = new Set(origins);
  const next: ConsentRecord = new Map();
  for (const [site, allowed] of record) {
    const kept = [...allowed].filter((o) => !gone.has(o));
    if (kept.length > 0) next.set(site, new Set(kept));
  }
  return next;
}

/** The reader took host access to these sites back (in the browser's settings): CiteLens forgets them too. */
export function forgetAllowed(origins: readonly string[]): Promise<void> {
  const write = writing.then(async () => {
    const next = withoutOrigins(await loadConsent(), origins);
    await browser.storage.local.set({ [CONSENT_KEY]: toStored(next) });
  });
  writing = write.catch(() => {});
  return write;
}

export type MayRead = (url: string) => boolean;

/** Whether a check started for the page at `pageUrl` may read a URL (see `readableOrigins`). */
export async function mayReadFor(pageUrl: string): Promise<MayRead> {
  const readable = await readableOrigins(pageUrl);
  return (url) => {
    const pattern = originPattern(url);
    return pattern !== null && readable.has(pattern);
  };
}
