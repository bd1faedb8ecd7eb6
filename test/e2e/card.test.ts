/**
 * The claim card as a reader uses it, in Chromium and Firefox ESR: it fits the window with its claim and its
 * "Claim n of N / Previous / Next" row in view, and keeps its height and scroll while a check redraws it; a click on a citation marker opens its claim's card (a
 * Ctrl-click, or any click with the option off, follows the page's link); Escape gives focus back to the
 * reader's place; Tab passes through the card (a non-modal dialog); the claim under the pointer lights up
 * without any change to the page; axe-core finds nothing in the card, popup, options or consent page.
 * Each of these failed on the build before this card (CITELENS_DIST=<old tree>/dist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer } from '../../scripts/serve-pages.mjs';
import { type AxeViolation, axeCard, axePage } from './helpers/axe';
import { type BrowserName, type ExtensionBrowser, launch, type ReaderPage } from './helpers/browsers';
import { EXTRA_PAGES } from './helpers/pages';
import { Control, cardOpen, letters, pointInHighlight, readHighlight, waitForCard } from './helpers/reader';

const CLAIM = 'citelens-claim';
const HOVER = 'citelens-hover';

const pause = (page: ReaderPage, ms: number) =>
  page.evaluate((t) => new Promise((r) => setTimeout(r, t)), ms);

/** The card's box, its claim's and its footer's (the row with "Claim n of N"), and the window's size. */
interface CardLayout {
  card: DOMRectLike;
  claim: DOMRectLike | null;
  footer: DOMRectLike | null;
  count: string;
  viewport: { width: number; height: number };
}
type DOMRectLike = { top: number; bottom: number; left: number; right: number };

function readLayout(page: ReaderPage): Promise<CardLayout | null> {
  return page.evaluateInCard((root) => {
    const dialog = root?.querySelector('[role="dialog"]');
    if (!dialog) return null;
    const box = (el: Element | null | undefined) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    // `footer` too, so the same test reads the card of older builds.
    const footer = dialog.querySelector('.foot, footer');
    return {
      card: box(dialog) as { top: number; bottom: number; left: number; right: number },
      claim: box(dialog.querySelector('.claim')),
      footer: box(footer),
      count: footer?.querySelector('.count')?.textContent ?? '',
      viewport: { width: innerWidth, height: innerHeight },
    };
  }, null);
}

/** The card's layout once it has stopped moving (a smooth scroll to the claim moves it). */
async function settledLayout(page: ReaderPage): Promise<CardLayout> {
  let last = await readLayout(page);
  for (let i = 0; i < 40; i++) {
    await pause(page, 100);
    const now = await readLayout(page);
    if (now && last && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  if (!last) throw new Error('no card');
  return last;
}

/** What is wrong with a card's layout: parts outside the window, or hidden by the card's own edge. */
function layoutProblems(layout: CardLayout): string[] {
  const { card, claim, footer, viewport } = layout;
  const problems: string[] = [];
  const inside = (r: DOMRectLike, outer: DOMRectLike) =>
    r.top >= outer.top - 0.5 &&
    r.bottom <= outer.bottom + 0.5 &&
    r.left >= outer.left - 0.5 &&
    r.right <= outer.right + 0.5;
  const screen = { top: 0, left: 0, bottom: viewport.height, right: viewport.width };
  if (!inside(card, screen)) problems.push(`card outside the window: ${JSON.stringify(card)}`);
  if (!footer || !inside(footer, card)) problems.push(`footer cut off: ${JSON.stringify(footer)}`);
  if (!claim || claim.top < card.top || claim.top > card.bottom - 10) problems.push('claim not at the top');
  return problems;
}

/** The element that has focus in the page: its tag and href, or "card" for the card's host. */
function focused(page: ReaderPage): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    if (active.parentElement === document.documentElement && active.localName !== 'body') return 'card';
    return `${active.localName}${active.getAttribute('href') ? ` ${active.getAttribute('href')}` : ''}`;
  }, null);
}

