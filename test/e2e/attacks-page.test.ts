/**
 * The page's own scripts as the attacker (issue 7, "Only the reader starts things"), in real Chromium and real
 * Firefox ESR with the build readers get. A page script can dispatch any event and walk the whole DOM; what it
 * must not be able to do is open a card, press the card's buttons (start a check, open the consent window), read
 * what the card shows, or stop the card from opening. Playwright's and Puppeteer's mouse and keyboard are the
 * reader (trusted events); `element.click()` and `dispatchEvent` from `page.evaluate` are the page (untrusted).
 *
 * Each attack succeeded against the build before the fix (run with CITELENS_DIST=<old checkout>/dist to see
 * it fail; see test/e2e/helpers/browsers.ts). The tests read the card through the automation protocol, which
 * sees closed shadow roots (test/e2e/helpers/closed-shadow.ts); everything the attacker does runs in the page.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArticlePath, startPageServer } from '../../scripts/serve-pages.mjs';
import { type BrowserName, type ExtensionBrowser, launch, type ReaderPage } from './helpers/browsers';
import {
  Control,
  cardOpen,
  clickElement,
  highlightNames,
  pointInHighlight,
  readCard,
  waitForCard,
  waitInCard,
} from './helpers/reader';

const CLAIM = 'citelens-claim';
/** Long enough for a card to open, or a check or the consent window to start, had the attack worked. */
const SETTLE_MS = 1500;

/**
 * Runs first in the page, before any content script: defines the card's old element name (its constructor takes
 * the shadow root first) and replaces `attachShadow` to keep an open copy of every shadow root made.
 */
const TRAP = `<script>
window.__stolenRoots = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, { ...init, mode: 'open' });
  window.__stolenRoots.push(root);
  return root;
};
customElements.define('citelens-card', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).textContent = 'owned by the page'; }
});
</script>`;

const seedHtml = readFileSync(seedArticlePath(), 'utf8');
const PAGES: Record<string, string> = {
  trap: seedHtml.replace(/<head[^>]*>/i, (head) => `${head}${TRAP}`),
};

const pause = (page: ReaderPage, ms: number) =>
  page.evaluate((t) => new Promise((r) => setTimeout(r, t)), ms);

