/**
 * What a reader (and the tests) can see of CiteLens: the highlights registered in `CSS.highlights`, the claim
 * card in its shadow root, the popup, and the messages the keyboard commands send. Functions passed to
 * `evaluate` run in the browser and must not use anything from this module's scope.
 */
import type { MessageMap, MessageType, PageState } from '../../../src/shared/messages';
import type { Settings } from '../../../src/shared/settings';
import type { ExtensionBrowser, ReaderPage } from './browsers';

export interface HighlightRange {
  text: string;
  /** The centre of the range's first line box, in viewport coordinates (after scrolling it into view). */
  rects: { x: number; y: number; width: number; height: number }[];
}

/** The text of every range of a named highlight, in document order. */
export function readHighlight(page: ReaderPage, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    const ranges = [...(highlight as unknown as Set<Range>)].filter((r): r is Range => r instanceof Range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    // A formula drawn as an image sits between two ranges of its sentence: read its alt text there, as the core does.
    return ranges.map((r, i) => {
      const next = ranges[i + 1];
      if (!next) return r.toString();
      const gap = document.createRange();
      gap.setStart(r.endContainer, r.endOffset);
      gap.setEnd(next.startContainer, next.startOffset);
      // Only a short gap: the formula's hidden MathML copy is text too, so the gap's own text cannot be the test.
      if (gap.toString().length > 2000) return r.toString();
      const images = [...gap.cloneContents().querySelectorAll('img[alt][class*="math"]')];
      // The core reads `{\displaystyle x}` as `x`: the wrapper is a rendering instruction no reader sees.
      const alt = (img: Element) =>
        (img.getAttribute('alt') ?? '').trim().replace(/^\{\\displaystyle\s*(.*)\}$/s, '$1');
      return r.toString() + images.map(alt).join('');
    });
  }, name);
}

/** The names in `CSS.highlights`. */
export function highlightNames(page: ReaderPage): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()], null);
}

/** Scrolls the nth range (document order) of a highlight to the middle of the screen; returns a point inside it. */
export function pointInHighlight(
  page: ReaderPage,
  name: string,
  index: number,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ highlightName, i }) => {
      const highlight = CSS.highlights.get(highlightName);
      const ranges = [...((highlight ?? new Set()) as unknown as Set<Range>)];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[i];
      if (!range) throw new Error(`no range ${i} in ${highlightName}`);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      // The middle of the widest line box that holds no link (a click on a link must follow it instead).
      const links = [...document.querySelectorAll('a[href]')].flatMap((a) => [...a.getClientRects()]);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 4).sort((a, b) => b.width - a.width);
      for (const box of boxes) {
        for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height / 2;
          const onLink = links.some((l) => x >= l.left && x <= l.right && y >= l.top && y <= l.bottom);
          if (!onLink) return { x, y };
        }
      }
      throw new Error(`no clickable point in range ${i}`);
    },
    { highlightName: name, i: index },
  );
}

export interface CardView {
  open: boolean;
  role: string | null;
  label: string | null;
  focusInside: boolean;
  claim: string;
  position: string;
  sources: { label: string; title: string; href: string | null; rel: string | null; meta: string }[];
  findings: string[];
  /** The card's box and whether it overlaps the claim's first line (it must not cover it). */
  box: { top: number; bottom: number; left: number; right: number } | null;
}

/** Whether a card is open (its dialog is in the card's shadow root). */
export function cardOpen(page: ReaderPage): Promise<boolean> {
  return page.evaluateInCard((root) => !!root?.querySelector('[role="dialog"]'), null);
}

