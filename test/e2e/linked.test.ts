/**
 * Linked claims as a reader meets them, in real Chromium and real Firefox ESR, with the end-to-end tests' build
 * (it reads the test servers' names, *.test; src/background/test-build.ts). On a saved news page: the sentences
 * that link to another site are highlighted under their own quiet mark, in the article only; a reader's click on
 * one opens a card that names the linked page's site, its title and a real link; the popup lists the sites; the
 * options switch them off and count the page's own site; the page's text and layout stay as they were. On a small
 * news page served on the sources' test server (helpers/source-server.ts, `/news`): "Check sources" reads the
 * linked pages (and nothing else), and the card shows each one's verdict and the cited page's own title and name.
 */
import { getDomain } from 'tldts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer } from '../../scripts/serve-pages.mjs';
import type { JsonClaim, JsonReport } from '../../src/core/types';
import { loadFixturePages } from '../support/fixture-pages';
import { type BrowserName, type ExtensionBrowser, launch, type ReaderPage } from './helpers/browsers';
import { highlightSizes, readCheckCard } from './helpers/check-reader';
import {
  Control,
  clickElement,
  coverage,
  highlightNames,
  letters,
  pointInHighlight,
  rangesOutsideProse,
  readHighlight,
  readLayout,
  waitForCard,
  waitInCard,
} from './helpers/reader';
import { NEWS_LINKED, type SourceServer, startSourceServer } from './helpers/source-server';

const LINKED = 'citelens-linked';
/** A saved news page whose article links out in most of its sentences. */
const NEWS_PAGE = 'news-mdavis-supermarket';
const news = loadFixturePages().find((p) => p.name === NEWS_PAGE);
const CHECK_MS = 45_000;

const ours = (errors: readonly string[]) =>
  errors.filter((e) => /citelens|chrome-extension:|moz-extension:/i.test(e));

interface LinkedCardView {
  heading: string;
  claim: string;
  check: string | null;
  sources: {
    kind: string;
    dataKind: string | null;
    label: string;
    site: string;
    publisher: string;
    title: string;
    /** The title as an element: its tag, href, target and rel. */
    tag: string;
    href: string | null;
    target: string | null;
    rel: string | null;
    linkText: string[];
    verdict: string | null;
  }[];
}

/** The card as the reader sees it (its shadow root is closed: read through the automation protocol). */
function readLinkedCard(page: ReaderPage): Promise<LinkedCardView> {
  return page.evaluateInCard((root) => {
    const dialog = root?.querySelector('[role="dialog"]');
    const text = (el: ParentNode | null | undefined, sel: string) =>
      el?.querySelector(sel)?.textContent ?? '';
    return {
      heading: text(dialog, '.head h2'),
      claim: text(dialog, '.claim'),
      check: dialog?.querySelector('.check')?.getAttribute('data-check') ?? null,
      sources: [...(dialog?.querySelectorAll('li.source') ?? [])].map((li) => {
        const title = li.querySelector('.title');
        return {
          kind: text(li, '.kind'),
          dataKind: li.getAttribute('data-kind'),
          label: text(li, '.label'),
          site: text(li, '.meta .site'),
          publisher: text(li, '.meta .publisher'),
          title: title?.textContent ?? '',
          tag: title?.localName ?? '',
          href: title?.getAttribute('href') ?? null,
          target: title?.getAttribute('target') ?? null,
          rel: title?.getAttribute('rel') ?? null,
          linkText: [...li.querySelectorAll('.link-text q')].map((q) => q.textContent ?? ''),
          verdict: li.getAttribute('data-verdict'),
        };
      }),
    };
  }, null);
}

interface PopupSites {
  state: string | null;
  heading: string;
  sites: { site: string; sources: number; claims: number; count: string; titles: string[] }[];
  references: number;
  linkedClaimButtons: string[];
}

function readPopupSites(popup: ReaderPage): Promise<PopupSites> {
  return popup.evaluate(
    () => ({
      state: document.querySelector('.popup')?.getAttribute('data-state') ?? null,
      heading: document.querySelector('.group-heading[data-group="linked"]')?.textContent ?? '',
      sites: [...document.querySelectorAll('li.site')].map((li) => ({
        site: li.querySelector('.site-name')?.textContent ?? '',
        sources: Number(li.getAttribute('data-sources')),
        claims: Number(li.getAttribute('data-claims')),
        count: li.querySelector('.site-count')?.textContent ?? '',
        titles: [...li.querySelectorAll('li.source .title')].map((t) => t.textContent ?? ''),
      })),
      references: document.querySelectorAll('ul.sources[data-kind="reference"] > li').length,
      linkedClaimButtons: [...document.querySelectorAll('button.claim[data-kind="linked"]')].map(
        (b) => b.getAttribute('data-claim-id') ?? '',
      ),
    }),
    null,
  );
}