describe.each<BrowserName>(['chromium', 'firefox'])('%s: attacks from the page', (browserName) => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let browser: ExtensionBrowser;
  let control: Control;

  /**
   * Opens a page in a new tab and waits for the scan. Each test has an address of its own, so that what an attack
   * did to one page (a check the old build let it start) cannot change the next test's page.
   */
  const open = async (path: string): Promise<ReaderPage> => {
    const page = await browser.newPage();
    const url = `${server.origin}${path}`;
    await page.goto(url);
    const state = await control.ready(await control.tabId(url), url);
    expect(state.report?.claims.length).toBe(41);
    return page;
  };

  /** The reader's own click on the nth claim: a trusted event. */
  const readerOpensCard = async (page: ReaderPage, index = 0) => {
    const point = await pointInHighlight(page, CLAIM, index);
    await page.click(point.x, point.y);
    await waitForCard(page);
    return point;
  };

  const consentWindows = async () =>
    (await browser.pageUrls()).filter((u) => u.startsWith(`${browser.extensionOrigin}/src/consent/`));

  beforeAll(async () => {
    server = await startPageServer({ extra: PAGES });
    browser = await launch(browserName);
    control = await Control.open(browser);
    await control.setSettings(null);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('(a) a page script clicking a claim or its marker opens no card', async () => {
    const page = await open('/seed?attack=a');
    const point = await pointInHighlight(page, CLAIM, 0);
    await page.evaluate(
      ({ x, y, name }) => {
        const range = [...(CSS.highlights.get(name) as unknown as Set<Range>)].sort((a, b) =>
          a.compareBoundaryPoints(Range.START_TO_START, b),
        )[0] as Range;
        const paragraph = range.startContainer.parentElement as HTMLElement;
        // The claim's own element, as a script clicks it.
        paragraph.click();
        // A click made to look like the reader's, at the claim's own point, and at its "[1]" marker.
        const clickAt = (cx: number, cy: number) => {
          const target = document.elementFromPoint(cx, cy) ?? document.body;
          const init = {
            bubbles: true,
            cancelable: true,
            composed: true,
            clientX: cx,
            clientY: cy,
            button: 0,
          };
          target.dispatchEvent(new PointerEvent('pointerdown', init));
          target.dispatchEvent(new MouseEvent('mousedown', init));
          target.dispatchEvent(new PointerEvent('pointerup', init));
          target.dispatchEvent(new MouseEvent('mouseup', init));
          target.dispatchEvent(new MouseEvent('click', { ...init, detail: 1, view: window }));
        };
        clickAt(x, y);
        const text = range.toString();
        const marker = document.createRange();
        const at = (range.endContainer.textContent ?? '').indexOf('[1]', range.endOffset - 5);
        if (at >= 0 && text) {
          marker.setStart(range.endContainer, at);
          marker.setEnd(range.endContainer, at + 3);
          const box = marker.getBoundingClientRect();
          clickAt(box.left + box.width / 2, box.top + box.height / 2);
        }
      },
      { x: point.x, y: point.y, name: CLAIM },
    );
    await pause(page, SETTLE_MS);
    expect(await cardOpen(page)).toBe(false);
    // The same point, clicked by the reader, opens the card: the attack aimed at the right place.
    await page.click(point.x, point.y);
    await waitForCard(page);
    await page.close();
  });

  it('(b) a page script pressing Check sources in the card the reader opened starts no check and opens no consent window', async () => {
    const page = await open('/seed?attack=b');
    await readerOpensCard(page);
    const before = await page.evaluateInCard(
      (root) => root?.querySelector('.check')?.getAttribute('data-check') ?? null,
      null,
    );
    expect(before).toBe('idle');
    // Where the button is on screen (a page could guess it): the attacker clicks there too.
    const button = await page.evaluateInCard((root) => {
      const r = root?.querySelector('button.check-sources')?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }, null);
    expect(button).not.toBeNull();
    const pressed = await page.evaluate(
      (at) => {
        let reached = 0;
        const roots = [...document.querySelectorAll('*')]
          .map((el) => el.shadowRoot)
          .filter((r): r is ShadowRoot => r !== null);
        for (const root of roots) {
          for (const b of root.querySelectorAll('button')) {
            if (!/check sources/i.test(b.textContent ?? '')) continue;
            b.click();
            b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
            reached++;
          }
        }
        const target = document.elementFromPoint(at.x, at.y);
        const init = {
          bubbles: true,
          cancelable: true,
          composed: true,
          clientX: at.x,
          clientY: at.y,
          button: 0,
        };
        target?.dispatchEvent(new MouseEvent('click', init));
        (document.activeElement as HTMLElement | null)?.click();
        return reached;
      },
      button as { x: number; y: number },
    );
    await pause(page, SETTLE_MS);
    const after = await page.evaluateInCard(
      (root) => root?.querySelector('.check')?.getAttribute('data-check') ?? null,
      null,
    );
    expect({ pressed, after, consent: await consentWindows() }).toEqual({
      pressed: 0,
      after: 'idle',
      consent: [],
    });
    await page.close();
  });

  it('(c) a page script reads nothing of the card: no shadowRoot, no stolen root, no text on any path', async () => {
    const page = await open('/seed?attack=c');
    // Installed after load, but before the reader's first card: every shadow root made from now on is copied, and
    // every event's path is walked.
    await page.evaluate(() => {
      const w = window as unknown as { __stolen: string[] };
      w.__stolen = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = attach.call(this, { ...init, mode: 'open' });
        setTimeout(() => w.__stolen.push(root.textContent ?? ''), 200);
        return root;
      };
      for (const type of ['click', 'focusin', 'keydown', 'pointerdown']) {
        window.addEventListener(
          type,
          (event) => {
            // Nodes outside the page's own <body> text: the card's, if the path lets them through.
            for (const node of event.composedPath()) {
              if (!(node instanceof Node) || document.body.contains(node)) continue;
              if (node === document.documentElement || node === document) continue;
              // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a reader would see
              w.__stolen.push(node instanceof HTMLElement ? node.innerText : (node.textContent ?? ''));
            }
          },
          true,
        );
      }
    }, null);
    await readerOpensCard(page);
    const card = await readCard(page);
    expect(card.claim.length).toBeGreaterThan(20);
    // The reader moves on in the card: a trusted click inside it, which the page's listeners see go by.
    await clickElement(page, 'card >>> button.next');
    await page.evaluateInCard((root) => root?.querySelector('.foot .count')?.textContent, null);
    const next = await readCard(page);
    expect(next.position).toBe('Claim 2 of 41');

    const got = await page.evaluate(() => {
      const found: string[] = [...(window as unknown as { __stolen: string[] }).__stolen];
      const take = (text: string | null | undefined) => {
        if (text) found.push(text);
      };
      for (const el of document.querySelectorAll('*')) {
        take(el.shadowRoot?.textContent);
        take(el.shadowRoot?.innerHTML);
      }
      take(document.querySelector('citelens-card')?.textContent);
      // Whatever hangs from <html> beside <head> and <body>.
      for (const el of document.documentElement.children) {
        if (el === document.head || el === document.body) continue;
        take(el.textContent);
        take(el.innerHTML);
        // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a reader would see
        take((el as HTMLElement).innerText);
        try {
          take(el.attachShadow({ mode: 'open' }).textContent);
        } catch {
          // Already a host: its root stays closed.
        }
      }
      for (const el of document.body.children) take(el.shadowRoot?.textContent);
      // Focus is in the card: the page sees its host as the active element.
      const active = document.activeElement;
      if (active instanceof HTMLElement && !document.body.contains(active)) {
        // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a reader would see
        take(active.innerText);
        take(active.shadowRoot?.textContent);
      }
      take(window.getSelection()?.toString());
      return found.join('\n');
    }, null);
    // Text only the card holds: its title, its position line, its button; and the claim it shows.
    for (const secret of ['Cited claim', 'Claim 2 of 41', 'Check sources', next.claim.slice(0, 40)]) {
      expect(got).not.toContain(secret);
    }
    // The card is there for the reader all along.
    expect(await cardOpen(page)).toBe(true);
    // Nor do the page's highlights say anything but "a cited claim" and "the claim whose card is open".
    expect((await highlightNames(page)).sort()).toEqual(['citelens-active', CLAIM]);
    await page.close();
  });

  it('(d) a page that defined citelens-card and replaced attachShadow first: the reader still gets a working card, and the page none of it', async () => {
    const page = await open('/extra/trap');
    expect(await page.evaluate(() => !!customElements.get('citelens-card'), null)).toBe(true);
    await readerOpensCard(page);
    const card = await readCard(page);
    expect(card.position).toBe('Claim 1 of 41');
    expect(card.claim.length).toBeGreaterThan(20);
    await clickElement(page, 'card >>> button.next');
    // The card follows the reader to the next claim (a smooth scroll): wait for it to get there.
    await waitInCard(
      page,
      (root) => root?.querySelector('.foot .count')?.textContent === 'Claim 2 of 41',
      null,
    );
    const stolen = await page.evaluate(
      () =>
        (window as unknown as { __stolenRoots: ShadowRoot[] }).__stolenRoots.map((r) => r.textContent ?? ''),
      null,
    );
    expect(stolen.join('\n')).not.toContain('Cited claim');
    await page.press('Escape');
    await waitForCard(page, false);
    await page.close();
  });

  it('(e) synthetic keys from a page script open nothing, and close nothing the reader opened', async () => {
    const page = await open('/seed?attack=e');
    await page.evaluate((name) => {
      const range = [...(CSS.highlights.get(name) as unknown as Set<Range>)][0] as Range;
      const paragraph = range.startContainer.parentElement as HTMLElement;
      // The attacker may change its own page: the claim's paragraph made focusable and focused.
      paragraph.tabIndex = 0;
      paragraph.focus();
      const keys: KeyboardEventInit[] = [
        { key: 'Enter', code: 'Enter' },
        { key: ' ', code: 'Space' },
        // The extension's keyboard commands (next and previous claim, the popup).
        { key: '.', code: 'Period', altKey: true, shiftKey: true },
        { key: ',', code: 'Comma', altKey: true, shiftKey: true },
        { key: 'L', code: 'KeyL', altKey: true, shiftKey: true },
      ];
      for (const key of keys) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          const init = { ...key, bubbles: true, cancelable: true, composed: true };
          paragraph.dispatchEvent(new KeyboardEvent(type, init));
          document.dispatchEvent(new KeyboardEvent(type, init));
        }
      }
    }, CLAIM);
    await pause(page, SETTLE_MS);
    expect(await cardOpen(page)).toBe(false);

    // The reader opens a card; the page's synthetic Escape must not take it away.
    await readerOpensCard(page, 1);
    await page.evaluate(() => {
      const init = { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true, composed: true };
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', init));
      document.body.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keydown', init));
    }, null);
    await pause(page, SETTLE_MS);
    expect(await cardOpen(page)).toBe(true);
    // The reader's own Escape still closes it.
    await page.press('Escape');
    await waitForCard(page, false);
    await page.close();
  });
});
