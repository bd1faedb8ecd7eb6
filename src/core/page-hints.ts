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
   * served from elsewhere (a mirror, a cache, a saved page), as the linked-claims finder takes it.
   */
  declaredUrl?: string | null;
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
    /[\p{N}[]|^\s*[a-z]{1,2}\s*$/iu.test(text) &&
    parseMarkerLabel(text.replace(/\s+/g, ' '), true) !== null
  );
}

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

/** Whether `link` can cite another page from running text. */
function isProseLinkOut(
  link: Element,
  href: string,
  ownHosts: Set<string>,
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
  private readonly ownHosts: Set<string>;
  private readonly markers: boolean;
  private readonly links: boolean;

  constructor(
    private readonly root: Element,
    private readonly options: HintWalkOptions = {},
  ) {
    this.next = root;
    this.ownHosts = new Set([hostOf(options.pageUrl ?? ''), hostOf(options.declaredUrl ?? '')]);
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

/** Elements that are a marker (or hold one) by their markup alone, as the walk takes them. */
const MARKER_ELEMENTS =
  'sup, [role="doc-noteref"], span.inline-footnote, label.sidenote-number, label.footnote-number, label.margin-toggle, label.footref, label.sidenote-ref, label.sn-ref';

/** The text of `root` outside scripts, styles and code, in pieces (their text cut out of the whole by position). */
function proseTextPieces(root: Element): string[] {
  const all = root.textContent ?? '';
  const pieces: string[] = [];
  let at = 0;
  let last: Element | null = null;
  // Document order, as in textContent: an element inside the last one cut out is gone already.
  for (const el of Array.from(root.querySelectorAll(NOT_PROSE_SELECTOR))) {
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
 * The same test as `HintWalk` in a few native queries: only their matches come back to script. From a content
 * script's isolated world this is far cheaper than the walk on a page of ordinary size (the walk makes that world
 * a wrapper for every node it visits), but each query is one pass over the whole page. Its text test reads the
 * prose as a whole rather than node by node, so it may say "maybe" where the walk says "no", never the reverse.
 */
export function quickTest(root: Element, options: HintWalkOptions = {}): boolean {
  if (options.markers ?? true) {
    if (root.querySelector(MARKER_ELEMENTS) || root.querySelector(NOTE_BOXES)) return true;
    for (const el of Array.from(root.querySelectorAll(NOTE_TRIGGERS))) if (isNoteTrigger(el)) return true;
    for (const link of Array.from(root.querySelectorAll('a[href*="#"]')))
      if (isMarkerSizedLink(link)) return true;
    for (const piece of proseTextPieces(root)) if (textMightCite(piece)) return true;
  }
  if (options.links ?? true) {
    const ownHosts = new Set([hostOf(options.pageUrl ?? ''), hostOf(options.declaredUrl ?? '')]);
    for (const link of Array.from(root.querySelectorAll('p a[href], li a[href], blockquote a[href]'))) {
      const href = link.getAttribute('href') ?? '';
      if (isProseLinkOut(link, href, ownHosts, options.countOwnSiteLinks ?? false)) return true;
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
 * Whether content that arrived later can hold something to highlight: an added element, or an added or changed
 * text node (whose paragraph may now be prose around an outside link). Nodes inside code, scripts and styles, and
 * text without a hint, are nothing: a ticker or a clock costs one regular expression per change.
 */
export function addedNodeMightCite(node: Node, options: HintOptions = {}): boolean {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.closest(NOT_PROSE_SELECTOR)) return false;
    return new HintWalk(el, options).run();
  }
  if (node.nodeType !== 3) return false;
  const parent = node.parentElement;
  if (!parent || parent.closest(NOT_PROSE_SELECTOR)) return false;
  if (textMightCite((node as Text).data)) return true;
  // New words around a link already in a paragraph can make it prose that cites.
  const block = parent.closest(PROSE_BLOCK);
  return !!block && mightHaveLinkedClaims(block, options);
}
