import { parseHtml } from '../../src/cli/load-page';
import { scanDocument, toJsonReport } from '../../src/core/index';
import { siteByPublicSuffix } from '../../src/core/links/public-suffix';
import type { JsonReport } from '../../src/core/types';
import type { FixturePage, KnownMisses } from './fixture-pages';
import { type LinkedScore, scoreLinked } from './linked-metrics';
import { type PageScore, scorePage } from './page-metrics';

/**
 * One place that scans a fixture page and scores it, for the fixture tests and `npm run eval` alike: the same
 * scores, the same totals, and each page's misses in the form its expected.json writes them down (`knownMisses`).
 */
export interface PageResult {
  page: FixturePage;
  report: JsonReport;
  score: PageScore;
  /** News pages (expectations with a `linked` part): the linked claims' score. */
  linked: LinkedScore | null;
  /** What the scan misses or adds against the expectations, only the parts that are not empty. */
  misses: KnownMisses;
}

const results = new Map<string, PageResult>();

/** Scans and scores a page once per process (the per-page tests and the totals share the scan). */
export function scoreFixture(page: FixturePage): PageResult {
  const known = results.get(page.dir);
  if (known) return known;
  const report = toJsonReport(scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix }));
  const score = scorePage(report, page.expected);
  const linked = page.expected.linked ? scoreLinked(report, page.expected) : null;
  const result = { page, report, score, linked, misses: missesOf(score, linked) };
  results.set(page.dir, result);
  return result;
}

/** A page's misses as expected.json writes them: empty parts left out, so a perfect page has `{}`. */
export function missesOf(score: PageScore, linked: LinkedScore | null): KnownMisses {
  const misses: KnownMisses = {};
  const markersMissed = score.markers.expected - score.markers.matched;
  const markersExtra = score.markers.detected - score.markers.matched;
  if (markersMissed || markersExtra) misses.markers = { missed: markersMissed, extra: markersExtra };
  if (score.claims.missed.length || score.claims.extra.length)
    misses.claims = { missed: score.claims.missed, extra: score.claims.extra };
  if (score.links.wrong.length)
    misses.links = score.links.wrong.map((w) => ({ label: w.label, got: w.got ?? null }));
  if (linked && (linked.claims.missed.length || linked.claims.extra.length || linked.links.wrong.length))
    misses.linked = { missed: linked.claims.missed, extra: linked.claims.extra, links: linked.links.wrong };
  return misses;
}

export interface Totals {
  pages: number;
  markers: { matched: number; detected: number; expected: number };
  claims: { right: number; expected: number };
  links: { right: number; expected: number };
  linked: {
    right: number;
    expected: number;
    detected: number;
    links: number;
    linksExpected: number;
    sources: number;
    sourcesExpected: number;
    sourcesDetected: number;
  };
}

/** The sums over pages that the figures of the tests and of `npm run eval` are ratios of. */
export function totalsOf(pages: PageResult[]): Totals {
  const t: Totals = {
    pages: pages.length,
    markers: { matched: 0, detected: 0, expected: 0 },
    claims: { right: 0, expected: 0 },
    links: { right: 0, expected: 0 },
    linked: {
      right: 0,
      expected: 0,
      detected: 0,
      links: 0,
      linksExpected: 0,
      sources: 0,
      sourcesExpected: 0,
      sourcesDetected: 0,
    },
  };
  for (const { score, linked } of pages) {
    t.markers.matched += score.markers.matched;
    t.markers.detected += score.markers.detected;
    t.markers.expected += score.markers.expected;
    t.claims.right += score.claims.right;
    t.claims.expected += score.claims.expected;
    t.links.right += score.links.right;
    t.links.expected += score.links.expected;
    if (!linked) continue;
    t.linked.right += linked.claims.right;
    t.linked.expected += linked.claims.expected;
    t.linked.detected += linked.claims.detected;
    t.linked.links += linked.links.right;
    t.linked.linksExpected += linked.links.expected;
    t.linked.sources += linked.sources.right;
    t.linked.sourcesExpected += linked.sources.expected;
    t.linked.sourcesDetected += linked.sources.detected;
  }
  return t;
}
