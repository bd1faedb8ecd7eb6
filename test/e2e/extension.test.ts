/**
 * CiteLens as a reader meets it, in real Chromium and real Firefox ESR: the seed article's highlights, claim
 * cards, popup, keyboard commands, a page without citations, content that arrives later, and turning it off.
 * Run after `npm run build`: `npx vitest run --project e2e`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, startPageServer } from '../../scripts/serve-pages.mjs';
import type { ExpectedPage } from '../support/fixture-pages';
import { type BrowserName, type ExtensionBrowser, launch, type ReaderPage } from './helpers/browsers';
import { readPopupCheck } from './helpers/check-reader';
import { EXTRA_PAGES } from './helpers/pages';
import {
  Control,
  cardOpen,
  clickElement,
  coverage,
  highlightNames,
  letters,
  pointInHighlight,
  readCard,
  readHighlight,
  waitForCard,
} from './helpers/reader';
import { startSourceServer } from './helpers/source-server';

const CLAIM = 'citelens-claim';
const seed = JSON.parse(
  readFileSync(join(fixturesDir, 'seed-article/expected.json'), 'utf8'),
) as ExpectedPage;
const seedSource = new Map(seed.sources.map((s) => [s.label, s]));

/** Errors that CiteLens caused: anything naming it or coming from an extension's script. */
const ours = (errors: readonly string[]) =>
  errors.filter((e) => /citelens|chrome-extension:|moz-extension:/i.test(e));

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (browserName) => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ExtensionBrowser;
  let control: Control;
  let page: ReaderPage;
  let seedUrl: string;
  let seedTab: number;

  beforeAll(async () => {
    server = await startPageServer({ extra: EXTRA_PAGES });
    browser = await launch(browserName);
    control = await Control.open(browser);
    await control.setSettings(null);
    page = await browser.newPage();
    seedUrl = `${server.origin}/seed`;
    await page.goto(seedUrl);
    seedTab = await control.tabId(seedUrl);
    await control.ready(seedTab);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the 41 cited sentences of the seed article and nothing else', async () => {
    const names = await highlightNames(page);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.startsWith('citelens')).toBe(true);

    const texts = await readHighlight(page, CLAIM);
    expect(texts).toHaveLength(41);
    // Each range is exactly one expected sentence, in order (its [n] marker aside).
    expect(texts.map(letters)).toEqual(seed.claims.map((c) => letters(c.text)));
    const cov = coverage(
      texts,
      seed.claims.map((c) => c.text),
    );
    expect(cov.missed).toEqual([]);
    expect(cov.outside).toBe(0);
  });

  it('opens the right card for every claim; Escape and a click elsewhere close it; the DOM is left as it was', async () => {
    const before = await page.evaluate(() => document.documentElement.outerHTML, null);
    const state = await control.send(seedTab, 'getPageState', {});
    const titles = new Map(state.report?.sources.map((s) => [s.label, s.title]));

    for (let i = 0; i < seed.claims.length; i++) {
      const expected = seed.claims[i] as ExpectedPage['claims'][number];
      const point = await pointInHighlight(page, CLAIM, i);
      await page.click(point.x, point.y);
      await waitForCard(page);
      const card = await readCard(page);
      expect(card.role).toBe('dialog');
      expect(card.label).toBe('Cited claim');
      expect(card.focusInside).toBe(true);
      expect(letters(card.claim)).toBe(letters(expected.text));
      expect(card.position).toBe(`Claim ${i + 1} of 41`);
      expect(card.sources.map((s) => s.label)).toEqual(expected.markers);
      for (const source of card.sources) {
        const want = seedSource.get(source.label);
        expect(source.href).toBe(want?.url);
        expect(source.rel).toBe('noopener noreferrer');
        expect(source.title).toBe(titles.get(source.label));
        expect(want?.title?.startsWith(source.title)).toBe(true);
      }
      // The card sits beside the claim, never over the point the reader clicked.
      const box = card.box as NonNullable<typeof card.box>;
      const covers =
        point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;
      expect(covers).toBe(false);

      if (i % 2 === 0) {
        await page.press('Escape');
      } else {
        // A click on the empty margin beside the article.
        await page.click(8, point.y);
      }
      await waitForCard(page, false);
    }
    // The concentration finding reaches the cards of the claims that cite [1].
    const first = await pointInHighlight(page, CLAIM, 0);
    await page.click(first.x, first.y);
    await waitForCard(page);
    expect((await readCard(page)).findings).toContain('Most claims rest on one source');
    await page.press('Escape');
    await waitForCard(page, false);

    const after = await page.evaluate(() => document.documentElement.outerHTML, null);
    expect(after).toBe(before);
  });

  it('popup: counts, the 4 sources with 19/9/6/7 claims, the concentration finding; a claim opens its card', async () => {
    const popup = await control.openPopup(seedTab);
    const view = await popup.evaluate(
      () => ({
        state: document.querySelector('.popup')?.getAttribute('data-state'),
        counts: Object.fromEntries(
          [...document.querySelectorAll('[data-count]')].map((el) => [
            el.getAttribute('data-count'),
            Number(el.getAttribute('data-value')),
          ]),
        ),
        sources: [...document.querySelectorAll('li.source')].map((li) => ({
          label: li.querySelector('.label')?.textContent,
          title: li.querySelector('.title')?.textContent,
          href: li.querySelector('a.title')?.getAttribute('href') ?? null,
          meta: li.querySelector('.meta')?.textContent,
          claims: Number(li.getAttribute('data-claims')),
        })),
        findings: [...document.querySelectorAll('li.finding')].map((li) => li.getAttribute('data-kind')),
        claims: document.querySelectorAll('button.claim').length,
      }),
      null,
    );
    expect(view.state).toBe('report');
    expect(view.counts.claims).toBe(41);
    expect(view.counts.sources).toBe(4);
    expect(view.sources.map((s) => [s.label, s.claims])).toEqual([
      ['1', 19],
      ['2', 9],
      ['3', 6],
      ['4', 7],
    ]);
    for (const s of view.sources) {
      expect(s.href).toBe(seedSource.get(s.label ?? '')?.url);
      expect(s.meta).toContain(new URL(s.href ?? '').hostname.replace(/^www\./, ''));
    }
    expect(view.findings).toContain('source-concentration');
    expect(view.claims).toBe(41);

    await popup.evaluate(
      () => (document.querySelectorAll('button.claim')[4] as HTMLButtonElement).click(),
      null,
    );
    await waitForCard(page);
    const card = await readCard(page);
    expect(card.position).toBe('Claim 5 of 41');
    expect(letters(card.claim)).toBe(letters(seed.claims[4]?.text ?? ''));
    await popup.close();
    await page.press('Escape');
    await waitForCard(page, false);
  });

  it('keyboard commands: next and previous claim, declared in the manifest', async () => {
    const manifest = JSON.parse(
      readFileSync(
        join(repoRoot, 'dist', browserName === 'chromium' ? 'chrome' : 'firefox', 'manifest.json'),
        'utf8',
      ),
    ) as { commands: Record<string, { suggested_key?: { default?: string } }> };
    expect(manifest.commands['next-claim']?.suggested_key?.default).toBeTruthy();
    expect(manifest.commands['previous-claim']?.suggested_key?.default).toBeTruthy();

    // What the background sends the active tab when the reader presses the command's keys.
    await page.evaluate(() => window.scrollTo(0, 0), null);
    const positions: string[] = [];
    for (const direction of ['next', 'next', 'previous', 'previous'] as const) {
      const { claimId } = await control.send(seedTab, 'step', { direction });
      expect(claimId).not.toBeNull();
      positions.push((await readCard(page)).position);
    }
    expect(positions).toEqual(['Claim 1 of 41', 'Claim 2 of 41', 'Claim 1 of 41', 'Claim 41 of 41']);
    const card = await readCard(page);
    expect(card.sources.map((s) => s.href)).toEqual([seedSource.get(seed.claims[40]?.markers[0] ?? '')?.url]);
    await page.press('Escape');
    await waitForCard(page, false);
  });

  it('a click on a link inside a claim follows the link', async () => {
    const other = await browser.newPage();
    const url = `${server.origin}/extra/links`;
    await other.goto(url);
    const tab = await control.tabId(url);
    const state = await control.ready(tab);
    expect(state.report?.claims.length).toBe(1);
    const link = await other.evaluate(() => {
      const r = (document.getElementById('inner-link') as HTMLElement).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, null);
    await other.click(link.x, link.y);
    await other.waitFor(() => location.pathname === '/extra/target', null);
    expect(ours(other.errors)).toEqual([]);
    await other.close();
  });

  it('a page without citations: nothing registered, nothing added, and the popup says so', async () => {
    const other = await browser.newPage();
    const url = `${server.origin}/extra/plain`;
    await other.goto(url);
    const tab = await control.tabId(url);
    const state = await control.ready(tab);
    expect(state.status).toBe('ready');
    expect(state.report?.claims).toEqual([]);
    expect(await highlightNames(other)).toEqual([]);
    expect(await cardOpen(other)).toBe(false);

    const popup = await control.openPopup(tab);
    expect(
      await popup.evaluate(() => document.querySelector('.popup')?.getAttribute('data-state'), null),
    ).toBe('no-citations');
    expect(await popup.evaluate(() => document.querySelector('.state-title')?.textContent, null)).toBe(
      'No citations on this page',
    );
    await popup.close();
    await other.close();
  });

  it('the popup on a page no extension may script says so', async () => {
    // The control page itself is an extension page: restricted, like browser pages and the stores.
    const popup = await control.openPopup(await control.ownTabId());
    expect(
      await popup.evaluate(() => document.querySelector('.popup')?.getAttribute('data-state'), null),
    ).toBe('restricted');
    await popup.close();
  });

  it('follows content that arrives after the page loaded', async () => {
    const other = await browser.newPage();
    const url = `${server.origin}/extra/dynamic`;
    await other.goto(url);
    await other.waitFor(() => (CSS.highlights.get('citelens-claim')?.size ?? 0) >= 2, null, 10_000);
    const texts = await readHighlight(other, CLAIM);
    expect(texts.map(letters)).toEqual([
      letters('The river rose two metres overnight.'),
      letters('The old bridge was closed to traffic on Monday.'),
    ]);
    expect(ours(other.errors)).toEqual([]);
    await other.close();
  });

  it('turned off for the site, it takes everything back; turned on again, it returns', async () => {
    await control.setSettings({ disabledSites: ['127.0.0.1'] });
    await page.waitFor(() => !CSS.highlights.has('citelens-claim'), null);
    expect((await control.send(seedTab, 'getPageState', {})).status).toBe('disabled-site');
    const popup = await control.openPopup(seedTab);
    expect(
      await popup.evaluate(() => document.querySelector('.popup')?.getAttribute('data-state'), null),
    ).toBe('disabled');
    await popup.close();

    // The style is chosen by highlight name: the rules for every name come with the content script.
    await control.setSettings({ disabledSites: [], highlightStyle: 'background' });
    await page.waitFor(() => (CSS.highlights.get('citelens-claim-bg')?.size ?? 0) === 41, null);
    expect(await highlightNames(page)).toEqual(['citelens-claim-bg']);
    await control.setSettings(null);
    await page.waitFor(() => (CSS.highlights.get('citelens-claim')?.size ?? 0) === 41, null);
  });

  it("the readers' build never reads a loopback source, even when the reader allows the site", async () => {
    const sources = await startSourceServer();
    const other = await browser.newPage();
    const url = `${sources.origin}/check`;
    await other.goto(url);
    const tab = await control.tabId(url);
    await control.ready(tab, url);
    await browser.allowSites(['http://127.0.0.1/*']);
    const popup = await control.openPopup(tab);
    await clickElement(popup, 'button.check-sources');
    await popup.waitFor(
      () => document.querySelector('.check-panel')?.getAttribute('data-check') === 'done',
      null,
    );
    const view = await readPopupCheck(popup);
    expect(view.sources).toHaveLength(11);
    for (const s of view.sources) {
      expect(s.status).toBe('refused');
      expect(s.statusText).toBe('Not read (refused): a loopback address');
    }
    expect(sources.requests).toEqual([]);
    await popup.close();
    await other.close();
    await sources.close();
  });

  it('raised no error in the page', () => {
    expect(page.errors).toEqual([]);
  });
});
