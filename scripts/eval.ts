/**
 * `npm run eval`: scans every fixture page and compares with what a person reading it wrote down.
 * Prints marker precision and recall, claim sentences right and source links right, per page and in total, then the
 * same figures per citation shape of issue 10 (pages whose expected.json lists `shapes`).
 * Linked claims (sentences linking to another site) are scored apart, on the news pages: claims right/expected/found,
 * recall, precision, links right, distinct sources right/expected/found.
 * `--verbose` lists what was missed; `--page NAME` limits to one page; `--write-known-misses` writes each page's
 * misses into its expected.json as `knownMisses` (after a reviewed change: the fixture tests compare them exactly).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KnownMisses, loadFixturePages } from '../test/support/fixture-pages';
import { type PageResult, scoreFixture, type Totals, totalsOf } from '../test/support/fixture-scores';
import { markerReport, ratio } from '../test/support/page-metrics';

const verbose = process.argv.includes('--verbose');
const writeKnown = process.argv.includes('--write-known-misses');
const only = process.argv.includes('--page') ? process.argv[process.argv.indexOf('--page') + 1] : undefined;

const pct = (x: number) => x.toFixed(3);
const results: PageResult[] = loadFixturePages()
  .filter((page) => !only || page.name === only)
  .map(scoreFixture);

/** The issue's shapes, as the per-shape lines name them. */
const SHAPE_NAMES: Record<number, string> = {
  1: 'shape 1 languages without spaces',
  2: 'shape 2 inline notes',
  3: 'shape 3 markers naming their note',
  4: 'shape 4 bundled references',
  5: 'shape 5 sub-references, groups',
  6: 'shape 6 reference list not on page',
  7: 'shape 7 explanatory notes',
};

function row(name: string, t: Totals): string[] {
  return [
    name,
    `${t.markers.expected}`,
    pct(ratio(t.markers.matched, t.markers.detected)),
    pct(ratio(t.markers.matched, t.markers.expected)),
    `${t.claims.right}/${t.claims.expected}`,
    pct(ratio(t.claims.right, t.claims.expected)),
    `${t.links.right}/${t.links.expected}`,
    pct(ratio(t.links.right, t.links.expected)),
  ];
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

const rows = results.map((r) => row(r.page.name, totalsOf([r])));
rows.push(row('TOTAL', totalsOf(results)));
printTable(['page', 'markers', 'precision', 'recall', 'claims', 'claims ok', 'links', 'links ok'], rows);

const shapeRows: string[][] = [];
for (const [shape, name] of Object.entries(SHAPE_NAMES)) {
  const pages = results.filter((r) => r.page.expected.shapes?.includes(Number(shape)));
  if (pages.length) shapeRows.push([...row(name, totalsOf(pages)), `${pages.length}`]);
}
if (shapeRows.length) {
  console.log('');
  printTable(
    [
      'by shape (issue 10)',
      'markers',
      'precision',
      'recall',
      'claims',
      'claims ok',
      'links',
      'links ok',
      'pages',
    ],
    shapeRows,
  );
}

const news = results.filter((r) => r.linked);
if (news.length) {
  const linkedRows = news.map((r) => linkedRow(r.page.name, totalsOf([r]).linked));
  linkedRows.push(linkedRow('TOTAL', totalsOf(news).linked));
  console.log('');
  printTable(
    [
      'linked claims (news pages)',
      'claims',
      'recall',
      'precision',
      'links ok',
      'sources',
      'recall',
      'precision',
    ],
    linkedRows,
  );
  const newsNegatives = news.filter((r) => r.page.name.startsWith('news-neg-'));
  const withClaims = newsNegatives.filter((r) => (r.linked?.claims.detected ?? 0) > 0);
  console.log(
    `news-neg pages with linked claims: ${withClaims.length}/${newsNegatives.length}` +
      (withClaims.length
        ? ` (${withClaims.map((r) => `${r.page.name}: ${r.linked?.claims.detected}`).join(', ')})`
        : ' (zero-claim rate 1.000)'),
  );
  console.log('');
}

const negatives = results
  .filter((r) => r.page.name.startsWith('neg-') && markerReport(r.report).claims.length > 0)
  .map((r) => `${r.page.name} (${markerReport(r.report).claims.length} claims)`);
console.log(
  negatives.length
    ? `negative pages with claims: ${negatives.join(', ')}`
    : 'negative pages: no claims (as expected)',
);

if (verbose) {
  for (const { page, score, linked } of results) {
    for (const m of score.claims.missed) console.log(`  ${page.name} missed: ${m}`);
    for (const m of score.claims.extra) console.log(`  ${page.name} extra:  ${m}`);
    for (const w of score.links.wrong)
      console.log(`  ${page.name} link [${w.label}]: expected ${w.expected} got ${w.got}`);
    for (const m of linked?.claims.missed ?? []) console.log(`  ${page.name} linked missed: ${m}`);
    for (const m of linked?.claims.extra ?? []) console.log(`  ${page.name} linked extra:  ${m}`);
    for (const w of linked?.links.wrong ?? []) console.log(`  ${page.name} linked link: ${w}`);
  }
}

if (writeKnown) {
  let changed = 0;
  for (const { page, misses } of results) {
    if (JSON.stringify(page.expected.knownMisses ?? {}) === JSON.stringify(misses)) continue;
    const file = join(page.dir, 'expected.json');
    writeFileSync(file, withKnownMisses(readFileSync(file, 'utf8'), misses));
    changed++;
    console.log(`knownMisses written: ${page.name}`);
  }
  console.log(`${changed} expected.json file${changed === 1 ? '' : 's'} updated`);
}

/**
 * The expected.json text with its `knownMisses` replaced: kept as the file's last key and the rest of the file left
 * as a person wrote it (no reformatting of the page's claims and sources).
 */
function withKnownMisses(text: string, misses: KnownMisses): string {
  const at = text.search(/,\s*"knownMisses"\s*:/);
  const body = (at >= 0 ? text.slice(0, at) : text.slice(0, text.lastIndexOf('}'))).trimEnd();
  if (!Object.keys(misses).length) return `${body}\n}\n`;
  const written = JSON.stringify(misses, null, 2).replace(/\n/g, '\n  ');
  return `${body},\n  "knownMisses": ${written}\n}\n`;
}

function linkedRow(name: string, t: Totals['linked']): string[] {
  return [
    name,
    `${t.right}/${t.expected}/${t.detected}`,
    pct(ratio(t.right, t.expected)),
    pct(ratio(t.right, t.detected)),
    `${t.links}/${t.linksExpected}`,
    `${t.sources}/${t.sourcesExpected}/${t.sourcesDetected}`,
    pct(ratio(t.sources, t.sourcesExpected)),
    pct(ratio(t.sources, t.sourcesDetected)),
  ];
}
