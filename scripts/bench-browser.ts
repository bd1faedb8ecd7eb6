/**
 * `npm run bench`, browser part: the built extension in real Chromium against the same page with no extension and
 * with the floor extension (bench/floor-extension: one walk, one regex, one Highlight), loaded side by side in
 * one run, page after page, the three variants interleaved. Absolute times on a shared machine are noise; the
 * ratios to the floor and the differences to the page alone are what to read.
 *
 *   CITELENS_BENCH_EXTENSION=dir   the CiteLens build to measure (default dist/chrome, built first)
 *   CITELENS_BENCH_RUNS=n          loads per variant of each small page (default 3; big pages load once)
 *   CITELENS_BENCH_PAGES=a,b       only these pages
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot, startPageServer } from './serve-pages.mjs';

const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const RUNS = Number(process.env.CITELENS_BENCH_RUNS ?? 3);
const FLOOR_DIR = join(repoRoot, 'bench/floor-extension');

// ---------------------------------------------------------------- pages

function citedParagraphs(n: number, refs = 40): string {
  const body: string[] = [];
  for (let i = 0; i < n; i++)
    body.push(
      `<p>Claim number ${i} says something checkable.[${(i % refs) + 1}] Another sentence follows it.</p>`,
    );
  return page(body.join('\n') + referenceList(refs));
}

function referenceList(n: number): string {
  const items: string[] = [];
  for (let i = 1; i <= n; i++)
    items.push(`<li>[${i}] Source ${i}, Publisher ${i % 7}. https://example.org/source/${i}</li>`);
  return `<h2>References</h2><ul>${items.join('')}</ul>`;
}

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;
}

/** The hostile set (issue 7): shapes that made earlier builds quadratic or unsliced. */
const hostile = {
  'one-paragraph-10k': () => {
    const s: string[] = [];
    for (let i = 0; i < 10_000; i++) s.push(`Sentence ${i} states a fact.[${(i % 40) + 1}]`);
    return page(`<p>${s.join(' ')}</p>${referenceList(40)}`);
  },
  'paragraphs-200k': () => {
    const s: string[] = ['<p>The only cited sentence of the page.[1]</p>'];
    for (let i = 0; i < 200_000; i++) s.push(`<p>Plain paragraph ${i}.</p>`);
    return page(s.join('') + referenceList(1));
  },
  'markers-50k': () => {
    const s: string[] = [];
    for (let i = 0; i < 10_000; i++)
      s.push(`<p>Claim ${i} cites five sources at once.[1][2][3][4][5] More text follows.</p>`);
    return page(s.join('') + referenceList(5));
  },
  'one-node-250k': () => page(`<p>${'x[1] '.repeat(250_000)}</p>${referenceList(1)}`),
  'storm-1ms': () =>
    page(
      `<p id="tick">0</p>${Array.from({ length: 200 }, (_, i) => `<p>Claim ${i} is cited.[${(i % 10) + 1}]</p>`).join('')}${referenceList(10)}
<script>
let n = 0; const tick = document.getElementById('tick');
setInterval(() => { tick.textContent = String(n++); }, 1);
addEventListener('load', () => setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = 'A late claim appended while the page churns.[3]';
  document.body.insertBefore(p, tick.nextSibling);
  window.__appendedAt = performance.now();
}, 3000));
</script>`,
    ),
};

interface BenchPage {
  name: string;
  path: string;
  /** Whether the page has citations to highlight (else the bench waits out a quiet period). */
  cited: boolean;
  runs: number;
  /** Appends a claim after load: time its highlight. */
  late?: boolean;
}

function pagesToRun(): { pages: BenchPage[]; extra: Record<string, string> } {
  const extra: Record<string, string> = {};
  const pages: BenchPage[] = [
    { name: 'seed', path: '/seed', cited: true, runs: RUNS },
    { name: 'wikipedia-dog', path: '/pages/parsoid-dog', cited: true, runs: RUNS },
    { name: 'news-no-citations', path: '/pages/neg-ars-minecraft', cited: false, runs: RUNS },
  ];
  // A news article that cites nothing, as saved (its fixture copy, provenance in test/fixtures/pages): the idle case.
  const newsNeg = join(repoRoot, 'test/fixtures/pages/news-neg-independent-penalty/source.html');
  if (existsSync(newsNeg)) {
    extra['news-neg'] = readFileSync(newsNeg, 'utf8');
    pages.push({ name: 'news-neg', path: '/extra/news-neg', cited: false, runs: RUNS });
  }
  for (const n of [1000, 5000, 20_000, 50_000]) {
    const name = `cited-${n / 1000}k`;
    extra[name] = citedParagraphs(n);
    pages.push({ name, path: `/extra/${name}`, cited: true, runs: n <= 5000 ? RUNS : 1 });
  }
  extra['refs-4k'] = citedParagraphs(4000, 4000);
  pages.push({ name: 'refs-4k', path: '/extra/refs-4k', cited: true, runs: 1 });
  for (const [name, build] of Object.entries(hostile)) {
    extra[name] = build();
    pages.push({ name, path: `/extra/${name}`, cited: true, runs: 1, late: name.startsWith('storm') });
  }
  const only = process.env.CITELENS_BENCH_PAGES?.split(',');
  return { pages: only ? pages.filter((p) => only.includes(p.name)) : pages, extra };
}