/** The linked sources of a report by site (their label), each with its distinct claims. */
function sitesOf(report: JsonReport): Map<string, { sources: number; claims: Set<string> }> {
  const sites = new Map<string, { sources: number; claims: Set<string> }>();
  for (const s of report.sources.filter((x) => x.kind === 'linked')) {
    const site = sites.get(s.label) ?? { sources: 0, claims: new Set<string>() };
    site.sources++;
    for (const c of s.claims) site.claims.add(c);
    sites.set(s.label, site);
  }
  return sites;
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s: linked claims', (browserName) => {
  let pages: Awaited<ReturnType<typeof startPageServer>>;
  let sources: SourceServer;
  let browser: ExtensionBrowser;
  let control: Control;
  let page: ReaderPage;
  let url: string;
  let tab: number;
  let report: JsonReport;

  beforeAll(async () => {
    if (!news) throw new Error(`no fixture page ${NEWS_PAGE}`);
    pages = await startPageServer();
    sources = await startSourceServer({ named: true });
    browser = await launch(browserName, 'test');
    control = await Control.open(browser);
    await control.setSettings(null);
    page = await browser.newPage();
    url = `${pages.origin}/pages/${NEWS_PAGE}`;
    await page.goto(url);
    tab = await control.tabId(url);
    report = (await control.ready(tab, url)).report as JsonReport;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sources?.close();
  });

  it('highlights the sentences that link to another site under their own mark, in the article only', async () => {
    const expected = news?.expected.linked?.claims.map((c) => c.text) ?? [];
    expect(expected.length).toBeGreaterThan(5);
    const linkedClaims = report.claims.filter((c) => c.markers.length === 0 && (c.links?.length ?? 0) > 0);
    expect(linkedClaims.length).toBeGreaterThanOrEqual(expected.length * 0.95);
    // No marker on this page: the only mark is the linked claims' own (the open card's comes later).
    expect(await highlightNames(page)).toEqual([LINKED]);
    const marks = await readHighlight(page, LINKED);
    const cov = coverage(marks, expected);
    expect(cov.highlighted / cov.expected, `missed: ${cov.missed.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    expect(cov.outside).toBeLessThan(0.05);
    expect(await rangesOutsideProse(page, LINKED, 'citelens-claim')).toEqual([]);
  });

  it("a reader's click on a linked claim opens a card naming the linked site, the title and a real link", async () => {
    const before = await readLayout(page);
    for (const index of [0, 3]) {
      const point = await pointInHighlight(page, LINKED, index);
      await page.click(point.x, point.y);
      await waitForCard(page);
      const card = await readLinkedCard(page);
      const claim = report.claims.find((c) => letters(c.text) === letters(card.claim)) as JsonClaim;
      expect(claim, `the card's claim is one of the page's: ${card.claim}`).toBeDefined();
      expect(card.heading).toBe('Linked claim');
      expect(card.sources).toHaveLength(claim.sources.length);
      for (const [i, source] of card.sources.entries()) {
        const link = claim.links?.find((l) => l.source === claim.sources[i]);
        const reported = report.sources.find((s) => s.id === claim.sources[i]);
        if (!link || !reported) throw new Error(`source ${claim.sources[i]} of ${claim.id} is not linked`);
        expect(source.dataKind).toBe('linked');
        expect(source.kind).toBe('Linked in the text');
        // The site by its registrable domain, plainly.
        const host = new URL(link.href).hostname;
        expect(source.site).toBe(getDomain(host));
        expect(source.site).not.toMatch(/^www\./);
        // The title (the link's title or words), and the link itself: a real <a href>, http(s), opening apart.
        expect(source.title).toBe(reported.title);
        expect(source.tag).toBe('a');
        expect(source.href).toBe(link.href);
        expect(source.href).toMatch(/^https?:\/\//);
        expect(source.target).toBe('_blank');
        expect(source.rel).toBe('noopener noreferrer');
        // The link's words as text, when they are not already the title.
        if (link.text !== reported.title) expect(source.linkText).toContain(link.text);
      }
      await page.press('Escape');
      await waitForCard(page, false);
    }
    // Nothing of the page changed while the card was open and closed.
    expect(await readLayout(page)).toEqual(before);
  });

  it('the popup lists the linked sites with their counts; a linked claim there opens its card', async () => {
    const popup = await control.openPopup(tab);
    const view = await readPopupSites(popup);
    const sites = sitesOf(report);
    expect(view.state).toBe('report');
    expect(view.references).toBe(0);
    expect(view.sites.map((s) => s.site).sort()).toEqual([...sites.keys()].sort());
    for (const s of view.sites) {
      const want = sites.get(s.site);
      expect(s.sources).toBe(want?.sources);
      expect(s.claims).toBe(want?.claims.size);
      expect(s.count).toContain(`${want?.sources} link`);
      expect(s.titles.every((t) => t.length > 0)).toBe(true);
    }
    // Most cited site first.
    const claimsPerSite = view.sites.map((s) => s.claims);
    expect(claimsPerSite).toEqual([...claimsPerSite].sort((a, b) => b - a));
    expect(view.heading).toContain(`${sites.size} sites`);
    const linkedIds = report.claims.filter((c) => c.markers.length === 0 && c.links?.length).map((c) => c.id);
    expect(view.linkedClaimButtons).toEqual(linkedIds);

    const target = report.claims.find((c) => c.id === linkedIds[2]) as JsonClaim;
    await clickElement(popup, `button.claim[data-claim-id="${target.id}"]`);
    await waitForCard(page);
    expect(letters((await readLinkedCard(page)).claim)).toBe(letters(target.text));
    await popup.close();
    await page.press('Escape');
    await waitForCard(page, false);
  });

  it('the options: linked claims off leaves the page as CiteLens found it, with the same text and layout', async () => {
    const withMarks = await readLayout(page);
    // The reader's click on the options page's switch (the control page is the options page).
    const checked = () =>
      control.page.evaluate(
        () =>
          (document.querySelector('input[name="linkedClaims"]') as HTMLInputElement | null)?.checked ?? null,
        null,
      );
    expect(await checked()).toBe(true);
    expect(
      await control.page.evaluate(
        () => (document.querySelector('input[name="countOwnSiteLinks"]') as HTMLInputElement | null)?.checked,
        null,
      ),
    ).toBe(false);
    await clickElement(control.page, 'input[name="linkedClaims"]');
    expect(await checked()).toBe(false);
    await page.waitFor(() => !CSS.highlights.has('citelens-linked'), null);
    const state = await control.ready(tab, url);
    expect(state.report?.claims).toEqual([]);
    expect(await highlightNames(page)).toEqual([]);
    expect(await readLayout(page)).toEqual(withMarks);
    await clickElement(control.page, 'input[name="linkedClaims"]');
    await page.waitFor(() => CSS.highlights.has('citelens-linked'), null);
    expect(await checked()).toBe(true);
  });

  describe('a check of a news page', () => {
    let newsPage: ReaderPage;
    let newsTab: number;
    let newsReport: JsonReport;
    const newsUrl = () => `${sources.origin}/news`;
    const claimOf = (text: string) => newsReport.claims.find((c) => c.text === text) as JsonClaim;

    beforeAll(async () => {
      newsPage = await browser.newPage();
      await newsPage.goto(newsUrl());
      newsTab = await control.tabId(newsUrl());
      newsReport = (await control.ready(newsTab, newsUrl())).report as JsonReport;
    });

    it("finds the sentences linking to the other site, not the link to the page's own site", async () => {
      expect(newsReport.claims.map((c) => c.text)).toEqual(NEWS_LINKED.map((c) => c.text));
      expect(newsReport.sources.map((s) => [s.kind, s.label, s.url])).toEqual(
        NEWS_LINKED.map((c) => ['linked', 'elsewhere.test', `${sources.elsewhere}${c.path}`]),
      );
      // With the option on, the sentence citing this site's own earlier story is one too.
      await control.setSettings({ countOwnSiteLinks: true });
      await newsPage.waitFor(() => (CSS.highlights.get('citelens-linked')?.size ?? 0) === 5, null);
      const own = (await control.ready(newsTab, newsUrl())).report as JsonReport;
      expect(own.claims.map((c) => c.text)).toContain(
        'An earlier story on this site looked at what the deal means for the region.',
      );
      expect(own.sources.find((s) => s.url === `${sources.origin}/news/earlier`)?.label).toBe(
        'citelens.test',
      );
      await control.setSettings({ countOwnSiteLinks: false });
      await newsPage.waitFor(() => (CSS.highlights.get('citelens-linked')?.size ?? 0) === 4, null);
      newsReport = (await control.ready(newsTab, newsUrl())).report as JsonReport;
      expect(newsReport.claims).toHaveLength(NEWS_LINKED.length);
      expect(sources.requests).toEqual([]);
    });

    it("Check sources reads the linked pages, and the card shows each one's verdict and the page's own title", async () => {
      const survey = NEWS_LINKED[1] as (typeof NEWS_LINKED)[number];
      const ranges = await readHighlight(newsPage, LINKED);
      const at = ranges.findIndex((r) => letters(r) === letters(survey.text));
      expect(at).toBeGreaterThanOrEqual(0);
      const point = await pointInHighlight(newsPage, LINKED, at);
      await newsPage.click(point.x, point.y);
      await waitForCard(newsPage);
      const before = await readLinkedCard(newsPage);
      expect(before.check).toBe('idle');
      expect(before.sources.map((s) => [s.kind, s.site, s.title, s.linkText])).toEqual([
        ['Linked in the text', 'elsewhere.test', survey.title, [survey.linkText]],
      ]);

      const sites = [`http://${new URL(sources.elsewhere).hostname}/*`];
      await browser.allowSites(sites);
      await clickElement(newsPage, 'card >>> button.check-sources');
      const consent = await browser.waitForExtensionPage('src/consent/index.html', 'button.allow');
      const origins = await consent.evaluate(
        () => [...document.querySelectorAll('li[data-origin]')].map((li) => li.getAttribute('data-origin')),
        null,
      );
      // Only the linked pages' site: not the page's own, nor the sites its navigation and footer link to.
      expect(origins).toEqual(sites);
      expect(sources.requests).toEqual([]);
      await clickElement(consent, 'button.allow');
      await waitInCard(
        newsPage,
        (root) => root?.querySelector('.check')?.getAttribute('data-check') === 'done',
        null,
        CHECK_MS,
      );
      // Each linked page was read once; nothing else was.
      expect([...sources.requests].sort()).toEqual(NEWS_LINKED.map((c) => c.path).sort());

      const after = await readLinkedCard(newsPage);
      expect(after.sources[0]?.verdict).toBe('supported');
      // The cited page's own title and name replace the link's.
      expect(after.sources[0]?.title).toBe('How adults read the news in 2026');
      expect(after.sources[0]?.publisher).toBe('Survey Weekly');
      expect(after.sources[0]?.site).toBe('elsewhere.test');
      expect(after.sources[0]?.linkText).toEqual([survey.linkText]);

      for (const linked of NEWS_LINKED) {
        await control.send(newsTab, 'showClaim', { claimId: claimOf(linked.text).id });
        await waitForCard(newsPage);
        const view = await readCheckCard(newsPage);
        expect(view.overall, linked.text).toBe(linked.verdict);
        expect(view.sources[0]?.verdict).toBe(linked.verdict);
        if (linked.path === '/sources/missing')
          expect(view.sources[0]?.linkStatus).toBe('Dead link: HTTP 404');
      }
      await newsPage.press('Escape');
      await waitForCard(newsPage, false);
    }, 90_000);

    it('colours the linked claims by verdict when the reader turns verdict colouring on', async () => {
      // By default the page's highlights say nothing of the verdicts.
      expect(Object.keys(await highlightSizes(newsPage))).toEqual([LINKED]);
      await control.setSettings({ verdictHighlights: true });
      await newsPage.waitFor(() => CSS.highlights.has('citelens-supported'), null);
      expect(await highlightSizes(newsPage)).toEqual({
        'citelens-supported': 2,
        'citelens-unsupported': 1,
        'citelens-unavailable': 1,
      });
      await control.setSettings({ verdictHighlights: false });
      await newsPage.waitFor(() => CSS.highlights.has('citelens-linked'), null);
    });

    it("the popup shows the site's pages by their own titles, with their status", async () => {
      const popup = await control.openPopup(newsTab);
      const view = await readPopupSites(popup);
      expect(view.sites).toHaveLength(1);
      expect(view.sites[0]?.site).toBe('elsewhere.test');
      expect(view.sites[0]?.titles).toContain('How adults read the news in 2026');
      const statuses = await popup.evaluate(
        () => [...document.querySelectorAll('li.site li.source')].map((li) => li.getAttribute('data-status')),
        null,
      );
      expect(statuses).toEqual(['ok', 'ok', 'ok', 'dead']);
      await popup.close();
    });

    it('raised no error in the news page', () => {
      expect(ours(newsPage.errors)).toEqual([]);
    });
  });

  it('raised no error in the saved news page', () => {
    expect(ours(page.errors)).toEqual([]);
  });
});
