/** The reader's settings, kept in `storage.sync`. */

import { extensionApi } from './browser-differences';
import {
  DEFAULT_ACTIVE_COLOUR,
  DEFAULT_CLAIM_COLOUR,
  type HighlightStyle,
  nearestPaletteKey,
  PALETTE,
  type PaletteKey,
} from './highlight-style';

export type { HighlightStyle, PaletteKey } from './highlight-style';

export interface Settings {
  /** Off everywhere when false. */
  enabled: boolean;
  /** Host names ("example.com") where CiteLens stays off. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** Palette colour of a cited claim's mark (before its sources are checked). */
  claimColour: PaletteKey;
  /** Palette colour of the claim whose card is open. */
  activeColour: PaletteKey;
  /**
   * Whether checked claims are painted by verdict on the page. Off by default: highlight names are readable by
   * the page's scripts (`CSS.highlights`), so per-verdict names would tell the page what the check found.
   */
  verdictHighlights: boolean;
  /**
   * Host names where the reader lets CiteLens check the sources as soon as a page is read. Only sources on sites
   * the reader has already allowed are read then; the others wait for "Check sources".
   */
  autoCheckSites: string[];
  /**
   * Whether sentences that cite by linking to another site (news pages' citations) are found and highlighted,
   * beside the claims with reference markers. On by default.
   */
  linkedClaims: boolean;
  /** Whether links to the page's own site count as linked sources (some outlets cite their earlier reporting). */
  countOwnSiteLinks: boolean;
  /**
   * Whether a plain click on a citation marker ("[3]") opens its claim's card instead of following the marker's
   * link to the reference list. Modifier and middle clicks always follow the link. On by default.
   */
  markerOpensCard: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  // Amber and blue stay visible on white and on near-black; the marks are translucent so the page's own text
  // colour, chosen by the page for its background, is what the reader reads.
  claimColour: DEFAULT_CLAIM_COLOUR,
  activeColour: DEFAULT_ACTIVE_COLOUR,
  verdictHighlights: false,
  autoCheckSites: [],
  linkedClaims: true,
  countOwnSiteLinks: false,
  markerOpensCard: true,
});

/** The settings read as true or false, also from the strings and numbers an older or hand-edited value holds. */
const SWITCHES = ['enabled', 'linkedClaims', 'countOwnSiteLinks', 'markerOpensCard'] as const;

/** A palette key, or the `#rrggbb` settings held before the palette (mapped to the nearest entry). */
function colourOf(value: unknown): PaletteKey | null {
  if (typeof value !== 'string') return null;
  if (Object.hasOwn(PALETTE, value)) return value as PaletteKey;
  return nearestPaletteKey(value);
}

/**
 * The lists of sites, as stored: one item `key` and, for a list longer than storage.sync takes in one item,
 * further items `key.1`, `key.2`… (see `listItems`).
 */
const LIST_KEYS = ['disabledSites', 'autoCheckSites'] as const;
type ListKey = (typeof LIST_KEYS)[number];

/**
 * A list of host names from what is stored, keeping every host it holds: an array (its strings), a string (hosts
 * split on commas and spaces, as an old or hand-edited value may be), an object (its string values, as an array
 * can come back from some sync backends). Anything else holds no host and is said so.
 */
function hostsIn(value: unknown, key: string, problems: string[]): string[] {
  const strings = (items: unknown[]) => {
    const kept = items
      .filter((h): h is string => typeof h === 'string' && h.trim().length > 0)
      .map((h) => h.trim());
    if (kept.length < items.length)
      problems.push(`${key}: ${items.length - kept.length} entries that are not host names`);
    return kept;
  };
  if (Array.isArray(value)) return strings(value);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (typeof value === 'object' && value !== null) {
    problems.push(`${key}: an object instead of a list, read as its values`);
    return strings(Object.values(value));
  }
  if (value !== undefined) problems.push(`${key}: ${typeof value} instead of a list of host names`);
  return [];
}

/** A list read back from its items, in order, each host once. */
function readList(stored: Record<string, unknown>, key: ListKey, problems: string[]): string[] {
  const hosts = new Set(hostsIn(stored[key], key, problems));
  for (let i = 1; `${key}.${i}` in stored; i++) {
    for (const host of hostsIn(stored[`${key}.${i}`], `${key}.${i}`, problems)) hosts.add(host);
  }
  return [...hosts];
}

/** A boolean, also as the strings and numbers a hand-edited or older value may hold. */
function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  return null;
}

/**
 * Reads whatever is stored, keeping every well-formed part (a list with one bad entry keeps the others; a list
 * stored as a string or object keeps its hosts), so a value of the wrong type never turns the reader's choices
 * back to the defaults unnoticed. What could not be read is named in `problems`.
 */
