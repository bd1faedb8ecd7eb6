/**
 * The extension's own pages in a browser set to the dark scheme, in Chromium and Firefox ESR: axe-core finds
 * nothing in the popup, the side panel, the options and the consent page. Chromium's other tests switch a page to
 * dark on the fly; Puppeteer's Firefox cannot, so here the whole browser starts dark (`colorScheme`, a Firefox
 * preference). Each page is first seen to be dark, so a browser that ignored the setting fails the test rather
 * than checking the light pages twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer } from '../../scripts/serve-pages.mjs';
import { axePage, describeViolations } from './helpers/axe';
import { type BrowserName, type ExtensionBrowser, launch, type ReaderPage } from './helpers/browsers';
import { Control } from './helpers/reader';

/** Whether the page is in the dark scheme, and its body's background (dark pages paint a dark one). */
const scheme = (page: ReaderPage) =>
  page.evaluate(
    () => ({
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      background: getComputedStyle(document.body).backgroundColor,
    }),
    null,
  );

/** The sum of a CSS rgb() colour's channels: low for a dark background. */
const brightness = (css: string) =>
  (css.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, v) => sum + Number(v), 0);

describe.each<BrowserName>(['chromium', 'firefox'])('%s in the dark scheme', (browserName) => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ExtensionBrowser;
  let control: Control;
  let tab: number;

  beforeAll(async () => {
    server = await startPageServer();
    browser = await launch(browserName, 'release', { colorScheme: 'dark' });
    control = await Control.open(browser);
    await control.setSettings(null);
    const page = await browser.newPage();
    const url = `${server.origin}/seed`;
    await page.goto(url);
    tab = await control.tabId(url);
    await control.ready(tab);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('axe-core finds nothing in the popup, the side panel, the options and the consent page', async () => {
    const pages: [string, () => Promise<ReaderPage>][] = [
      ['popup', () => control.openPopup(tab)],
      [
        'side panel',
        () => browser.openExtensionPage(`src/panel/index.html?tab=${tab}`, 'main.panel[data-state="report"]'),
      ],
      ['consent', () => browser.openExtensionPage(`src/consent/index.html?tab=${tab}`, 'button.allow')],
    ];
    const found: string[] = [];
    const check = async (label: string, page: ReaderPage) => {
      const seen = await scheme(page);
      expect(seen.dark, label).toBe(true);
      expect(brightness(seen.background), `${label}: ${seen.background}`).toBeLessThan(3 * 96);
      found.push(...describeViolations(await axePage(page)).map((v) => `${label}: ${v}`));
    };
    for (const [label, open] of pages) {
      const page = await open();
      await check(label, page);
      await page.close();
    }
    await check('options', control.page);
    expect(found).toEqual([]);
  });
});
