/**
 * Screenshots of the claim card and the popup, light and dark, of a linked claim's card on a saved news page, and
 * of the side panel (its page opened in a tab: headless Chromium shows no side panel), from the real extension in
 * Chromium. A test run
 * writes them to a temporary folder, so `npm test` leaves the tree clean; `npm run screenshots` sets
 * CITELENS_SCREENSHOTS_DIR to docs/screenshots/ (the README shows them) to update the committed ones.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startPageServer } from '../../scripts/serve-pages.mjs';
import { type ChromiumBrowser, launchChromium } from './helpers/browsers';
import { Control, readCard, waitForCard } from './helpers/reader';

const out = process.env.CITELENS_SCREENSHOTS_DIR
  ? resolve(repoRoot, process.env.CITELENS_SCREENSHOTS_DIR)
  : mkdtempSync(join(tmpdir(), 'citelens-screenshots-'));
/** The claim shown on the card: one citing [1], so the concentration finding shows too. */
const CLAIM_INDEX = 3;
/** The news page of the linked claim's card: its sentences link to the pages they rest on. */
const NEWS_PAGE = 'news-mdavis-supermarket';

describe('screenshots', () => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ChromiumBrowser;
  let control: Control;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    server = await startPageServer();
    browser = await launchChromium();
    control = await Control.open(browser);
    await control.setSettings(null);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`card, ${scheme}`, async () => {
      const page = await browser.newPage();
      await page.emulateColorScheme(scheme);
      await page.setViewport({ width: 1000, height: 760 });
      const url = `${server.origin}/seed${scheme === 'dark' ? '?theme=dark' : ''}`;
      await page.goto(url);
      const tab = await control.tabId(url);
      await control.ready(tab, url);
      for (let i = 0; i <= CLAIM_INDEX; i++) await control.send(tab, 'step', { direction: 'next' });
      await waitForCard(page);
      // Let the smooth scroll end, then bring the claim near the top so the card has the room to show all it
      // holds (it follows its claim), and let it settle there.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 900)), null);
      await page.evaluate(() => {
        const open = CSS.highlights.get('citelens-active') as unknown as Set<Range> | undefined;
        const first = open ? [...open][0] : undefined;
        if (first) window.scrollBy({ top: first.getBoundingClientRect().top - 160, behavior: 'instant' });
      }, null);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 600)), null);
      const card = await readCard(page);
      expect(card.position).toBe(`Claim ${CLAIM_INDEX + 1} of 41`);
      const box = card.box as NonNullable<typeof card.box>;
      // The whole card: its footer ("Claim n of N", Previous, Next) inside it and inside the picture.
      const footer = await page.evaluateInCard((root) => {
        const r = root?.querySelector('.foot')?.getBoundingClientRect();
        return r ? { top: r.top, bottom: r.bottom } : null;
      }, null);
      expect(footer).not.toBeNull();
      expect((footer as { bottom: number }).bottom).toBeLessThanOrEqual(box.bottom);
      expect(box.bottom).toBeLessThanOrEqual(760);
      const top = Math.max(0, Math.min(box.top, box.top - 150));
      await page.screenshot(join(out, `card-${scheme}.png`), {
        x: 120,
        y: top,
        width: 760,
        height: Math.min(760 - top, box.bottom - top + 24),
      });
      await page.close();
    });

    it(`popup, ${scheme}`, async () => {
      const page = await browser.newPage();
      const url = `${server.origin}/seed`;
      await page.goto(url);
      const tab = await control.tabId(url);
      await control.ready(tab, url);
      const popup = await browser.openExtensionPage(
        `src/popup/index.html?tab=${tab}`,
        '.popup[data-state="report"]',
      );
      await popup.emulateColorScheme(scheme);
      await popup.setViewport({ width: 400, height: 600 });
      // One main landmark and one h1; the primary button's white text at WCAG AA contrast in this scheme.
      const a11y = await popup.evaluate(() => {
        const luminance = (css: string) => {
          const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
            const c = Number(v) / 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
        };
        const button = document.querySelector('button.primary');
        const style = button ? getComputedStyle(button) : null;
        const [hi, lo] = style
          ? [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x)
          : [0, 0];
        return {
          main: document.querySelectorAll('main').length,
          h1: document.querySelectorAll('h1').length,
          contrast: style ? ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05) : null,
        };
      }, null);
      expect(a11y.main).toBe(1);
      expect(a11y.h1).toBe(1);
      expect(a11y.contrast).toBeGreaterThanOrEqual(4.5);
      await popup.screenshot(join(out, `popup-${scheme}.png`));
      await popup.close();
      await page.close();
    });
  }

  it('card of a linked claim on a news page', async () => {
    const page = await browser.newPage();
    await page.emulateColorScheme('light');
    await page.setViewport({ width: 1000, height: 900 });
    const url = `${server.origin}/pages/${NEWS_PAGE}`;
    await page.goto(url);
    const tab = await control.tabId(url);
    const state = await control.ready(tab, url);
    // The first sentence that links to two sites, so the card shows how each is named.
    const claims = state.report?.claims ?? [];
    const index = claims.findIndex((c) => new Set(c.links?.map((l) => new URL(l.href).hostname)).size >= 2);
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await control.send(tab, 'step', { direction: 'next' });
    await waitForCard(page);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 900)), null);
    const card = await readCard(page);
    expect(card.position).toBe(`Claim ${index + 1} of ${claims.length}`);
    expect(card.sources.length).toBeGreaterThanOrEqual(2);
    const box = card.box as NonNullable<typeof card.box>;
    // The card with the claim's lines above it, wherever the page's column puts them.
    const top = Math.max(0, box.top - 110);
    const left = Math.max(0, Math.min(box.left - 40, 1000 - 760));
    await page.screenshot(join(out, 'card-linked.png'), {
      x: left,
      y: top,
      width: 760,
      height: Math.min(900 - top, box.bottom - top + 24),
    });
    await page.close();
  });

  it('side panel', async () => {
    const page = await browser.newPage();
    const url = `${server.origin}/seed`;
    await page.goto(url);
    const tab = await control.tabId(url);
    await control.ready(tab, url);
    // At a side panel's usual width; `?tab=` names the tab it shows first.
    const panel = await browser.openExtensionPage(
      `src/panel/index.html?tab=${tab}`,
      'main.panel[data-state="report"]',
    );
    await panel.emulateColorScheme('light');
    await panel.setViewport({ width: 400, height: 900 });
    expect(await panel.evaluate(() => document.querySelectorAll('button.claim').length, null)).toBe(41);
    await panel.screenshot(join(out, 'side-panel.png'));
    await panel.close();
    await page.close();
  });
});
