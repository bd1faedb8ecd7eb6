/**
 * Whether a page can hold anything CiteLens highlights, in a few native queries and no layout read: the test that
 * lets a page without citations cost (almost) nothing. It may answer "maybe" for a page that has nothing (the scan
 * then finds nothing), never "no" for a page that has something: every hint here is looser than what the scanner
 * (markers) and the linked-claims finder (links to another site from the article's prose) go on to accept.
 *
 * Two hints:
 *  - markers: a superscript, a sidenote number, a footnote-ish element, a same-page link that reads as a marker,
 *    or a bracketed run that reads as one or a superscript digit in the text the reader sees (text inside
 *    scripts, styles and code does not count: inline JSON and scripts are full of brackets);
 *  - linked claims: a link in a paragraph, list item or quote, outside navigation, header, footer and asides, to
 *    another host than the page's, with some text of its block around it (a menu item is all link).
 */

import { parseMarkerLabel } from './markers/labels';

export interface HintOptions {
  /** The page's address: links to its host are not citations (unless `countOwnSiteLinks`). */
  pageUrl?: string | null;
  /**
   * The address the page declares for itself (canonical, og:url): its host is the page's own too, for a copy
   * served from elsewhere (a mirror, a cache, a saved page), as the linked-claims finder takes it. Or a function
   * that reads it: called only once a link to another host than the page's needs it (three queries of the head
   * saved on every page whose prose links nowhere else).
   */
  declaredUrl?: string | null | (() => string | null);
  /** Links to the page's own site count too (relative ones included). */
  countOwnSiteLinks?: boolean;
}

/** Subtrees whose text the scanner never reads as prose (src/core/dom/skip.ts; `pre` stays: RFCs are prose in it). */
const NOT_PROSE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'kbd',
  'samp',
  'var',
  'tt',
  'math',
  'svg',
  'textarea',
  'select',
  'button',
  'iframe',
  'object',
  'canvas',
]);
const NOT_PROSE_SELECTOR = [...NOT_PROSE].join(', ');
/** The part of them whose text is raw text, where inline JSON and code put their brackets: few elements, most text. */
const RAW_TEXT_SELECTOR = 'script, style, noscript, template, textarea';

/** Sidenote numbers (src/core/markers/element-markers.ts): a search form's `label[for]` is none. */
const SIDENOTE_NUMBER =
  /(?:^|\s)(?:sidenote-number|footnote-number|margin-toggle|footref|sidenote-ref|sn-ref)(?:\s|$)/;
const INLINE_FOOTNOTE = /(?:^|\s)inline-footnote(?:\s|$)/i;

/**
 * A bracketed run in one text node whose inside reads as a marker's label ("[1]", "[a]", "[note 3]", "[RFC2119]",
 * "[citation needed]"; not "[…]", "[sic]", "[These were]"), or a superscript digit.
 */
