/**
 * A long page (1 640 cited sentences, the seed article's body forty times) is scanned and highlighted whole.
 * How long that holds the main thread is a timing of this machine, so it is measured by `npm run bench`
 * (scripts/bench-browser.ts: long tasks, the page's own timer, against the page alone and a floor extension in
 * the same run), not asserted here; the long tasks seen are only logged.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArticlePath, startPageServer } from '../../scripts/serve-pages.mjs';
import { type ChromiumBrowser, launchChromium } from './helpers/browsers';
import { Control } from './helpers/reader';

const COPIES = 40;

function longPage(): string {
  const seed = readFileSync(seedArticlePath(), 'utf8');
  const body = seed.slice(
    seed.indexOf('<div class="article-body">'),
    seed.indexOf('<section class="references">'),
  );
  return seed.replace(body, body.repeat(COPIES));
}

interface Watch {
  claims: number;
  longTasks: { start: number; duration: number }[];
  domContentLoaded: number;
}

describe('chromium: a long page', () => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ChromiumBrowser;
  let control: Control;

  beforeAll(async () => {
    server = await startPageServer({ extra: { long: longPage() } });
    browser = await launchChromium();
    control = await Control.open(browser);
  });

  afterAll(async () => {
    await control?.setSettings(null);
    await browser?.close();
    await server?.close();
  });

  async function watch(): Promise<Watch> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const url = `${server.origin}/extra/long`;
    await page.goto(url);
    await control.ready(await control.tabId(url), url, 30_000);
    // Two frames, so the highlights' first paint is counted too.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      null,
    );
    const result = await page.evaluate(
      () => ({
        claims: CSS.highlights.get('citelens-claim')?.size ?? 0,
        longTasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
        domContentLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
      }),
      null,
    );
    await page.close();
    return result;
  }

  it(`scans and highlights ${41 * COPIES} claims on a long page, and none with CiteLens off`, async () => {
    await control.setSettings({ disabledSites: ['127.0.0.1'] });
    const off = await watch();
    await control.setSettings(null);
    const on = await watch();
    const afterParsing = (w: Watch) => w.longTasks.filter((t) => t.start >= w.domContentLoaded);
    console.log(
      `long tasks after DOMContentLoaded: off ${JSON.stringify(afterParsing(off))}, on ${JSON.stringify(afterParsing(on))}`,
    );
    expect(on.claims).toBe(41 * COPIES);
    expect(off.claims).toBe(0);
  });
});
