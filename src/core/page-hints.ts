/**
 * Whether a page can hold anything CiteLens highlights, in a few native queries and no layout read: the test that
 * lets a page without citations cost (almost) nothing. It may answer "maybe" for a page that has nothing (the scan
 * then finds nothing), never "no" for a page that has something: every hint here is looser than what the scanner
 * (markers) and the linked-claims finder (links to another site from the article's prose) go on to accept.
 *
 * Two hints:
 *  - markers: a superscript, a sidenote number, a footnote-ish element, a short same-page link, or a bracketed
 *    run or superscript digit in the text the reader sees (text inside scripts, styles and code does not count:
 *    inline JSON and scripts are full of brackets);
 *  - linked claims: a link in a paragraph, list item or quote, outside navigation, header, footer and asides, to
 *    another host than the page's, with some text of its block around it (a menu item is all link).
 */

import { parseMarkerLabel } from './markers/labels';

export interface HintOptions {
  /** The page's address: links to its host are not citations (unless `countOwnSiteLinks`). */
  pageUrl?: string | null;
  /** Links to the page's own site count too (relative ones included). */
  countOwnSiteLinks?: boolean;
}

/** Elements that are a marker (or hold one) by their markup alone. */
const MARKER_ELEMENTS =
  'sup, span.inline-footnote, [role="doc-noteref"], label.sidenote-number, label.footnote-number, label.margin-toggle, label.footref, label.sidenote-ref, label.sn-ref';

/**
 * Text that can hold a marker: a bracketed run whose inside reads as a marker's label ("[1]", "[a]", "[note 3]",
 * "[RFC2119]", the located "[HTTP, section 7.2]" whose link sits inside the brackets, "[citation needed]"), or a
 * superscript digit. "[…]", "[sic]", "[These were]" and a lone "[" are none.
 */
const TEXT_HINT = /\[([^[\]]+)\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]/g;

function isLabelHint(inner: string | undefined): boolean {
  if (inner === undefined) return true; // a superscript digit
  const folded = inner.replace(/\s+/g, ' ').trim();
  return /^citation needed$/i.test(folded) || parseMarkerLabel(folded, true) !== null;
}

/** Elements whose text the scanner never reads as prose (src/core/dom/skip.ts), as they stand in a body. */
const NOT_PROSE =
  'script, style, noscript, template, code, pre, kbd, samp, var, tt, math, svg, textarea, select, button, iframe, object, canvas';

/** Where a link can be a claim's citation: in running text. */
const PROSE_LINKS = 'p a[href], li a[href], blockquote a[href]';
/** Parts around an article, whose links cite nothing. */
const AROUND =
  'nav, header, footer, aside, menu, dialog, [role="navigation"], [role="banner"], [role="contentinfo"]';

function countTextHints(text: string): number {
  TEXT_HINT.lastIndex = 0;
  let n = 0;
  for (let match = TEXT_HINT.exec(text); match; match = TEXT_HINT.exec(text)) if (isLabelHint(match[1])) n++;
  return n;
}

/** Whether the text under `root` (itself included) that is not code, script or style holds a text hint. */
function proseHasTextHint(root: Element): boolean {
  const all = countTextHints(root.textContent ?? '');
  if (all === 0) return false;
  let skipped = 0;
  let last: Element | null = null;
  // Document order: an element inside the last one counted is in its text already.
  for (const el of Array.from(root.querySelectorAll(NOT_PROSE))) {
    if (last?.contains(el)) continue;
    last = el;
    skipped += countTextHints(el.textContent ?? '');
    // A match can straddle the edge of a skipped element: more matches overall than in the parts is then "maybe".
    if (skipped >= all) break;
  }
  return all > skipped;
}

/** A same-page link that reads as a marker: "1", "[12]", "a", "note 3" (not "0 comments"). */
function isMarkerSizedLink(link: Element): boolean {
  const text = link.textContent ?? '';
  return (
    text.length <= 14 &&
    /[\p{N}[]|^\s*[a-z]{1,2}\s*$/iu.test(text) &&
    parseMarkerLabel(text.replace(/\s+/g, ' '), true) !== null
  );
}

/** Whether `root` or anything under it can be a citation marker. */
export function mightHaveMarkers(root: Element): boolean {
  if (root.matches(MARKER_ELEMENTS) || root.querySelector(MARKER_ELEMENTS)) return true;
  if (root.matches('a[href*="#"]') && isMarkerSizedLink(root)) return true;
  for (const link of Array.from(root.querySelectorAll('a[href*="#"]')))
    if (isMarkerSizedLink(link)) return true;
  return proseHasTextHint(root);
}

/** The host of an absolute or protocol-relative link, lower case, without `www.`; '' for any other link. */
function hostOf(href: string): string {
  const match = /^\s*(?:https?:)?\/\/([^/?#:@\s]+)/i.exec(href);
  return match ? (match[1] as string).toLowerCase().replace(/^www\./, '') : '';
}

/** Whether `link`, a link in a paragraph, list item or quote, can cite another page. */
function isProseLinkOut(link: Element, ownHost: string, countOwnSiteLinks: boolean): boolean {
  const href = link.getAttribute('href') ?? '';
  const host = hostOf(href);
  if (countOwnSiteLinks) {
    if (!host && /^\s*(?:#|javascript:|mailto:|tel:|data:)/i.test(href)) return false;
  } else if (!host || host === ownHost) return false;
  if (link.closest(AROUND)) return false;
  const block = link.closest('p, li, blockquote');
  const linkText = (link.textContent ?? '').trim().length;
  return linkText > 0 && (block?.textContent ?? '').trim().length > linkText;
}

/** Whether `root` (or an element above it, for a link added inside a paragraph) can hold a linked claim. */
export function mightHaveLinkedClaims(root: Element, options: HintOptions = {}): boolean {
  const ownHost = hostOf(options.pageUrl ?? '');
  const countOwn = options.countOwnSiteLinks ?? false;
  if (root.matches(PROSE_LINKS) && isProseLinkOut(root, ownHost, countOwn)) return true;
  for (const link of Array.from(root.querySelectorAll(PROSE_LINKS)))
    if (isProseLinkOut(link, ownHost, countOwn)) return true;
  return false;
}

/** Whether a page can hold anything to highlight: markers or links from its prose to other sites. */
export function mightHaveCitations(doc: Document, options: HintOptions = {}): boolean {
  const body = doc.body;
  if (!body) return false;
  return mightHaveMarkers(body) || mightHaveLinkedClaims(body, options);
}

/**
 * Whether content that arrived later can hold something to highlight: an added element, or an added or changed
 * text node (whose paragraph may now be prose around an outside link). Nodes inside code, scripts and styles, and
 * text without a hint, are nothing: a ticker or a clock costs one regular expression per change.
 */
export function addedNodeMightCite(node: Node, options: HintOptions = {}): boolean {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.closest(NOT_PROSE)) return false;
    return mightHaveMarkers(el) || mightHaveLinkedClaims(el, options);
  }
  if (node.nodeType !== 3) return false;
  const parent = node.parentElement;
  if (!parent || parent.closest(NOT_PROSE)) return false;
  if (countTextHints((node as Text).data) > 0) return true;
  // New words around a link already in a paragraph can make it prose that cites.
  const block = parent.closest('p, li, blockquote');
  return !!block && mightHaveLinkedClaims(block, options);
}