const BRACKET_RUN = /\[([^[\]]+)\]/g;
const SUPERSCRIPT_DIGIT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
/** The opening of a located reference whose link follows in the next node: "[HTTP, <a>section 7.2</a>]". */
const LOCATED_OPENING = /\[[A-Za-z][\w.+\-:/]{0,40},[^[\]]{0,30}$/;

function isLabel(inner: string): boolean {
  const folded = inner.replace(/\s+/g, ' ').trim();
  return /^citation needed$/i.test(folded) || parseMarkerLabel(folded, true) !== null;
}

/** The markers of pages written without spaces (［1］ 〔1〕 ※1 *1 注1 (1)), as loosely as the scanner's own gate had them. */
const UNSPACED_MARKER = /[［〔※]|[。！？．][(（注]|[*＊][0-9０-９]/;
/**
 * The first character of anything `textMightCite` looks for: a text without one of these cannot cite. One
 * character, not a pattern, so that it survives any cutting of a text into pieces (see `proseMightCite`).
 */
const MIGHT_CITE_CHARACTER = /[[⁰¹²³⁴⁵⁶⁷⁸⁹［〔※。！？．*＊]/;

/** Whether one text node's text can hold a marker. */
export function textMightCite(data: string): boolean {
  if (SUPERSCRIPT_DIGIT.test(data) || UNSPACED_MARKER.test(data)) return true;
  if (!data.includes('[')) return false;
  BRACKET_RUN.lastIndex = 0;
  for (let match = BRACKET_RUN.exec(data); match; match = BRACKET_RUN.exec(data))
    if (isLabel(match[1] ?? '')) return true;
  return LOCATED_OPENING.test(data);
}

/** A same-page link that reads as a marker: "1", "[12]", "a", "note 3" (not "0 comments", "Back to top"). */
function isMarkerSizedLink(link: Element): boolean {
  const text = link.textContent ?? '';
  return (
    text.length <= 14 &&
    (/[0-9[]|^\s*[a-z]{1,2}\s*$/i.test(text) || (NOT_ASCII.test(text) && /\p{N}/u.test(text))) &&
    parseMarkerLabel(text.replace(/\s+/g, ' '), true) !== null
  );
}
/** Outside ASCII, where a digit can be other than 0-9: the Unicode class (dear to compile) is needed only there. */
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * Markers that name their note instead of linking to it (src/core/markers/named-notes.ts): a marker-sized button,
 * link or span with `aria-controls`/`aria-describedby`/`popovertarget`/`onclick`, a `<details>` whose summary is one.
 */
const NOTE_TRIGGERS = 'details, [aria-controls], [aria-describedby], [popovertarget], [onclick]';
/** Boxes that hold a note's text beside its marker: tooltips, popovers, footnote spans (the walk's hint too). */
const NOTE_BOXES = '[role="tooltip"], [popover], [class*="footnote"], [class*="tooltip"], [class~="fn"]';

function isNoteTrigger(el: Element): boolean {
  if (el.localName === 'details') {
    const summary = el.querySelector('summary');
    return !!summary && isMarkerSizedLink(summary);
  }
  return isMarkerSizedLink(el);
}

/** Where a link can be a claim's citation: in running text. */
const PROSE_BLOCK = 'p, li, blockquote';
/** Parts around an article, whose links cite nothing. */
const AROUND =
  'nav, header, footer, aside, menu, dialog, [role="navigation"], [role="banner"], [role="contentinfo"]';

/** The host of an absolute or protocol-relative link, lower case, without `www.`; '' for any other link. */
function hostOf(href: string): string {
  const match = /^\s*(?:https?:)?\/\/([^/?#:@\s]+)/i.exec(href);
  return match ? (match[1] as string).toLowerCase().replace(/^www\./, '') : '';
}

/** The page's own hosts: its address's, and the one it declares, read only when a link's host is not the first. */
class OwnHosts {
  private readonly page: string;
  private declared: string | undefined;

  constructor(private readonly options: HintOptions) {
    this.page = hostOf(options.pageUrl ?? '');
  }

  has(host: string): boolean {
    if (host === this.page) return true;
    if (this.declared === undefined) {
      const declared = this.options.declaredUrl;
      this.declared = hostOf((typeof declared === 'function' ? declared() : declared) ?? '');
    }
    return host === this.declared;
  }
}

/** Whether `link` can cite another page from running text. */
function isProseLinkOut(
  link: Element,
  href: string,
  ownHosts: OwnHosts,
  countOwnSiteLinks: boolean,
): boolean {
  const host = hostOf(href);
  if (countOwnSiteLinks) {
    if (!host && /^\s*(?:#|javascript:|mailto:|tel:|data:)/i.test(href)) return false;
  } else if (!host || ownHosts.has(host)) return false;
  const block = link.closest(PROSE_BLOCK);
  if (!block || link.closest(AROUND)) return false;
  const linkText = (link.textContent ?? '').trim().length;
  return linkText > 0 && (block.textContent ?? '').trim().length > linkText;
}

export interface HintWalkOptions extends HintOptions {
  /** Look for marker hints (default true). */
  markers?: boolean;
  /** Look for linked-claim hints (default true). */
  links?: boolean;
}

/**
 * The test as one walk over `root` in document order, visiting each node once, stopping at the first hint, never
 * descending into scripts, styles or code: a page whose first paragraph cites answers at once, and a huge page
 * without citations is walked in steps a caller can spread over tasks.
 */
export class HintWalk {
  private next: Node | null;
  private readonly ownHosts: OwnHosts;
  private readonly markers: boolean;
  private readonly links: boolean;

  constructor(
    private readonly root: Element,
    private readonly options: HintWalkOptions = {},
  ) {
    this.next = root;
    this.ownHosts = new OwnHosts(options);
    this.markers = options.markers ?? true;
    this.links = options.links ?? true;
  }

  /** Visits up to `budget` nodes: true at a hint ("maybe"), false when the whole root has none, null: not done. */
  step(budget: number): boolean | null {
    let node = this.next;
    // The page removed the part the walk was in: start again, rather than miss the rest.
    if (node && node !== this.root && !this.root.contains(node)) node = this.root;
    for (let visited = 0; node && visited < budget; visited++) {
      let skipChildren = false;
      if (node.nodeType === 1) {
        const el = node as Element;
        if (this.markers && el.matches(NOTE_TRIGGERS) && isNoteTrigger(el)) return true;
        if (this.markers && el.matches(NOTE_BOXES)) return true;
        if (NOT_PROSE.has(el.localName)) skipChildren = true;
        else if (this.elementHint(el)) return true;
      } else if (
        // Text, and CDATA sections (XHTML pages), which `textContent` joins too.
        (node.nodeType === 3 || node.nodeType === 4) &&
        this.markers &&
        textMightCite((node as CharacterData).data)
      )
        return true;
      node = nextNode(node, this.root, skipChildren);
    }
    this.next = node;
    return node ? null : false;
  }

  /** Runs the walk to its end. */
  run(): boolean {
    for (;;) {
      const answer = this.step(4096);
      if (answer !== null) return answer;
    }
  }

  private elementHint(el: Element): boolean {
    const tag = el.localName;
    if (this.markers) {
      if (tag === 'sup' || el.getAttribute('role') === 'doc-noteref') return true;
      if (tag === 'label' && SIDENOTE_NUMBER.test(el.getAttribute('class') ?? '')) return true;
      if (tag === 'span' && INLINE_FOOTNOTE.test(el.getAttribute('class') ?? '')) return true;
    }
    if (tag !== 'a') return false;
    const href = el.getAttribute('href');
    if (href === null) return false;
    if (this.markers && href.includes('#') && isMarkerSizedLink(el)) return true;
    return this.links && isProseLinkOut(el, href, this.ownHosts, this.options.countOwnSiteLinks ?? false);
  }
}

/** Next node in document order under `root`, not descending into `node` when `skipChildren`. */
function nextNode(node: Node, root: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/** Elements that are a marker (or hold one) by their markup alone, as the walk takes them, or a note's box. */
const MARKER_ELEMENTS = `sup, [role="doc-noteref"], span[class~="inline-footnote" i], label.sidenote-number, label.footnote-number, label.margin-toggle, label.footref, label.sidenote-ref, label.sn-ref, ${NOTE_BOXES}`;
/** Note triggers and same-page links: a marker if their text reads as one. */
const MARKER_SIZED = `${NOTE_TRIGGERS}, a[href*="#"]`;
/**
 * Links that `isProseLinkOut` may take, as a selector: in a paragraph, list item or quote, not inside navigation,
 * header, footer or an aside (a news page's menus are hundreds of links in list items: none of them comes back to
 * script), with a host (`//`) unless links to the page's own site count.
 */
const NOT_AROUND = `:not(${AROUND.split(', ')
  .map((part) => `${part} a`)
  .join(', ')})`;
const PROSE_LINKS = PROSE_BLOCK.split(', ')
  .map((block) => `${block} a[href]${NOT_AROUND}`)
  .join(', ');
const PROSE_LINKS_OUT = PROSE_BLOCK.split(', ')
  .map((block) => `${block} a[href*="//"]${NOT_AROUND}`)
  .join(', ');

/** Whether `root` or an element under it matches `selector`. */
function selfOrBelow(root: Element, selector: string): boolean {
  return root.matches(selector) || root.querySelector(selector) !== null;
}

/** `root` itself if it matches `selector`, then the elements under it that do. */
function selfAndBelow(root: Element, selector: string): Element[] {
  const below = Array.from(root.querySelectorAll(selector));
  return root.matches(selector) ? [root, ...below] : below;
}

/**
 * The text of `root` outside the elements `selector` matches, in pieces: their text cut out of the whole, found by
 * position from the last cut. A cut may land on an equal stretch of text earlier than the element's own; what is
 * left still holds exactly the characters of the text outside them, each as often, which is all a test for one
 * character needs.
 */
function textOutside(root: Element, all: string, selector: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  let last: Element | null = null;
  // Document order, as in textContent: an element inside the last one cut out is gone already.
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (last?.contains(el)) continue;
    last = el;
    const text = el.textContent ?? '';
    if (!text) continue;
    const found = all.indexOf(text, at);
    if (found < 0) continue;
    pieces.push(all.slice(at, found));
    at = found + text.length;
  }
  pieces.push(all.slice(at));
  return pieces;
}

/**
 * Whether a text node of `root` outside scripts, styles and code can hold a marker (`textMightCite`, as the walk
 * tests it), from the cheapest look to the dearest, each needed only when the one before found a character that
 * can start a marker:
 *  1. the whole text, one native read (a page without inline scripts in its body ends here);
 *  2. the whole text less the raw text of scripts and styles (few elements; inline JSON is most of a news page's
 *     text, and full of brackets);
 *  3. each text node outside scripts, styles and code that holds such a character, tested as the walk tests it.
 */
function proseMightCite(root: Element): boolean {
  const all = root.textContent ?? '';
  if (!MIGHT_CITE_CHARACTER.test(all)) return false;
  if (!textOutside(root, all, RAW_TEXT_SELECTOR).some((piece) => MIGHT_CITE_CHARACTER.test(piece)))
    return false;
  const doc = root.ownerDocument;
  // Text and CDATA sections (XHTML pages), NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION.
  const texts = doc.createTreeWalker(root, 4 | 8);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const data = (node as CharacterData).data;
    if (
      MIGHT_CITE_CHARACTER.test(data) &&
      !node.parentElement?.closest(NOT_PROSE_SELECTOR) &&
      textMightCite(data)
    )
      return true;
  }
  return false;
}

/**
 * The same test as `HintWalk` in a few native queries, whose matches alone come back to script: from a content
 * script's isolated world far cheaper than the walk on a page of ordinary size (the walk makes that world a
 * wrapper for every node it visits), though each query is one pass over the page. Never "no" where the walk says
 * "maybe" (each query is looser than the walk's test it stands for), `root` itself included.
 */
export function quickTest(root: Element, options: HintWalkOptions = {}): boolean {
  if (options.markers ?? true) {
    if (selfOrBelow(root, MARKER_ELEMENTS)) return true;
    for (const el of selfAndBelow(root, MARKER_SIZED)) if (isNoteTrigger(el)) return true;
    if (proseMightCite(root)) return true;
  }
  if (options.links ?? true) {
    const ownHosts = new OwnHosts(options);
    const countOwnSiteLinks = options.countOwnSiteLinks ?? false;
    for (const link of selfAndBelow(root, countOwnSiteLinks ? PROSE_LINKS : PROSE_LINKS_OUT)) {
      const href = link.getAttribute('href') ?? '';
      if (isProseLinkOut(link, href, ownHosts, countOwnSiteLinks)) return true;
    }
  }
  return false;
}

/** Whether `root` or anything under it can be a citation marker. */
export function mightHaveMarkers(root: Element): boolean {
  return new HintWalk(root, { links: false }).run();
}

/** Whether `root` (or an element above it, for a link added inside a paragraph) can hold a linked claim. */
export function mightHaveLinkedClaims(root: Element, options: HintOptions = {}): boolean {
  return new HintWalk(root, { ...options, markers: false }).run();
}

/** Whether a page can hold anything to highlight: markers or links from its prose to other sites. */
export function mightHaveCitations(doc: Document, options: HintOptions = {}): boolean {
  return doc.body ? new HintWalk(doc.body, options).run() : false;
}

/**
 * Whether content that arrived later can hold something to highlight: an added element (the native test over it,
 * not a walk: an infinite scroll adds whole story lists), or an added or changed text node (whose paragraph may now
 * be prose around an outside link). Nodes inside code, scripts and styles, and text without a hint, are nothing: a
 * ticker or a clock costs one regular expression and one `closest` per change.
 */
export function addedNodeMightCite(node: Node, options: HintOptions = {}): boolean {
  if (node.nodeType === 1) {
    const el = node as Element;
    return !el.closest(NOT_PROSE_SELECTOR) && quickTest(el, options);
  }
  if (node.nodeType !== 3) return false;
  const parent = node.parentElement;
  if (!parent) return false;
  if (textMightCite((node as Text).data)) return !parent.closest(NOT_PROSE_SELECTOR);
  // New words around a link already in a paragraph can make it prose that cites.
  const block = parent.closest(PROSE_BLOCK);
  return !!block && !block.closest(NOT_PROSE_SELECTOR) && quickTest(block, { ...options, markers: false });
}
