/**
 * `npm run bench`: speed and memory of the scanner and the judge, as numbers.
 * Times are compared with a baseline measured in the same run on the same document (a plain walk over every
 * node, reading its text), because absolute times on a shared machine are noise; the ratios are what to watch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../src/cli/load-page';
import { nextInOrder } from '../src/core/dom/node-kinds';
import { scanDocument, scanDocumentInSlices } from '../src/core/index';
import { siteByPublicSuffix } from '../src/core/links/public-suffix';
import { judgeSupport } from '../src/core/verify/judge';
import { readSourceText } from '../src/core/verify/source-text';
import { FIXTURE_PAGES_DIR } from '../test/support/fixture-pages';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(fn: () => void, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Medians of two functions timed turn about. */
function timeBoth(a: () => void, b: () => void, runs: number): [number, number] {
  a();
  b();
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    sa.push(performance.now() - t);
    t = performance.now();
    b();
    sb.push(performance.now() - t);
  }
  return [median(sa), median(sb)];
}

/** The least any scanner must do: visit every node once and read its text. */
function baselineWalk(doc: Document): number {
  let chars = 0;
  const root = doc.body as Node;
  for (let n: Node | null = root; n; n = nextInOrder(n, root))
    if (n.nodeType === 3) chars += (n as Text).data.length;
  return chars;
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log('scan: median of 7 runs, linkedom in Node; ratio = scan time / baseline walk of the same page');
console.log(
  `${pad('page', 28)} ${pad('nodes', 7)} ${pad('claims', 7)} ${pad('scan ms', 9)} ${pad('walk ms', 9)} ratio`,
);
for (const name of [
  'seed-article',
  'wp-mozilla',
  'parsoid-dog',
  'lesswrong-post',
  'neg-mercurial',
  'neg-toptal-ipython-prompts',
]) {
  const doc = parseHtml(readFileSync(join(FIXTURE_PAGES_DIR, name, 'source.html'), 'utf8'));
  let nodes = 0;
  for (let n: Node | null = doc.body as Node; n; n = nextInOrder(n, doc.body as Node)) nodes++;
  const claims = scanDocument(doc, { siteOf: siteByPublicSuffix }).claims.length;
  const scan = time(() => scanDocument(doc, { siteOf: siteByPublicSuffix }), 7);
  const walk = time(() => baselineWalk(doc), 7);
  console.log(
    `${pad(name, 28)} ${pad(String(nodes), 7)} ${pad(String(claims), 7)} ${pad(scan.toFixed(2), 9)} ${pad(walk.toFixed(2), 9)} ${(scan / walk).toFixed(1)}x`,
  );
}

// News pages with no citation of either kind (issue 9): the content script's scan before linked claims (links off,
// what it did before) and after (links on), on the same document in the same run.
console.log(
  '\nnews pages with no citations of either kind: median of 31 interleaved runs; before = links off (the scan before linked claims), after = links on',
);
console.log(
  `${pad('page', 32)} ${pad('nodes', 7)} ${pad('linked', 7)} ${pad('before ms', 10)} ${pad('after ms', 10)} ${pad('walk ms', 9)} after/before`,
);
for (const name of [
  'news-neg-abc13-copperfield',
  'news-neg-bostonherald-brothel',
  'news-neg-economist-thinking',
  'news-neg-independent-penalty',
  'news-neg-standard-caribbean',
  'news-metrotimes-mezcal',
]) {
  const doc = parseHtml(readFileSync(join(FIXTURE_PAGES_DIR, name, 'source.html'), 'utf8'));
  let nodes = 0;
  for (let n: Node | null = doc.body as Node; n; n = nextInOrder(n, doc.body as Node)) nodes++;
  const linked = scanDocument(doc, { siteOf: siteByPublicSuffix }).claims.length;
  // Interleaved, so load on a shared machine falls on both alike.
  const [before, after] = timeBoth(
    () => scanDocument(doc, { links: false }),
    () => scanDocument(doc, { siteOf: siteByPublicSuffix }),
    31,
  );
  const walk = time(() => baselineWalk(doc), 15);
  console.log(
    `${pad(name, 32)} ${pad(String(nodes), 7)} ${pad(String(linked), 7)} ${pad(before.toFixed(3), 10)} ${pad(after.toFixed(3), 10)} ${pad(walk.toFixed(2), 9)} ${(after / before).toFixed(2)}x`,
  );
}

// Idle cost: a page with no markers at all, against reading its text once.
{
  const paragraphs = Array.from(
    { length: 2000 },
    (_, i) => `<p>Paragraph ${i} has plain words and no citations.</p>`,
  );
  const doc = parseHtml(`<html><body>${paragraphs.join('')}</body></html>`);
  const scan = time(() => scanDocument(doc, { siteOf: siteByPublicSuffix }), 15);
  const read = time(() => doc.body?.textContent?.length, 15);
  console.log(
    `\nidle page (2000 paragraphs, no markers): scan ${scan.toFixed(3)} ms, textContent ${read.toFixed(3)} ms, ratio ${(scan / read).toFixed(1)}x`,
  );
}

// Slices: the longest stretch the sliced scan holds the thread on a huge page.
{
  const paragraphs = Array.from(
    { length: 6000 },
    (_, i) =>
      `<p>Claim number ${i} says something checkable.[${(i % 40) + 1}] Another sentence follows it.</p>`,
  );
  const refs = Array.from(
    { length: 40 },
    (_, i) => `<li>[${i + 1}] Source ${i + 1} — https://example.org/${i + 1}</li>`,
  );
  const doc = parseHtml(
    `<html><body>${paragraphs.join('')}<h2>References</h2><ul>${refs.join('')}</ul></body></html>`,
  );
  const slices: number[] = [];
  let last = performance.now();
  const memBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const report = await scanDocumentInSlices(doc, {
    siteOf: siteByPublicSuffix,
    sliceMs: 30,
    yieldToHost: async () => {
      slices.push(performance.now() - last);
      await new Promise((r) => setImmediate(r));
      last = performance.now();
    },
  });
  slices.push(performance.now() - last);
  const sorted = [...slices].sort((a, b) => a - b);
  const p = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  const memAfter = process.memoryUsage().heapUsed;
  console.log(
    `huge page (6000 cited paragraphs): ${report.claims.length} claims in ${(performance.now() - started).toFixed(0)} ms over ${slices.length} slices of budget 30 ms; slice p50 ${p(0.5)} ms, p90 ${p(0.9)} ms, max ${p(1)} ms (the max includes garbage collection pauses); heap +${((memAfter - memBefore) / 1e6).toFixed(1)} MB`,
  );
}

// The judge: pairs a second, as `citelens score` runs them.
{
  const lines = readFileSync(
    join(FIXTURE_PAGES_DIR, '..', '..', '..', '..', 'shared', 'support', 'wice-dev.jsonl'),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(0, 100);
  const pairs = lines.map((l) => JSON.parse(l) as { claim: string; source_sentences: string[] });
  const sources = pairs.map((p) =>
    readSourceText(p.source_sentences.join('\n'), 'https://example.org/', parseHtml),
  );
  const t = performance.now();
  pairs.forEach((p, i) => {
    const source = sources[i];
    if (source) judgeSupport(p.claim, source);
  });
  const ms = performance.now() - t;
  console.log(
    `judge: ${pairs.length} claim/source pairs in ${ms.toFixed(0)} ms (${((pairs.length / ms) * 1000).toFixed(0)} pairs/s)`,
  );
}

// The extension itself in Chromium, against the page alone and the floor extension (scripts/bench-browser.ts).
if (process.env.CITELENS_BENCH_NODE_ONLY !== '1') {
  const { runBrowserBench } = await import('./bench-browser');
  await runBrowserBench();
}
