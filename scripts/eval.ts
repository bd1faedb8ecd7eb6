/**
 * `npm run eval`: scans every fixture page and compares with what a person reading it wrote down.
 * Prints marker precision and recall, claim sentences right and source links right, per page and in total.
 * `--verbose` lists what was missed; `--page NAME` limits to one page.
 */

import { parseHtml } from '../src/cli/load-page';
import { scanDocument, toJsonReport } from '../src/core/index';
import { loadFixturePages } from '../test/support/fixture-pages';
import { markerReport, type PageScore, ratio, scorePage } from '../test/support/page-metrics';

const verbose = process.argv.includes('--verbose');
const only = process.argv.includes('--page') ? process.argv[process.argv.indexOf('--page') + 1] : undefined;

const pct = (x: number) => x.toFixed(3);
const rows: string[][] = [];
const total = {
  matched: 0,
  detected: 0,
  expected: 0,
  claimsRight: 0,
  claimsExpected: 0,
  linksRight: 0,
  linksExpected: 0,
};
const negatives: string[] = [];

for (const page of loadFixturePages()) {
  if (only && page.name !== only) continue;
  const report = toJsonReport(scanDocument(parseHtml(page.html)));
  const s: PageScore = scorePage(report, page.expected);
  total.matched += s.markers.matched;
  total.detected += s.markers.detected;
  total.expected += s.markers.expected;
  total.claimsRight += s.claims.right;
  total.claimsExpected += s.claims.expected;
  total.linksRight += s.links.right;
  total.linksExpected += s.links.expected;
  const markerClaims = markerReport(report).claims.length;
  if (page.name.startsWith('neg-') && markerClaims > 0)
    negatives.push(`${page.name} (${markerClaims} claims)`);
  rows.push([
    page.name,
    `${s.markers.expected}`,
    pct(ratio(s.markers.matched, s.markers.detected)),
    pct(ratio(s.markers.matched, s.markers.expected)),
    `${s.claims.right}/${s.claims.expected}`,
    pct(ratio(s.claims.right, s.claims.expected)),
    `${s.links.right}/${s.links.expected}`,
    pct(ratio(s.links.right, s.links.expected)),
  ]);
  if (verbose) {
    for (const m of s.claims.missed) console.log(`  ${page.name} missed: ${m}`);
    for (const m of s.claims.extra) console.log(`  ${page.name} extra:  ${m}`);
    for (const w of s.links.wrong)
      console.log(`  ${page.name} link [${w.label}]: expected ${w.expected} got ${w.got}`);
  }
}

const head = ['page', 'markers', 'precision', 'recall', 'claims', 'claims ok', 'links', 'links ok'];
rows.push([
  'TOTAL',
  `${total.expected}`,
  pct(ratio(total.matched, total.detected)),
  pct(ratio(total.matched, total.expected)),
  `${total.claimsRight}/${total.claimsExpected}`,
  pct(ratio(total.claimsRight, total.claimsExpected)),
  `${total.linksRight}/${total.linksExpected}`,
  pct(ratio(total.linksRight, total.linksExpected)),
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(
  negatives.length
    ? `negative pages with claims: ${negatives.join(', ')}`
    : 'negative pages: no claims (as expected)',
);