// ---------------------------------------------------------------- measuring one load

/**
 * Runs in the page's own world before its scripts: long tasks, the page's 50 ms timer, highlight changes. Plain
 * JavaScript text, so that no helper of the TypeScript loader leaks into the page.
 */
const PAGE_PROBE = `(() => {
  const probe = { longTasks: [], timerGaps: [], changes: [] };
  window.__benchProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    probe.timerGaps.push([last, now - last]);
    last = now;
  }, 50);
  let seen = 0;
  // Headless Chromium runs no animation frames: a 5 ms poll, the same in every variant.
  setInterval(() => {
    let n = 0;
    for (const h of CSS.highlights.values()) n += h.size;
    if (n !== seen) {
      seen = n;
      probe.changes.push([performance.now(), n]);
    }
  }, 5);
})();`;

interface Load {
  /** Last change of the highlights (ms from navigation start); null: none. */
  highlightsAt: number | null;
  ranges: number;
  /** Long tasks that started after DOMContentLoaded (the content scripts run at document_idle). */
  longTasks: number[];
  timerGap: number;
  mainThreadMs: number;
  heapMB: number;
  loadEventMs: number;
  lateMs: number | null;
  /** Main-thread time in the extension's own scripts (sampled by V8's profiler); null when not profiled. */
  extensionMs: number | null;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Time of the samples with an extension script anywhere on their stack. */
function extensionTime(profile: CpuProfile): number {
  const parent = new Map<number, number>();
  const url = new Map<number, string>();
  for (const node of profile.nodes) {
    url.set(node.id, node.callFrame.url);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const inExtension = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const own = /^(?:chrome|moz)-extension:\/\//.test(url.get(id) ?? '');
    const up = parent.get(id);
    const answer = own || (up !== undefined && isExtension(up));
    inExtension.set(id, answer);
    return answer;
  };
  let us = 0;
  // A sample's time is the delta to the next one.
  for (let i = 0; i < profile.samples.length; i++) {
    if (isExtension(profile.samples[i] as number)) us += profile.timeDeltas[i + 1] ?? 0;
  }
  return us / 1000;
}

async function measure(context: BrowserContext, url: string, p: BenchPage, profile = false): Promise<Load> {
  const tab: Page = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await tab.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const started = Date.now();
  type Snapshot = {
    now: number;
    dcl: number;
    load: number;
    changes: [number, number][];
    lastLong: number;
    appendedAt: number | null;
  };
  const snap = () =>
    tab.evaluate((): Snapshot => {
      const w = window as unknown as Record<string, unknown>;
      const probe = w.__benchProbe as { longTasks: [number, number][]; changes: [number, number][] };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const last = probe.longTasks[probe.longTasks.length - 1];
      return {
        now: performance.now(),
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        changes: probe.changes,
        lastLong: last ? last[0] + last[1] : 0,
        appendedAt: (w.__appendedAt as number | undefined) ?? null,
      };
    });
  // Settled: highlights (where expected) unchanged and no long task for 2 s, at least 3 s after load.
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const s = await snap();
    const lastChange = s.changes[s.changes.length - 1]?.[0] ?? 0;
    const quietSince = Math.max(lastChange, s.lastLong, s.load);
    const waitingForLate = p.late && (s.appendedAt === null || s.now - s.appendedAt < 20_000);
    const lateSeen = p.late && s.appendedAt !== null && s.changes.some(([t]) => t > (s.appendedAt ?? 0));
    if (Date.now() - started > 180_000) break;
    if (waitingForLate && !lateSeen) continue;
    if (s.now - s.load < 3000 || s.now - quietSince < 2000) continue;
    if (p.cited && !s.changes.length && Date.now() - started < 30_000) continue;
    break;
  }
  const cpu = profile
    ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile
    : null;
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const s = await snap();
  const probe = await tab.evaluate(
    () =>
      (
        window as unknown as {
          __benchProbe: { longTasks: [number, number][]; timerGaps: [number, number][] };
        }
      ).__benchProbe,
  );
  const afterDcl = probe.longTasks.filter(([start]) => start >= s.dcl).map(([, d]) => d);
  const gaps = probe.timerGaps.filter(([at]) => at >= s.dcl).map(([, g]) => g);
  const last = s.changes[s.changes.length - 1];
  const late = s.appendedAt !== null ? s.changes.find(([t]) => t > (s.appendedAt as number)) : undefined;
  await tab.close();
  return {
    highlightsAt: last && last[1] > 0 ? last[0] : null,
    ranges: last?.[1] ?? 0,
    longTasks: afterDcl,
    timerGap: Math.max(0, ...gaps) - 50,
    mainThreadMs: metric('TaskDuration') * 1000,
    heapMB: metric('JSHeapUsedSize') / 1e6,
    loadEventMs: s.load,
    lateMs: late && s.appendedAt !== null ? late[0] - s.appendedAt : null,
    extensionMs: cpu ? extensionTime(cpu) : null,
  };
}