/** Waits until a card is open (or, with `open` false, until none is). */
export async function waitForCard(page: ReaderPage, open = true, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await cardOpen(page)) !== open) {
    if (Date.now() > until) throw new Error(`the card did not ${open ? 'open' : 'close'} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls a function over the card's shadow root until it returns something truthy. */
export async function waitInCard<A>(
  page: ReaderPage,
  fn: (root: ShadowRoot | null, arg: A) => unknown,
  arg: A,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluateInCard(fn, arg))) {
    if (Date.now() > until) throw new Error(`nothing in the card after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function readCard(page: ReaderPage): Promise<CardView> {
  return page.evaluateInCard((root) => {
    const dialog = root?.querySelector('[role="dialog"]');
    const host = root?.host;
    if (!root || !host || !dialog) {
      return {
        open: false,
        role: null,
        label: null,
        focusInside: false,
        claim: '',
        position: '',
        sources: [],
        findings: [],
        box: null,
      };
    }
    const labelId = dialog.getAttribute('aria-labelledby');
    const r = dialog.getBoundingClientRect();
    return {
      open: true,
      role: dialog.getAttribute('role'),
      label: labelId
        ? (root.getElementById(labelId)?.textContent ?? null)
        : dialog.getAttribute('aria-label'),
      focusInside: document.activeElement === host,
      claim: dialog.querySelector('.claim')?.textContent ?? '',
      position: dialog.querySelector('.foot .count')?.textContent ?? '',
      sources: [...dialog.querySelectorAll('li.source')].map((li) => {
        const a = li.querySelector('a.title');
        return {
          label: li.querySelector('.label')?.textContent ?? '',
          title: li.querySelector('.title')?.textContent ?? '',
          href: a?.getAttribute('href') ?? null,
          rel: a?.getAttribute('rel') ?? null,
          meta: li.querySelector('.meta')?.textContent ?? '',
        };
      }),
      findings: [...dialog.querySelectorAll('li.finding strong')].map((s) => s.textContent ?? ''),
      box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
    };
  }, null);
}

// ---------------------------------------------------------------- the extension's side, from one of its pages

/** The little of the WebExtension API the control page uses (`browser` in Firefox, `chrome` in Chromium). */
interface ExtensionApi {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: { sync: { set(items: object): Promise<void>; clear(): Promise<void> } };
}
interface ExtensionGlobals {
  browser?: ExtensionApi;
  chrome?: ExtensionApi;
}

/**
 * An extension page kept open to do what the browser's own UI would: find tabs, send the keyboard commands'
 * message, change settings. It talks to the content script with the very message envelope the extension uses.
 */
export class Control {
  private constructor(
    readonly page: ReaderPage,
    private readonly browser: ExtensionBrowser,
  ) {}

  static async open(browser: ExtensionBrowser): Promise<Control> {
    return new Control(await browser.openExtensionPage('src/options/index.html', 'main h1'), browser);
  }

  /**
   * The id of the (first) tab whose address is `url`. CiteLens holds no host permission, so the browser may
   * withhold tabs' addresses: each tab's content script is asked for its page's address instead.
   */
  async tabId(url: string, timeoutMs = 10_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const id = await this.page.evaluate(
        async ({ wanted, envelope }) => {
          const g = globalThis as unknown as ExtensionGlobals;
          const api = (g.browser ?? g.chrome) as ExtensionApi;
          const tabs = await api.tabs.query({});
          const named = tabs.find((t) => t.url === wanted);
          if (named?.id !== undefined) return named.id;
          for (const tab of tabs) {
            if (tab.id === undefined) continue;
            const state = (await api.tabs
              .sendMessage(tab.id, envelope, { frameId: 0 })
              .catch(() => null)) as { url?: string } | null;
            if (state?.url === wanted) return tab.id;
          }
          return null;
        },
        { wanted: url, envelope: { citelens: 'getPageState', data: {} } },
      );
      if (id !== null) return id;
      if (Date.now() > until) throw new Error(`no tab at ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The control page's own tab: an extension page, which no extension may script. */
  async ownTabId(): Promise<number> {
    const id = await this.page.evaluate(async () => {
      const g = globalThis as unknown as ExtensionGlobals;
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      return (await api.tabs.getCurrent())?.id ?? null;
    }, null);
    if (id === null) throw new Error('the control page has no tab');
    return id;
  }

  async send<K extends MessageType>(
    tabId: number,
    type: K,
    data: MessageMap[K]['request'],
  ): Promise<MessageMap[K]['response']> {
    return this.page.evaluate(
      async ({ tab, envelope }) => {
        const g = globalThis as unknown as ExtensionGlobals;
        const api = (g.browser ?? g.chrome) as ExtensionApi;
        return (await api.tabs.sendMessage(tab, envelope, { frameId: 0 })) as MessageMap[K]['response'];
      },
      { tab: tabId, envelope: { citelens: type, data } },
    );
  }

  /** Waits until the content script of a tab (at `url`, when given) has finished its scan. */
  async ready(tabId: number, url?: string, timeoutMs = 20_000): Promise<PageState> {
    const until = Date.now() + timeoutMs;
    let last: unknown = null;
    while (Date.now() < until) {
      try {
        const state = await this.send(tabId, 'getPageState', {});
        if (state.status !== 'scanning' && (url === undefined || state.url === url)) return state;
        last = state.status;
      } catch (error) {
        last = error; // the content script is not there yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`tab ${tabId}: no finished scan after ${timeoutMs} ms (last: ${String(last)})`);
  }

  async setSettings(patch: Partial<Settings> | null): Promise<void> {
    await this.page.evaluate(async (p) => {
      const g = globalThis as unknown as ExtensionGlobals;
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      if (p === null) await api.storage.sync.clear();
      else await api.storage.sync.set(p);
    }, patch);
  }

  openPopup(tabId: number): Promise<ReaderPage> {
    return this.browser.openExtensionPage(
      `src/popup/index.html?tab=${tabId}`,
      '.popup:not([data-state="loading"])',
    );
  }
}

/**
 * A point in the card once the card has stopped moving. The card is fixed beside its claim and follows it, so
 * scrolling the page moves the card after the point was read: the element is scrolled only when it is out of
 * view ("nearest", which scrolls the card's own overflow first), then measured until two readings agree.
 */
async function settledInCard(page: ReaderPage, selector: string): Promise<{ x: number; y: number } | null> {
  const measure = (root: ShadowRoot | null, arg: { sel: string; scroll: boolean }) => {
    const el = root?.querySelector(arg.sel);
    if (!(el instanceof Element)) return null;
    let r = el.getBoundingClientRect();
    const inView = r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    if (!inView && arg.scroll) {
      el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      r = el.getBoundingClientRect();
    }
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, inView };
  };
  let last = await page.evaluateInCard(measure, { sel: selector, scroll: true });
  for (let i = 0; i < 30 && last; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await page.evaluateInCard(measure, { sel: selector, scroll: i % 5 === 4 });
    if (now?.inView && now.x === last.x && now.y === last.y) return now;
    last = now;
  }
  return last;
}

/**
 * Clicks an element with the real mouse (a trusted click: `permissions.request` accepts nothing else), after
 * scrolling it into view. `selector` may reach into the card's closed shadow root as "card >>> .x".
 */
export async function clickElement(page: ReaderPage, selector: string): Promise<void> {
  const inCard = selector.startsWith('card >>> ') ? selector.slice('card >>> '.length) : null;
  const point = inCard
    ? await settledInCard(page, inCard)
    : await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        if (!(el instanceof Element)) return null;
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, selector);
  if (!point) throw new Error(`nothing to click at ${selector}`);
  await page.click(point.x, point.y);
}

// ---------------------------------------------------------------- comparing highlights with a reader's claims

/** Letters only, lower case, citation brackets dropped: highlight text and claim text compare on this. */
export function letters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\[[^\]]{0,40}\]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

export interface Coverage {
  expected: number;
  highlighted: number;
  missed: string[];
  /** Share of the highlighted letters that lie outside every expected claim. */
  outside: number;
}

/** How far the highlighted text covers the expected claims, and how much of it lies outside them. */
export function coverage(highlights: readonly string[], expectedClaims: readonly string[]): Coverage {
  const all = letters(highlights.join('\n'));
  const covered = new Uint8Array(all.length);
  const missed: string[] = [];
  let cursor = 0;
  for (const claim of expectedClaims) {
    const key = letters(claim);
    if (key === '') continue;
    let at = all.indexOf(key, cursor);
    if (at < 0) at = all.indexOf(key);
    if (at < 0) {
      missed.push(claim);
      continue;
    }
    covered.fill(1, at, at + key.length);
    cursor = at + key.length;
  }
  const inside = covered.reduce((n, c) => n + c, 0);
  return {
    expected: expectedClaims.length,
    highlighted: expectedClaims.length - missed.length,
    missed,
    outside: all.length === 0 ? 0 : (all.length - inside) / all.length,
  };
}

/** The page as a reader sees it: its text and the box of every paragraph. */
export interface PageLayout {
  text: string;
  paragraphs: string[];
}

export function readLayout(page: ReaderPage): Promise<PageLayout> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    return {
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is the point
      text: document.body?.innerText ?? '',
      paragraphs: [...document.querySelectorAll('p')].map((p) => {
        const r = p.getBoundingClientRect();
        return `${r.x.toFixed(2)},${r.y.toFixed(2)},${r.width.toFixed(2)},${r.height.toFixed(2)}`;
      }),
    };
  }, null);
}

/**
 * Ranges of one highlight that do not lie in a page's running text: inside navigation, a header, a footer or an
 * aside (by tag or ARIA role), or not rendered at all; and ranges that overlap another highlight (a claim is
 * marked once). Each as its first 80 characters with the reason.
 */
export function rangesOutsideProse(page: ReaderPage, name: string, other: string): Promise<string[]> {
  return page.evaluate(
    ({ highlightName, otherName }) => {
      const list = (n: string) => [...((CSS.highlights.get(n) ?? new Set()) as unknown as Set<Range>)];
      const others = list(otherName);
      const bad: string[] = [];
      for (const range of list(highlightName)) {
        const text = range.toString().replace(/\s+/g, ' ').trim().slice(0, 80);
        const node = range.commonAncestorContainer;
        const element = node instanceof Element ? node : node.parentElement;
        const around = element?.closest(
          'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]',
        );
        if (!element || !document.body.contains(element)) bad.push(`not in the body: ${text}`);
        else if (around) bad.push(`in <${around.localName}>: ${text}`);
        else if (range.getClientRects().length === 0) bad.push(`not rendered: ${text}`);
        const overlaps = others.some(
          (o) =>
            o.compareBoundaryPoints(Range.END_TO_START, range) < 0 &&
            o.compareBoundaryPoints(Range.START_TO_END, range) > 0,
        );
        if (overlaps) bad.push(`also under ${otherName}: ${text}`);
      }
      return bad;
    },
    { highlightName: name, otherName: other },
  );
}
