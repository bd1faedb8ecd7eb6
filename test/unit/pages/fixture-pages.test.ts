import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { loadFixturePages } from '../../support/fixture-pages';
import { scoreLinked } from '../../support/linked-metrics';
import { markerReport, ratio, scorePage } from '../../support/page-metrics';

/**
 * The real saved pages against what a person reading them wrote down (test/fixtures/pages/NAME/expected.json).
 * Per page a floor that catches a shape breaking; over all pages the targets.
 */
const pages = loadFixturePages();
const totals = {
  matched: 0,
  detected: 0,
  expected: 0,
  claims: 0,
  claimsExpected: 0,
  links: 0,
  linksExpected: 0,
};

describe('fixture pages', () => {
  it('has the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(35);
  });

  for (const page of pages) {
    it(page.name, () => {
      const report = toJsonReport(scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix }));
      const score = scorePage(report, page.expected);
      totals.matched += score.markers.matched;
      totals.detected += score.markers.detected;
      totals.expected += score.markers.expected;
      totals.claims += score.claims.right;
      totals.claimsExpected += score.claims.expected;
      totals.links += score.links.right;
      totals.linksExpected += score.links.expected;
      if (page.name.startsWith('neg-')) {
        // Their brackets and numbers are not markers; sentences linking to other sites are linked claims, scored apart.
        expect(markerReport(report).claims).toEqual([]);
        return;
      }
      expect(ratio(score.markers.matched, score.markers.detected)).toBeGreaterThanOrEqual(0.95);
      expect(ratio(score.markers.matched, score.markers.expected)).toBeGreaterThanOrEqual(0.7);
      expect(ratio(score.claims.right, score.claims.expected)).toBeGreaterThanOrEqual(0.75);
      expect(ratio(score.links.right, score.links.expected)).toBeGreaterThanOrEqual(0.8);
    });
  }

  // Issue 9 item 6: marker-only pages (the seed, Wikipedia in both its HTML forms) give exactly what they gave
  // before linked claims: the whole report equals the one with links off.
  for (const page of pages.filter((p) => /^(?:wp-|parsoid-|fx-wikipedia|seed-)/.test(p.name))) {
    it(`${page.name} gives what it gave before linked claims`, () => {
      const withLinks = toJsonReport(scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix }));
      const without = toJsonReport(scanDocument(parseHtml(page.html), { links: false }));
      expect(withLinks).toEqual(without);
    });
  }

  it('meets the targets over all pages', () => {
    expect(ratio(totals.matched, totals.detected)).toBeGreaterThanOrEqual(0.98);
    expect(ratio(totals.matched, totals.expected)).toBeGreaterThanOrEqual(0.98);
    expect(ratio(totals.claims, totals.claimsExpected)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(totals.links, totals.linksExpected)).toBeGreaterThanOrEqual(0.98);
  });
});

describe('linked claims on the news pages', () => {
  const news = pages.filter((p) => p.expected.linked);
  const linked = { right: 0, expected: 0, detected: 0, links: 0, linksExpected: 0 };

  it('has the news pages', () => {
    expect(news.length).toBeGreaterThanOrEqual(27);
  });

  for (const page of news) {
    it(page.name, () => {
      const score = scoreLinked(
        toJsonReport(scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix })),
        page.expected,
      );
      linked.right += score.claims.right;
      linked.expected += score.claims.expected;
      linked.detected += score.claims.detected;
      linked.links += score.links.right;
      linked.linksExpected += score.links.expected;
      // A news page whose article links to no other site gives no linked claim.
      if (page.name.startsWith('news-neg-')) expect(score.claims.detected).toBe(0);
    });
  }

  // The targets (recall and precision 0.90, links right 0.95) on all 27 news pages; npm run eval prints the
  // figures (0.988 / 0.960 / 0.989 when the last 12 pages were added).
  it('keeps recall, precision and links right over all news pages', () => {
    expect(ratio(linked.right, linked.expected)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(linked.right, linked.detected)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(linked.links, linked.linksExpected)).toBeGreaterThanOrEqual(0.95);
  });
});