// ---------------------------------------------------------------- browsers

type Variant = 'off' | 'floor' | 'citelens';

async function launch(extension: string | null): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'citelens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  await context.addInitScript({ content: PAGE_PROBE });
  for (const p of context.pages()) await p.close().catch(() => {});
  return { context, profile };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function summarise(loads: Load[]) {
  const pick = (f: (l: Load) => number) => median(loads.map(f));
  const withHighlights = loads.filter((l) => l.highlightsAt !== null);
  return {
    highlightsAt: withHighlights.length ? median(withHighlights.map((l) => l.highlightsAt as number)) : null,
    ranges: pick((l) => l.ranges),
    longCount: pick((l) => l.longTasks.length),
    longMax: pick((l) => Math.max(0, ...l.longTasks)),
    timerGap: pick((l) => l.timerGap),
    mainThreadMs: pick((l) => l.mainThreadMs),
    heapMB: pick((l) => l.heapMB),
    loadEventMs: pick((l) => l.loadEventMs),
    lateMs: loads[0]?.lateMs ?? null,
    extensionMs: loads.some((l) => l.extensionMs !== null) ? pick((l) => l.extensionMs ?? 0) : null,
  };
}

function gzipSizes(dir: string): {
  contentEntry: number;
  contentAll: number;
  contentLazy: [string, number][];
  background: number;
} {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file))).length;
  const entry: string = manifest.content_scripts[0].js[0];
  // The loader crxjs writes imports the real entry: count what the entry pulls in statically.
  const statics = new Set<string>();
  const visit = (file: string) => {
    if (statics.has(file) || !existsSync(join(dir, file))) return;
    statics.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(
      /(?:import|from)\s*["'](?:chrome-extension:\/\/[^/]+\/|\/)?([^"']+\.js)["']/g,
    ))
      visit(
        (m[1] as string).replace(
          /^\.\//,
          file.includes('/') ? `${file.slice(0, file.lastIndexOf('/'))}/` : '',
        ),
      );
    for (const m of code.matchAll(/runtime\.getURL\(\s*["']([^"']+\.js)["']/g)) visit(m[1] as string);
  };
  visit(entry);
  const contentAll = [...statics].reduce((sum, f) => sum + gz(f), 0);
  const bgLoader = manifest.background?.service_worker as string;
  const bgFiles = new Set<string>();
  const visitBg = (file: string) => {
    if (bgFiles.has(file) || !existsSync(join(dir, file))) return;
    bgFiles.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']\.?\/?([^"']+\.js)["']/g)) visitBg(m[1] as string);
  };
  visitBg(bgLoader);
  const background = [...bgFiles].reduce((sum, f) => sum + gz(f), 0);
  // What the entry imports only where a page may cite (the main part) and on the first click (the card).
  const war: { resources: string[] }[] = manifest.web_accessible_resources ?? [];
  const contentLazy = war
    .flatMap((w) => w.resources)
    .filter((f) => f.endsWith('.js') && existsSync(join(dir, f)) && !statics.has(f))
    .map((f): [string, number] => [f, gz(f)]);
  return { contentEntry: gz(entry), contentAll, contentLazy, background };
}

