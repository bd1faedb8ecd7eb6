/**
 * Host access for reading cited sources, asked for at the moment the reader asks for a check and only for the
 * sources' own sites (`optional_host_permissions` in the manifest; CiteLens holds no host permission at install).
 */
import browser from 'webextension-polyfill';
import type { JsonReport } from '../core';

/** The match pattern for a URL's host (any port, one scheme), or null for anything but http(s). */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** The distinct sites a report's sources live on, as match patterns. */
export function sourceOrigins(report: Pick<JsonReport, 'sources'>): string[] {
  const patterns = new Set<string>();
  for (const s of report.sources) {
    const pattern = s.url ? originPattern(s.url) : null;
    if (pattern) patterns.add(pattern);
  }
  return [...patterns];
}

/**
 * Asks the reader for access to these sites. Must be called straight from a click in an extension page (the
 * popup or the consent page), before any other `await`: browsers accept the request only inside a user gesture.
 */
export function requestOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins });
}

/** Those of the patterns the reader has granted. */
export async function grantedOrigins(origins: readonly string[]): Promise<Set<string>> {
  const answers = await Promise.all(
    origins.map((o) => browser.permissions.contains({ origins: [o] }).catch(() => false)),
  );
  return new Set(origins.filter((_, i) => answers[i]));
}
