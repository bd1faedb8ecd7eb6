/**
 * CiteLens in French, in real Chromium (--lang=fr, LANGUAGE=fr) and real Firefox ESR (intl.locale.requested=fr,
 * with Debian's firefox-esr-l10n-fr): the popup, the card, the consent page and a check that could read nothing
 * all speak French, with French plural forms. The seed article's sources are on sites the tests' browsers cannot
 * reach (every name but the test servers' fails), so the check is the one a reader offline gets: it must say
 * that nothing could be reached, not "0 of 41 supported".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer } from '../../scripts/serve-pages.mjs';
import type { JsonReport } from '../../src/core/types';
import { type BrowserName, type ExtensionBrowser, launch, type ReaderPage } from './helpers/browsers';
import { readCheckCard, readPopupCheck } from './helpers/check-reader';
import { EXTRA_PAGES } from './helpers/pages';
import { Control, clickElement, readCard, waitForCard, waitInCard } from './helpers/reader';

async function waitUntil(ok: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`still waiting after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** French puts a no-break space before ":", "?" and "%". */
const fr = (text: string) => text.replace(/ ([:?%;])/g, '\u00a0$1');

describe.each<BrowserName>(['chromium', 'firefox'])('%s in French', (browserName) => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ExtensionBrowser;
  let control: Control;
  let page: ReaderPage;
  let tab: number;
  let report: JsonReport;

  beforeAll(async () => {
    server = await startPageServer({ extra: EXTRA_PAGES });
    browser = await launch(browserName, 'release', { locale: 'fr' });
    control = await Control.open(browser);
    await control.setSettings(null);
    page = await browser.newPage();
    const url = `${server.origin}/seed`;
    await page.goto(url);
    tab = await control.tabId(url);
    report = (await control.ready(tab)).report as JsonReport;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs in French: the extension picked its French strings', async () => {
    const language = await control.page.evaluate(() => {
      const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
      const api = (g.browser ?? g.chrome) as { i18n: { getMessage(key: string): string } };
      return api.i18n.getMessage('locale');
    }, null);
    // Firefox falls back to English without its French language pack (apt-get install firefox-esr-l10n-fr).
    expect(language).toBe('fr');
  });

  it('the popup counts, heads and words its findings in French', async () => {
    const popup = await control.openPopup(tab);
    const view = await popup.evaluate(
      () => ({
        lang: document.documentElement.lang,
        counts: [...document.querySelectorAll('[data-count]')].map((el) => el.textContent),
        headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
        findings: [...document.querySelectorAll('li.finding span')].map((s) => s.textContent),
        check: document.querySelector('button.check-sources')?.textContent,
        sites: document.querySelector('.sites-count')?.textContent,
      }),
      null,
    );
    expect(view.lang).toBe('fr');
    expect(view.counts).toEqual([
      '41 affirmations',
      '4 sources',
      `${report.findings.length} remarque${report.findings.length > 1 ? 's' : ''}`,
    ]);
    expect(view.headings).toEqual(
      expect.arrayContaining(['Remarques', 'Sources', 'Vérification des sources']),
    );
    expect(
      view.findings.some((f) =>
        /^\d+\u00a0% des affirmations \(\d+ sur 41\) reposent sur une seule source/.test(f ?? ''),
      ),
    ).toBe(true);
    expect(view.check).toBe('Vérifier les sources');
    expect(view.sites).toBe('4 sites à lire');
    await popup.close();
  });

  it('the card is French', async () => {
    await control.send(tab, 'showClaim', { claimId: report.claims[0]?.id ?? '' });
    await waitForCard(page);
    const card = await readCard(page);
    expect(card.label).toBe('Affirmation sourcée');
    expect(card.position).toBe('Affirmation 1 sur 41');
    expect(card.findings).toContain('La plupart des affirmations reposent sur une seule source');
  });

  it('a check that could reach no source says so, in the card and the popup, not "0 sur 41"', async () => {
    const sites = [...new Set(report.sources.map((s) => `${new URL(s.url ?? '').origin}/*`))];
    await browser.allowSites(sites);
    await clickElement(page, 'card >>> button.check-sources');
    const consent = await browser.waitForExtensionPage('src/consent/index.html', 'button.allow');
    expect(await consent.evaluate(() => document.querySelector('h1')?.textContent, null)).toBe(
      fr('Lire les sources de cette page ?'),
    );
    await clickElement(consent, 'button.allow');
    await waitInCard(
      page,
      (root) => root?.querySelector('.check')?.getAttribute('data-check') === 'done',
      null,
      45_000,
    );
    const card = await readCheckCard(page);
    expect(card.note).toBe(
      fr('Rien n’a été vérifié : aucune source n’a pu être jointe. Êtes-vous hors ligne ?'),
    );
    for (const source of card.sources)
      expect(source.linkStatus).toBe(fr('Injoignable. Êtes-vous hors ligne ?'));

    // The consent window closes itself once the check started: opening the popup while it goes races it.
    await waitUntil(async () => !(await browser.pageUrls()).some((u) => u.includes('/src/consent/')));
    const popup = await control.openPopup(tab);
    await popup.waitFor(() => !!document.querySelector('[data-summary]'), null);
    const check = await readPopupCheck(popup);
    expect(check.summary).toBe(
      fr('Rien n’a été vérifié : aucune des 4 sources n’a pu être jointe. Êtes-vous hors ligne ?'),
    );
    await popup.close();
  });
});