export function normaliseSettings(stored: Record<string, unknown>, problems: string[] = []): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], autoCheckSites: [] };
  for (const key of SWITCHES) {
    const value = booleanOf(stored[key]);
    if (value !== null) s[key] = value;
    else if (stored[key] !== undefined)
      problems.push(`${key}: ${JSON.stringify(stored[key])} is not true or false`);
  }
  s.disabledSites = readList(stored, 'disabledSites', problems);
  s.autoCheckSites = readList(stored, 'autoCheckSites', problems);
  if (stored.highlightStyle === 'underline' || stored.highlightStyle === 'background') {
    s.highlightStyle = stored.highlightStyle;
  } else if (stored.highlightStyle !== undefined) problems.push('highlightStyle: not a known style');
  s.claimColour = colourOf(stored.claimColour) ?? s.claimColour;
  s.activeColour = colourOf(stored.activeColour) ?? s.activeColour;
  if (typeof stored.verdictHighlights === 'boolean') s.verdictHighlights = stored.verdictHighlights;
  return s;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await extensionApi().storage.sync.get(null);
  const problems: string[] = [];
  const settings = normaliseSettings(stored, problems);
  if (problems.length > 0)
    console.warn(`CiteLens: some stored settings could not be read: ${problems.join('; ')}`);
  return settings;
}

/** storage.sync's quotas, the same in Chrome and Firefox: bytes per item (its key and JSON value), and in all. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;

const bytes = (text: string) => new TextEncoder().encode(text).length;
const itemBytes = (key: string, value: unknown) => bytes(key) + bytes(JSON.stringify(value));

/** A settings write storage.sync cannot take; nothing of it was written. */
export class SettingsTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(
      `CiteLens cannot keep this many sites: the settings would take ${bytes} bytes of the browser's ` +
        `${SYNC_QUOTA_BYTES} for synced settings. Remove some sites and try again; nothing was changed.`,
    );
    this.name = 'SettingsTooLarge';
  }
}

/**
 * The storage items of a list of hosts: `key` with as many hosts as fit in one item, then `key.1`, `key.2`… with
 * the rest, each within storage.sync's per-item quota. An empty list is one empty item.
 */
export function listItems(key: string, hosts: readonly string[]): Record<string, string[]> {
  const items: Record<string, string[]> = {};
  let chunk: string[] = [];
  let index = 0;
  const name = () => (index === 0 ? key : `${key}.${index}`);
  // A little under the quota: browsers count the item's JSON, and some add a byte or two of their own.
  const budget = SYNC_QUOTA_BYTES_PER_ITEM - 64;
  for (const host of hosts) {
    if (chunk.length > 0 && itemBytes(name(), [...chunk, host]) > budget) {
      items[name()] = chunk;
      chunk = [];
      index++;
    }
    chunk.push(host);
  }
  items[name()] = chunk;
  return items;
}

/**
 * Stores a change of settings. A list of sites is split over as many items as it needs; a change that would not
 * fit in storage.sync at all throws `SettingsTooLarge` before anything is written, so nothing the reader had is
 * lost.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const stored = await extensionApi().storage.sync.get(null);
  const items: Record<string, unknown> = {};
  const stale: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!(LIST_KEYS as readonly string[]).includes(key)) {
      items[key] = value;
      continue;
    }
    const listed = listItems(key, value as string[]);
    Object.assign(items, listed);
    for (const k of Object.keys(stored)) if (k.startsWith(`${key}.`) && !(k in listed)) stale.push(k);
  }
  const after: Record<string, unknown> = { ...stored, ...items };
  for (const k of stale) delete after[k];
  const total = Object.entries(after).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  if (total > SYNC_QUOTA_BYTES) throw new SettingsTooLarge(total);
  await extensionApi().storage.sync.set(items);
  if (stale.length > 0) await extensionApi().storage.sync.remove(stale);
}

/** Calls back with fresh settings whenever they change (in any context). Returns a function that stops. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(onChange);
  };
  extensionApi().storage.onChanged.addListener(listener);
  return () => extensionApi().storage.onChanged.removeListener(listener);
}

/** The host name a setting refers to: "www." dropped, so "www.example.com" and "example.com" are one site. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export type Activity = 'on' | 'disabled-site' | 'disabled-everywhere';

export function activityFor(settings: Settings, url: string): Activity {
  if (!settings.enabled) return 'disabled-everywhere';
  return settings.disabledSites.includes(siteOf(url)) ? 'disabled-site' : 'on';
}

/** Whether the reader lets CiteLens check this page's sources without being asked each time. */
export function autoCheckFor(settings: Settings, url: string): boolean {
  return settings.autoCheckSites.includes(siteOf(url));
}
