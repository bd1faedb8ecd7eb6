/** The reader's settings, kept in `storage.sync`. */
import browser from 'webextension-polyfill';
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
});

/** A palette key, or the `#rrggbb` settings held before the palette (mapped to the nearest entry). */
function colourOf(value: unknown): PaletteKey | null {
  if (typeof value !== 'string') return null;
  if (Object.hasOwn(PALETTE, value)) return value as PaletteKey;
  return nearestPaletteKey(value);
}

const hostList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string' && h.length > 0) : [];

/** Reads whatever is stored, keeping only well-formed values. */
export function normaliseSettings(stored: Record<string, unknown>): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], autoCheckSites: [] };
  if (typeof stored.enabled === 'boolean') s.enabled = stored.enabled;
  s.disabledSites = hostList(stored.disabledSites);
  s.autoCheckSites = hostList(stored.autoCheckSites);
  if (stored.highlightStyle === 'underline' || stored.highlightStyle === 'background') {
    s.highlightStyle = stored.highlightStyle;
  }
  s.claimColour = colourOf(stored.claimColour) ?? s.claimColour;
  s.activeColour = colourOf(stored.activeColour) ?? s.activeColour;
  if (typeof stored.verdictHighlights === 'boolean') s.verdictHighlights = stored.verdictHighlights;
  return s;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(null);
  return normaliseSettings(stored);
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await browser.storage.sync.set(patch);
}

/** Calls back with fresh settings whenever they change (in any context). Returns a function that stops. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
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
