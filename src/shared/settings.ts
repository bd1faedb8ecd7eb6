/** The reader's settings, kept in `storage.sync`, and the highlight stylesheet they give. */
import browser from 'webextension-polyfill';

export type HighlightStyle = 'underline' | 'background';

export interface Settings {
  /** Off everywhere when false. */
  enabled: boolean;
  /** Host names ("example.com") where CiteLens stays off. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** `#rrggbb` of a cited claim's mark. */
  claimColour: string;
  /** `#rrggbb` of the claim whose card is open. */
  activeColour: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  // Amber and blue stay visible on white and on near-black; the marks are translucent so the page's own text
  // colour, chosen by the page for its background, is what the reader reads.
  claimColour: '#e8a317',
  activeColour: '#3b82f6',
});

const HEX = /^#[0-9a-f]{6}$/i;

/** Reads whatever is stored, keeping only well-formed values. */
export function normaliseSettings(stored: Record<string, unknown>): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
  if (typeof stored.enabled === 'boolean') s.enabled = stored.enabled;
  if (Array.isArray(stored.disabledSites)) {
    s.disabledSites = stored.disabledSites.filter((h): h is string => typeof h === 'string' && h.length > 0);
  }
  if (stored.highlightStyle === 'underline' || stored.highlightStyle === 'background') {
    s.highlightStyle = stored.highlightStyle;
  }
  if (typeof stored.claimColour === 'string' && HEX.test(stored.claimColour))
    s.claimColour = stored.claimColour;
  if (typeof stored.activeColour === 'string' && HEX.test(stored.activeColour))
    s.activeColour = stored.activeColour;
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

/** The highlight names CiteLens registers in `CSS.highlights`, one per state. */
export const HIGHLIGHT = {
  claim: 'citelens-claim',
  active: 'citelens-active',
} as const;

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * The `::highlight()` rules for the settings. Only translucent backgrounds and decorations: the text keeps the
 * page's colour, so it stays as readable as the page made it, on light and dark pages alike.
 */
export function highlightCss(settings: Settings): string {
  const { claimColour: c, activeColour: a } = settings;
  const claim =
    settings.highlightStyle === 'underline'
      ? `text-decoration: underline 2px ${c}; text-underline-offset: 0.2em; background-color: ${rgba(c, 0.1)};`
      : `background-color: ${rgba(c, 0.3)};`;
  return [
    `::highlight(${HIGHLIGHT.claim}) { ${claim} }`,
    `::highlight(${HIGHLIGHT.active}) { background-color: ${rgba(a, 0.3)}; text-decoration: underline 2px ${a}; text-underline-offset: 0.2em; }`,
  ].join('\n');
}
