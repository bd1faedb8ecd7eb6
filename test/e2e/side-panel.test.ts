/**
 * The side panel and the context menu, in real Chromium and real Firefox ESR, with the end-to-end tests' build.
 *
 * Headless browsers show no side panel (Chrome's `side_panel`, Firefox's `sidebar_action`), and no context menu
 * to click. So the side panel's page (src/panel/index.html) is opened in a tab of its own, which makes it follow
 * the tab the reader activates (src/panel/follow-tab.ts), and the menu's click handler is called through the
 * test build's hook (src/background/index.ts, `citelensTest`; not in the readers' build): from Chromium's service
 * worker, and from Firefox's event page through `runtime.getBackgroundPage()`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, startPageServer } from '../../scripts/serve-pages.mjs';
import type { JsonClaim, JsonReport } from '../../src/core/types';
import type { TabView } from '../../src/shared/messages';
import type { ExpectedPage } from '../support/fixture-pages';
import {
  type BrowserName,
  type ChromiumBrowser,
  type ExtensionBrowser,
  launch,
  type ReaderPage,
} from './helpers/browsers';
import { EXTRA_PAGES } from './helpers/pages';
import { Control, clickElement, letters, readCard, waitForCard } from './helpers/reader';
import { type SourceServer, startSourceServer } from './helpers/source-server';

const seed = JSON.parse(
  readFileSync(join(fixturesDir, 'seed-article/expected.json'), 'utf8'),
) as ExpectedPage;
/** Long enough for a check of one local source on a loaded machine. */
const CHECK_MS = 30_000;

interface Api {
  tabs: { update(tabId: number, props: { active: boolean }): Promise<unknown> };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getBackgroundPage?(): Promise<{
      citelensTest: { menuClicked(info: object, tab: object): Promise<unknown> };
    }>;
  };
}

/** What the side panel lists: which tab it follows, its state, and each claim's number, text and verdict. */
interface PanelView {
  tab: number | null;
  state: string | null;
  shown: number | null;
  claims: { id: string; number: string; text: string; verdict: string | null }[];
}

