/**
 * `npm run eval`: scans every fixture page and compares with what a person reading it wrote down.
 * Prints marker precision and recall, claim sentences right and source links right, per page and in total.
 * Linked claims (sentences linking to another site) are scored apart, on the news pages: claims right/expected/found,
 * recall, precision, links right, distinct sources right/expected/found.
 * `--verbose` lists what was missed; `--page NAME` limits to one page.
 */

import { parseHtml } from '../src/cli/load-page';
import { scanDocument, toJsonReport } from '../src/core/index';
import { siteByPublicSuffix } from '../src/core/links/public-suffix';
import { loadFixturePages } from '../test/support/fixture-pages';
import { type LinkedScore, scoreLinked } from '../test/support/linked-metrics';
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
/** Linked claims, on the news pages (those whose expectations have a `linked` part). */
const linkedRows: string[][] = [];
const linkedTotal = {
  right: 0,
  expected: 0,
  detected: 0,
  links: 0,
  linksExpected: 0,
  src: 0,
  srcExpected: 0,
  srcDetected: 0,
};
const newsNegatives: { name: string; claims: number }[] = [];

for (const page of loadFixturePages()) {
  if (only && page.name !== only) continue;
  const report = toJsonReport(scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix }));
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
  if (page.expected.linked) {
    const l: LinkedScore = scoreLinked(report, page.expected);
    linkedTotal.right += l.claims.right;
    linkedTotal.expected += l.claims.expected;
    linkedTotal.detected += l.claims.detected;
    linkedTotal.links += l.links.right;
    linkedTotal.linksExpected += l.links.expected;
    linkedTotal.src += l.sources.right;
    linkedTotal.srcExpected += l.sources.expected;
    linkedTotal.srcDetected += l.sources.detected;
    if (page.name.startsWith('news-neg-')) newsNegatives.push({ name: page.name, claims: l.claims.detected });
    linkedRows.push(linkedRow(page.name, l.claims, l.links, l.sources));
    if (verbose) {
      for (const m of l.claims.missed) console.log(`  ${page.name} linked missed: ${m}`);
      for (const m of l.claims.extra) console.log(`  ${page.name} linked extra:  ${m}`);
      for (const w of l.links.wrong) console.log(`  ${page.name} linked link: ${w}`);
    }
  }
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
if (linkedRows.length) {
  linkedRows.push(
    linkedRow(
      'TOTAL',
      { right: linkedTotal.right, expected: linkedTotal.expected, detected: linkedTotal.detected },
      { right: linkedTotal.links, expected: linkedTotal.linksExpected },
      { right: linkedTotal.src, expected: linkedTotal.srcExpected, detected: linkedTotal.srcDetected },
    ),
  );
  const linkedHead = [
    'linked claims (news pages)',
    'claims',
    'recall',
    'precision',
    'links ok',
    'sources',
    'recall',
    'precision',
  ];
  const lw = linkedHead.map((h, i) => Math.max(h.length, ...linkedRows.map((r) => (r[i] ?? '').length)));
  const lline = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(lw[i] ?? 0) : c.padStart(lw[i] ?? 0))).join('  ');
  console.log('');
  console.log(lline(linkedHead));
  for (const r of linkedRows) console.log(lline(r));
  const withClaims = newsNegatives.filter((n) => n.claims > 0);
  console.log(
    `news-neg pages with linked claims: ${withClaims.length}/${newsNegatives.length}` +
      (withClaims.length
        ? ` (${withClaims.map((n) => `${n.name}: ${n.claims}`).join(', ')})`
        : ' (zero-claim rate 1.000)'),
  );
  console.log('');
}
console.log(
  negatives.length
    ? `negative pages with claims: ${negatives.join(', ')}`
    : 'negative pages: no claims (as expected)',
);

function linkedRow(
  name: string,
  claims: { right: number; expected: number; detected: number },
  links: { right: number; expected: number },
  sources: { right: number; expected: number; detected: number },
): string[] {
  return [
    name,
    `${claims.right}/${claims.expected}/${claims.detected}`,
    pct(ratio(claims.right, claims.expected)),
    pct(ratio(claims.right, claims.detected)),
    `${links.right}/${links.expected}`,
    `${sources.right}/${sources.expected}/${sources.detected}`,
    pct(ratio(sources.right, sources.expected)),
    pct(ratio(sources.right, sources.detected)),
  ];
}