// ---------------------------------------------------------------- the run

export async function runBrowserBench(): Promise<void> {
  let extension = process.env.CITELENS_BENCH_EXTENSION;
  if (!extension) {
    execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    extension = join(repoRoot, 'dist/chrome');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`\nbrowser bench skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
    return;
  }
  const { pages, extra } = pagesToRun();
  const server = await startPageServer({ extra });
  const browsers: Record<Variant, Awaited<ReturnType<typeof launch>>> = {
    off: await launch(null),
    floor: await launch(FLOOR_DIR),
    citelens: await launch(extension),
  };
  const sizes = gzipSizes(extension);
  console.log(
    `\nbrowser bench: Chromium, ${extension.replace(`${repoRoot}/`, '')} vs the page alone (off) vs the floor extension; median of ${RUNS} loads (1 for the big pages), variants interleaved`,
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lazy = sizes.contentLazy.map(([f, n]) => `${f.split('/').pop()} ${kb(n)}`).join(', ') || 'none';
  console.log(
    `bundle, gzipped: content script entry ${kb(sizes.contentEntry)}, with its static imports ${kb(sizes.contentAll)} (every page); loaded later: ${lazy}; background ${kb(sizes.background)}`,
  );
  const header = [
    'page',
    'ranges fl/cl',
    'highlights ms fl/cl',
    'ratio',
    'long tasks off | fl | cl (n×max ms)',
    'timer gap ms off/fl/cl',
    'main ms +fl/+cl',
    'heap MB +fl/+cl',
    'load ev ms off/cl',
    'ext script ms fl/cl',
  ];
  const rows: string[][] = [header];
  const print = (row: string[]) =>
    console.log(row.map((c, i) => c.padEnd([18, 13, 20, 6, 36, 23, 16, 16, 18, 20][i] ?? 10)).join(' '));
  print(header);
  try {
    for (const p of pages) {
      const loads: Record<Variant, Load[]> = { off: [], floor: [], citelens: [] };
      for (let run = 0; run < p.runs; run++)
        for (const v of ['off', 'floor', 'citelens'] as Variant[])
          loads[v].push(await measure(browsers[v].context, `${server.origin}${p.path}`, p, v !== 'off'));
      const off = summarise(loads.off);
      const fl = summarise(loads.floor);
      const cl = summarise(loads.citelens);
      const ms = (v: number | null) => (v === null ? '–' : v.toFixed(0));
      const lt = (s: ReturnType<typeof summarise>) => `${s.longCount}×${s.longMax.toFixed(0)}`;
      const row = [
        p.name,
        `${fl.ranges}/${cl.ranges}`,
        `${ms(fl.highlightsAt)}/${ms(cl.highlightsAt)}${p.late ? ` late ${ms(cl.lateMs)}` : ''}`,
        fl.highlightsAt && cl.highlightsAt ? `${(cl.highlightsAt / fl.highlightsAt).toFixed(2)}x` : '–',
        `${lt(off)} | ${lt(fl)} | ${lt(cl)}`,
        `${ms(off.timerGap)}/${ms(fl.timerGap)}/${ms(cl.timerGap)}`,
        `${ms(fl.mainThreadMs - off.mainThreadMs)}/${ms(cl.mainThreadMs - off.mainThreadMs)}`,
        `${(fl.heapMB - off.heapMB).toFixed(1)}/${(cl.heapMB - off.heapMB).toFixed(1)}`,
        `${ms(off.loadEventMs)}/${ms(cl.loadEventMs)}`,
        `${fl.extensionMs?.toFixed(1) ?? '–'}/${cl.extensionMs?.toFixed(1) ?? '–'}`,
      ];
      rows.push(row);
      print(row);
    }
  } finally {
    await server.close();
    for (const b of Object.values(browsers)) {
      await b.context.close().catch(() => {});
      rmSync(b.profile, { recursive: true, force: true });
    }
  }
  console.log(
    'ranges: highlighted ranges (floor: markers; CiteLens: claim ranges). highlights ms: last change of the highlights after navigation start (storm: "late" = ms from the appended claim to its highlight). long tasks: started after DOMContentLoaded. timer gap: the page\'s own 50 ms timer\'s longest delay. main ms / heap MB: renderer main-thread time and JS heap after GC, added to the page alone. ext script ms: main-thread time with an extension script on the stack (V8 profiler, 0.1 ms samples; content-script time per load).',
  );
}
