/**
 * Every fixture page (test/fixtures/pages/<name>/source.html with expected.json, whatever exists at run time), in
 * real Chromium and Firefox ESR: at least 95% of the expected claims highlighted, under 5% of the highlighted
 * text outside them, no error from CiteLens, and the page's text and paragraph boxes exactly as without the
 * extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer } from '../../scripts/serve-pages.mjs';
import { loadFixturePages } from '../support/fixture-pages';
import { type BrowserName, type ExtensionBrowser, launchChromium, launchFirefox } from './helpers/browsers';
import {
  Control,
  type Coverage,
  coverage,
  type PageLayout,
  readHighlight,
  readLayout,
} from './helpers/reader';

// Marker claims and, on the news pages, linked claims: the extension highlights both.
const pages = loadFixturePages().map((p) => ({
  name: p.name,
  claims: [...p.expected.claims, ...(p.expected.linked?.claims ?? [])].map((c) => c.text),
}));

interface Result {
  status: string;
  coverage: Coverage;
  without: PageLayout;
  with: PageLayout;
  errors: string[];
  ms: number;
}

const ours = (errors: readonly string[]) =>
  errors.filter((e) => /citelens|chrome-extension:|moz-extension:/i.test(e));

describe.each<BrowserName>(['chromium', 'firefox'])('%s: fixture pages', (browserName) => {
  const results = new Map<string, Result>();
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = await startPageServer();
    const url = (name: string) => `${server.origin}/pages/${encodeURIComponent(name)}`;

    // 1. Each page as it is, with no extension.
    const without = new Map<string, PageLayout>();
    const plain =
      browserName === 'chromium'
        ? await launchChromium({ extension: false })
        : await launchFirefox({ extension: false });
    const plainPage = await plain.newPage();
    for (const p of pages) {
      await plainPage.goto(url(p.name));
      without.set(p.name, await readLayout(plainPage));
    }
    await plainPage.close();

    // 2. Each page with CiteLens (Firefox: the same browser, the add-on installed now).
    if (browserName === 'firefox') {
      await (plain as Awaited<ReturnType<typeof launchFirefox>>).installExtension();
      browser = plain;
    } else {
      await plain.close();
      browser = await launchChromium();
    }
    const control = await Control.open(browser);
    await control.setSettings(null);
    const page = await browser.newPage();
    let tabId: number | null = null;
    for (const p of pages) {
      const started = Date.now();
      const errorsBefore = page.errors.length;
      await page.goto(url(p.name));
      tabId ??= await control.tabId(url(p.name));
      const state = await control.ready(tabId, url(p.name));
      const highlights = await readHighlight(page, 'citelens-claim');
      results.set(p.name, {
        status: state.status,
        coverage: coverage(highlights, p.claims),
        without: without.get(p.name) as PageLayout,
        with: await readLayout(page),
        errors: ours(page.errors.slice(errorsBefore)),
        ms: Date.now() - started,
      });
    }
  }, 240_000);

  afterAll(async () => {
    const rows = [...results].map(([name, r]) => ({
      page: name,
      expected: r.coverage.expected,
      highlighted: r.coverage.highlighted,
      outside: `${(100 * r.coverage.outside).toFixed(1)}%`,
      ms: r.ms,
    }));
    console.log(`${browserName}: fixture pages\n${rows.map((r) => JSON.stringify(r)).join('\n')}`);
    await browser?.close();
    await server?.close();
  });

  it.each(pages.map((p) => p.name))('%s', (name) => {
    const r = results.get(name);
    expect(r, 'the page was not visited').toBeDefined();
    if (!r) return;
    expect(r.status).toBe('ready');
    expect(r.errors).toEqual([]);
    expect(r.with.text).toBe(r.without.text);
    expect(r.with.paragraphs).toEqual(r.without.paragraphs);
    const { expected, highlighted, missed, outside } = r.coverage;
    expect(
      highlighted / Math.max(1, expected),
      `missed: ${JSON.stringify(missed, null, 1)}`,
    ).toBeGreaterThanOrEqual(expected === 0 ? 0 : 0.95);
    expect(outside, 'share of highlighted text outside every expected claim').toBeLessThan(0.05);
  });
});
