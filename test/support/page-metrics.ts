import type { JsonReport } from '../../src/core/types';
import type { ExpectedPage } from './fixture-pages';

/** How a scan of one page compares with what its reader wrote down (rules: docs/fixture-format.md). */
export interface PageScore {
  markers: { matched: number; detected: number; expected: number };
  claims: { right: number; expected: number; detected: number; missed: string[]; extra: string[] };
  links: {
    right: number;
    expected: number;
    wrong: { label: string; expected: string | null; got: string | null | undefined }[];
  };
}

/** Marker labels as compared: brackets and spaces dropped, dashes unified, a list counted as its items. */
export function markerItems(label: string): string[] {
  return label
    .replace(/[[\]\s]/g, '')
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase()
    .split(/[,;]/)
    .filter(Boolean);
}

/** Claim text as compared: whitespace folded, no space before closing punctuation, quotes and dashes unified. */
export function comparableClaim(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .trim();
}

/** The URL as the URL standard writes it, so `http://a.org` and `http://a.org/` are one link. */
function sameUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The marker side of a report: claims with markers and the reference sources. Linked claims (sentences that link to
 * another site) are scored on their own (linked-metrics.ts), so a marker page's figures do not move with them.
 */
export function markerReport(report: JsonReport): JsonReport {
  return {
    ...report,
    claims: report.claims.filter((c) => c.markers.length > 0),
    sources: report.sources.filter((s) => s.kind !== 'linked'),
  };
}

export function scorePage(full: JsonReport, expected: ExpectedPage): PageScore {
  const report = markerReport(full);
  const detectedMarkers = report.claims.flatMap((c) => c.markers.flatMap(markerItems));
  const expectedMarkers = expected.claims.flatMap((c) => c.markers.flatMap(markerItems));

  const detectedTexts = new Map<string, number>();
  for (const c of report.claims) {
    const key = comparableClaim(c.text);
    detectedTexts.set(key, (detectedTexts.get(key) ?? 0) + 1);
  }
  const remaining = new Map(detectedTexts);
  let right = 0;
  const missed: string[] = [];
  for (const c of expected.claims) {
    const key = comparableClaim(c.text);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      right++;
      remaining.set(key, left - 1);
    } else missed.push(c.text);
  }
  const extra = [...remaining].flatMap(([text, n]) => new Array<string>(n).fill(text));

  // A note's further works (a bundled citation) share its label; the note's own link is the one the reader wrote down.
  const byLabel = new Map(
    report.sources.filter((s) => !s.partOf).map((s) => [s.label.toLowerCase(), sameUrl(s.url)]),
  );
  const wrong: PageScore['links']['wrong'] = [];
  let linksRight = 0;
  for (const s of expected.sources) {
    const got = byLabel.get(s.label.toLowerCase());
    if (got !== undefined && got === sameUrl(s.url)) linksRight++;
    else wrong.push({ label: s.label, expected: s.url, got });
  }

  return {
    markers: {
      matched: lcsLength(detectedMarkers, expectedMarkers),
      detected: detectedMarkers.length,
      expected: expectedMarkers.length,
    },
    claims: { right, expected: expected.claims.length, detected: report.claims.length, missed, extra },
    links: { right: linksRight, expected: expected.sources.length, wrong },
  };
}

/** a / b, with 1 for 0 / 0 (nothing to find and nothing found is a perfect score). */
export function ratio(a: number, b: number): number {
  return b === 0 ? (a === 0 ? 1 : 0) : a / b;
}