/** The centre of the nth marker link on the wiki page, scrolled into view. */
function markerPoint(page: ReaderPage, n: number): Promise<{ x: number; y: number }> {
  return page.evaluate((href) => {
    const a = document.querySelector(`a[href="${href}"]`) as HTMLElement;
    a.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = a.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, `#cite_note-${n}`);
}

const summary = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} ${v.nodes.join(' ')}`);

describe.each<BrowserName>(['chromium', 'firefox'])('%s: the card', (browserName) => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ExtensionBrowser;
  let control: Control;

  beforeAll(async () => {
    server = await startPageServer({ extra: EXTRA_PAGES });
    browser = await launch(browserName);
    control = await Control.open(browser);
    await control.setSettings(null);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new tab at `path`, scanned. */
  async function open(path: string): Promise<{ page: ReaderPage; tab: number; claims: number }> {
    const page = await browser.newPage();
    const url = `${server.origin}${path}`;
    await page.goto(url);
    const tab = await control.tabId(url);
    const state = await control.ready(tab, url);
    return { page, tab, claims: state.report?.claims.length ?? 0 };
  }

  for (const [width, height] of [
    [1280, 720],
    [400, 700],
  ] as const) {
    it(`fits a ${width}×${height} window on every seed claim, its claim and footer in view`, async () => {
      const { page, tab, claims } = await open('/seed');
      expect(claims).toBe(41);
      await page.setViewport({ width, height });
      const problems: string[] = [];
      for (let i = 0; i < claims; i++) {
        await control.send(tab, 'step', { direction: 'next' });
        await waitForCard(page);
        const layout = await settledLayout(page);
        expect(layout.count).toBe(`Claim ${i + 1} of 41`);
        problems.push(...layoutProblems(layout).map((p) => `claim ${i + 1}: ${p}`));
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("keeps its height and the reader's scroll while the check redraws it", async () => {
    const { page, tab } = await open('/seed');
    await page.setViewport({ width: 1280, height: 720 });
    // Claim 4: the check box, a source and a finding, taller than the room beside it at this size.
    for (let i = 0; i < 4; i++) await control.send(tab, 'step', { direction: 'next' });
    await waitForCard(page);
    await settledLayout(page);
    const read = () =>
      page.evaluateInCard((root) => {
        const dialog = root?.querySelector('[role="dialog"]');
        const body = root?.querySelector('.body');
        if (!dialog || !body) return null;
        return {
          height: dialog.getBoundingClientRect().height,
          scrollTop: body.scrollTop,
          scrolls: body.scrollHeight > body.clientHeight,
          check: root?.querySelector('.check')?.getAttribute('data-check') ?? null,
        };
      }, null);
    await page.evaluateInCard((root) => {
      const body = root?.querySelector('.body');
      if (body) body.scrollTop = 40;
    }, null);
    const before = await read();
    expect(before?.scrolls).toBe(true);
    expect(before?.scrollTop).toBe(40);
    // What the background sends while a check runs; then a state whose box is smaller.
    await control.send(tab, 'checkState', { kind: 'checking', done: 1, total: 4 });
    const during = await read();
    expect(during?.check).toBe('checking');
    expect(during?.scrollTop).toBe(40);
    expect(during?.height).toBeGreaterThanOrEqual((before?.height ?? 0) - 0.5);
    await control.send(tab, 'checkState', { kind: 'consent', origins: [] });
    const smaller = await read();
    expect(smaller?.check).toBe('consent');
    expect(smaller?.height).toBeGreaterThanOrEqual((during?.height ?? 0) - 0.5);
    await control.send(tab, 'checkState', { kind: 'idle' });
    await page.close();
  });

  it("a click on a marker opens its claim's card; a Ctrl-click, or a click with the option off, follows the link", async () => {
    const { page, claims } = await open('/extra/wiki');
    expect(claims).toBe(2);
    // The page's own view of each click: whether something stopped the link (seen after every capture listener).
    await page.evaluate(() => {
      const w = window as unknown as { prevented: boolean[] };
      w.prevented = [];
      window.addEventListener('click', (e) => w.prevented.push(e.defaultPrevented));
    }, null);
    const prevented = () =>
      page.evaluate(() => (window as unknown as { prevented: boolean[] }).prevented, null);

    let point = await markerPoint(page, 2);
    await page.click(point.x, point.y);
    await waitForCard(page);
    const layout = await settledLayout(page);
    expect(layout.count).toBe('Claim 2 of 2');
    expect(await page.evaluate(() => location.hash, null)).toBe('');
    await page.press('Escape');
    await waitForCard(page, false);
    // Back on the marker the reader clicked.
    expect(await focused(page)).toBe('a #cite_note-2');

    // Ctrl-click: the browser's own (a new tab); no card, and nothing stopped the link.
    point = await markerPoint(page, 1);
    await page.click(point.x, point.y, 'Control');
    await pause(page, 600);
    expect(await cardOpen(page)).toBe(false);
    expect(await prevented()).toEqual([true, false]);

    // The option off: a plain click follows the link to the note.
    await control.setSettings({ markerOpensCard: false });
    await page.waitFor(() => true, null);
    await pause(page, 300);
    point = await markerPoint(page, 1);
    await page.click(point.x, point.y);
    await page.waitFor(() => location.hash === '#cite_note-1', null);
    expect(await cardOpen(page)).toBe(false);
    await control.setSettings(null);
    await page.close();
  });

  it("Escape gives focus back to the claim's marker; Enter on a marker opens its card; Tab leaves the card", async () => {
    const { page } = await open('/extra/wiki');
    // A click on the sentence itself: focus was nowhere (the body), so it goes to the claim's marker link.
    const point = await pointInHighlight(page, CLAIM, 0);
    await page.click(point.x, point.y);
    await waitForCard(page);
    expect(await focused(page)).toBe('card');
    await page.press('Escape');
    await waitForCard(page, false);
    expect(await focused(page)).toBe('a #cite_note-1');

    // From the keyboard: Enter on the focused marker opens its card, with focus in it.
    await page.press('Enter');
    await waitForCard(page);
    expect((await settledLayout(page)).count).toBe('Claim 1 of 2');
    expect(await focused(page)).toBe('card');
    expect(await page.evaluate(() => location.hash, null)).toBe('');
    // A non-modal dialog: Tab goes through its controls and on out of it, never round inside it.
    const stops = await page.evaluateInCard(
      (root) => root?.querySelectorAll('a[href], button:not([disabled]), [tabindex="0"]').length ?? 0,
      null,
    );
    let left = false;
    for (let i = 0; i <= stops + 1 && !left; i++) {
      await page.press('Tab');
      left = (await focused(page)) !== 'card';
    }
    expect(left).toBe(true);
    await page.close();
  });

  it('the claim under the pointer lights up (its own highlight), and the page is left as it was', async () => {
    const { page } = await open('/seed');
    const before = await page.evaluate(() => document.documentElement.outerHTML, null);
    const claims = await readHighlight(page, CLAIM);
    const point = await pointInHighlight(page, CLAIM, 2);
    await page.hover(point.x, point.y);
    await page.waitFor((name) => CSS.highlights.has(name), HOVER);
    expect((await readHighlight(page, HOVER)).map(letters)).toEqual([letters(claims[2] ?? '')]);
    // Off the claim, into the margin: the light goes.
    await page.hover(4, point.y);
    await page.waitFor((name) => !CSS.highlights.has(name), HOVER);
    expect(await page.evaluate(() => document.documentElement.outerHTML, null)).toBe(before);
    await page.close();
  });

  it('axe-core: no violations in the card (light and dark, and its text contrast), the popup, the options and the consent page', async () => {
    const found: string[] = [];
    for (const path of ['/seed', '/seed?theme=dark']) {
      const { page, tab } = await open(path);
      // The claim with the most on its card: a finding, the check box and a source.
      for (let i = 0; i < 4; i++) await control.send(tab, 'step', { direction: 'next' });
      await waitForCard(page);
      await settledLayout(page);
      found.push(...summary(await axeCard(page)).map((v) => `card ${path}: ${v}`));
      await page.close();
    }
    const { page, tab } = await open('/seed');
    const popup = await control.openPopup(tab);
    found.push(...summary(await axePage(popup)).map((v) => `popup: ${v}`));
    if ('emulateColorScheme' in popup && typeof popup.emulateColorScheme === 'function') {
      await popup.emulateColorScheme('dark');
      found.push(...summary(await axePage(popup)).map((v) => `popup, dark: ${v}`));
    }
    await popup.close();
    found.push(...summary(await axePage(control.page)).map((v) => `options: ${v}`));
    const consent = await browser.openExtensionPage(`src/consent/index.html?tab=${tab}`, 'button.allow');
    found.push(...summary(await axePage(consent)).map((v) => `consent: ${v}`));
    await consent.close();
    await page.close();
    expect(found).toEqual([]);
  });
});