function readPanel(panel: ReaderPage): Promise<PanelView> {
  return panel.evaluate(() => {
    const main = document.querySelector('main.panel');
    const tab = main?.getAttribute('data-tab');
    const shown = document.querySelector('[data-shown]')?.getAttribute('data-shown');
    return {
      tab: tab ? Number(tab) : null,
      state: main?.getAttribute('data-state') ?? null,
      shown: shown ? Number(shown) : null,
      claims: [...document.querySelectorAll('button.claim')].map((b) => ({
        id: b.getAttribute('data-claim-id') ?? '',
        number: b.querySelector('.claim-number')?.textContent ?? '',
        text: b.querySelector('.claim-text')?.textContent ?? '',
        verdict: b.getAttribute('data-verdict'),
      })),
    };
  }, null);
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s: side panel and context menu', (browserName) => {
  let pages: Awaited<ReturnType<typeof startPageServer>>;
  let sources: SourceServer;
  let browser: ExtensionBrowser;
  let control: Control;
  let panel: ReaderPage;
  let seedPage: ReaderPage;
  let seedTab: number;
  let seedReport: JsonReport;

  /** Makes a tab the active one, as the reader clicking it in the tab strip. */
  const activate = (tabId: number) =>
    control.page.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      await (g.browser ?? (g.chrome as Api)).tabs.update(id, { active: true });
    }, tabId);

  /** Waits until the panel follows this tab and shows its report; answers what it shows. */
  const panelShowing = async (tabId: number, claims: number) => {
    await panel.waitFor(
      ({ id, n }) =>
        document.querySelector(`main.panel[data-tab="${id}"][data-state="report"]`) !== null &&
        document.querySelectorAll('button.claim').length === n,
      { id: tabId, n: claims },
    );
    return readPanel(panel);
  };

  /** The background's view of a tab, as CiteLens's own pages ask for it. */
  const tabView = (tabId: number) =>
    control.page.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = g.browser ?? (g.chrome as Api);
      return (await api.runtime.sendMessage({ citelens: 'tabView', data: { tabId: id } })) as TabView;
    }, tabId);

  /** The result of the tab's check once it is done. */
  const finishedCheck = async (tabId: number) => {
    const until = Date.now() + CHECK_MS;
    let view = await tabView(tabId);
    while (!(view.kind === 'report' && view.check.kind === 'done') && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      view = await tabView(tabId);
    }
    if (view.kind !== 'report' || view.check.kind !== 'done')
      throw new Error(`no finished check: ${view.kind}`);
    return view.check.result;
  };

  /** The context menu's click on an item, through the test build's hook (no headless menu to click). */
  const menuClick = (
    info: { menuItemId: string; selectionText?: string; linkUrl?: string },
    tabId: number,
  ) => {
    const arg = { info: { frameId: 0, editable: false, modifiers: [], ...info }, tab: { id: tabId } };
    if (browser.name === 'chromium') {
      return (browser as ChromiumBrowser).evaluateInWorker(
        (a: typeof arg) =>
          (
            globalThis as unknown as { citelensTest: { menuClicked(i: object, t: object): Promise<unknown> } }
          ).citelensTest.menuClicked(a.info, a.tab),
        arg,
      );
    }
    return control.page.evaluate(async (a) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      const background = await api.runtime.getBackgroundPage?.();
      return background?.citelensTest.menuClicked(a.info, a.tab);
    }, arg);
  };

  beforeAll(async () => {
    pages = await startPageServer({ extra: EXTRA_PAGES });
    sources = await startSourceServer({ named: true });
    browser = await launch(browserName, 'test');
    control = await Control.open(browser);
    await control.setSettings(null);
    seedPage = await browser.newPage();
    const seedUrl = `${pages.origin}/seed`;
    await seedPage.goto(seedUrl);
    seedTab = await control.tabId(seedUrl);
    seedReport = (await control.ready(seedTab)).report as JsonReport;
    // The panel's page in a tab of its own (see above), opened last so it is the active tab: it follows no tab yet.
    panel = await browser.openExtensionPage('src/panel/index.html', 'main.panel');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sources?.close();
  });

  it('lists all 41 claims of the seed article in page order once its tab is active', async () => {
    expect(seedReport.claims).toHaveLength(41);
    await activate(seedTab);
    const view = await panelShowing(seedTab, 41);
    expect(view.shown).toBe(41);
    expect(view.claims.map((c) => c.number)).toEqual(seedReport.claims.map((_, i) => String(i + 1)));
    expect(view.claims.map((c) => c.text)).toEqual(seedReport.claims.map((c) => c.text));
    expect(view.claims.map((c) => letters(c.text))).toEqual(seed.claims.map((c) => letters(c.text)));
    // No check yet: no verdict colours.
    expect(view.claims.every((c) => c.verdict === null)).toBe(true);
  });

  it('follows a tab switch, and back', async () => {
    const other = await browser.newPage();
    const url = `${pages.origin}/extra/links`;
    await other.goto(url);
    const otherTab = await control.tabId(url);
    await control.ready(otherTab);
    await activate(otherTab);
    const there = await panelShowing(otherTab, 1);
    expect(there.claims[0]?.text).toMatch(/^Officials confirmed the closure of the old bridge/);
    await activate(seedTab);
    expect((await panelShowing(seedTab, 41)).claims).toHaveLength(41);
    await other.close();
  });

  it('filters by source, and a click on a claim opens its card in the page', async () => {
    await activate(seedTab);
    await panelShowing(seedTab, 41);
    const source = seedReport.sources.find((s) => s.claims.length > 1 && s.claims.length < 41);
    if (!source) throw new Error('no source cited by some claims only');
    await panel.evaluate((id) => {
      const select = document.querySelector('select[data-filter="source"]') as HTMLSelectElement;
      select.value = id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, source.id);
    await panel.waitFor((n) => document.querySelectorAll('button.claim').length === n, source.claims.length);
    const filtered = await readPanel(panel);
    expect(filtered.claims.map((c) => c.id)).toEqual(
      seedReport.claims.filter((c) => c.sources.includes(source.id)).map((c) => c.id),
    );
    // Each keeps its number in the page.
    const second = filtered.claims[1] as PanelView['claims'][number];
    const index = seedReport.claims.findIndex((c) => c.id === second.id);
    expect(second.number).toBe(String(index + 1));

    await panel.evaluate((id) => {
      (document.querySelector(`button.claim[data-claim-id="${id}"]`) as HTMLButtonElement).click();
    }, second.id);
    await waitForCard(seedPage);
    expect((await readCard(seedPage)).position).toBe(`Claim ${index + 1} of 41`);
  });

  it('registers its two context-menu items at install', async () => {
    // `contextMenus.update` of an id the menu does not hold fails: each item is there.
    const ids = ['citelens-show-citations', 'citelens-check-claim'];
    const update = async (list: string[]) => {
      type Menus = { contextMenus: { update(id: string, props: object): Promise<void> } };
      const g = globalThis as unknown as { browser?: Menus; chrome?: Menus };
      const api = (g.browser ?? g.chrome) as Menus;
      return Promise.all(
        list.map((id) =>
          api.contextMenus.update(id, {}).then(
            () => true,
            () => false,
          ),
        ),
      );
    };
    const answers =
      browser.name === 'chromium'
        ? await (browser as ChromiumBrowser).evaluateInWorker(update, [...ids, 'no-such-item'])
        : await control.page.evaluate(
            async (list) => {
              const api = (globalThis as unknown as { browser: Api }).browser;
              const background = (await api.runtime.getBackgroundPage?.()) as unknown as {
                browser: { contextMenus: { update(id: string, props: object): Promise<void> } };
              };
              return Promise.all(
                list.map((id) =>
                  background.browser.contextMenus.update(id, {}).then(
                    () => true,
                    () => false,
                  ),
                ),
              );
            },
            [...ids, 'no-such-item'],
          );
    expect(answers).toEqual([true, true, false]);
  });

  it('"Check this claim" on one selected claim asks for its source\'s site only, and checks that claim only', async () => {
    const page = await browser.newPage();
    const url = `${sources.origin}/check`;
    await page.goto(url);
    const tab = await control.tabId(url);
    const report = (await control.ready(tab)).report as JsonReport;
    // A claim that cites the first reference only (its page lives on the first test site).
    const claimIndex = report.claims.findIndex(
      (c) => c.sources.length === 1 && c.sources[0] === report.sources[0]?.id,
    );
    const claim = report.claims[claimIndex] as JsonClaim;
    expect(claim).toBeDefined();
    // The reader selects a few words in the middle of the sentence.
    const selected = await page.evaluate((i) => {
      const ranges = [...(CSS.highlights.get('citelens-claim') as unknown as Set<Range>)].sort((a, b) =>
        a.compareBoundaryPoints(Range.START_TO_START, b),
      );
      const range = (ranges[i] as Range).cloneRange();
      const text = range.startContainer;
      if (text.nodeType === Node.TEXT_NODE && range.endContainer === text) {
        range.setStart(text, range.startOffset + 4);
        range.setEnd(text, range.endOffset - 4);
      }
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, claimIndex);
    expect(selected.length).toBeGreaterThan(10);
    const site = `http://${new URL(sources.origin).hostname}/*`;
    await browser.allowSites([site]);
    await activate(tab);

    expect(await menuClick({ menuItemId: 'citelens-check-claim', selectionText: selected }, tab)).toBe(
      'consent',
    );
    // The claim's card opens, where the check's progress and verdict show.
    await waitForCard(page);
    expect((await readCard(page)).position).toBe(`Claim ${claimIndex + 1} of ${report.claims.length}`);
    const consent = await browser.waitForExtensionPage('src/consent/index.html', 'button.allow');
    const origins = await consent.evaluate(
      () => [...document.querySelectorAll('li[data-origin]')].map((li) => li.getAttribute('data-origin')),
      null,
    );
    // The page cites two sites; the claim rests on one.
    expect(origins).toEqual([site]);
    expect(sources.requests).toEqual([]);
    // A real click: the browser takes a permission request only in the reader's own gesture.
    await clickElement(consent, 'button.allow');

    const result = await finishedCheck(tab);
    expect(result.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(result.sources.map((s) => s.id)).toEqual(claim.sources);
    const wanted = new URL(report.sources[0]?.url as string).pathname;
    expect(sources.requests).toEqual([wanted]);

    // The side panel shows that one claim's verdict colour, and no other.
    const shown = await panelShowing(tab, report.claims.length);
    expect(shown.claims.filter((c) => c.verdict !== null).map((c) => c.id)).toEqual([claim.id]);

    // On a link: the page's sources at that address and the claims citing them. Its site is allowed for this
    // page's site now, so it starts without asking again.
    const linked = report.sources.find(
      (s) => s.url?.startsWith(sources.origin) && s.claims.length > 0 && !claim.sources.includes(s.id),
    );
    if (!linked?.url) throw new Error('no other source on the first site');
    sources.requests.length = 0;
    await page.evaluate(() => getSelection()?.removeAllRanges(), null);
    expect(await menuClick({ menuItemId: 'citelens-check-claim', linkUrl: linked.url }, tab)).toBe('started');
    const byLink = await finishedCheck(tab);
    expect(byLink.claims.map((c) => c.id)).toEqual(linked.claims);
    expect(byLink.sources.map((s) => s.id)).toEqual([linked.id]);
    expect(sources.requests.every((path) => path === new URL(linked.url as string).pathname)).toBe(true);
    await page.close();
  });
});
