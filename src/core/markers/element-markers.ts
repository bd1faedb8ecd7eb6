import { foldWhitespace, isElement, tagOf } from '../dom/node-kinds';
import { spanOfElement, widenOverBrackets } from '../dom/spans';
import type { TextSpan } from '../types';
import type { MarkerCandidate } from './candidates';
import { type ParsedLabel, parseMarkerLabel, stripBrackets } from './labels';
import type { TargetIndex } from './target-index';

/** Class words that say "this is a footnote reference" across generators, wherever they stand. */
const DECLARED_CLASS =
  /(?:footnote|fnref|noteref|note-ref|fn-ref|endnote|sidenote-number|citation|cite_ref|mw-ref|footref|ltx_cite|spip_note)/i;
/** Short class tokens that say so only on the marker's wrapper (`sup.reference`), not on any link (Sphinx's `a.reference`). */
const WRAPPER_CLASS_TOKEN = /(?:^|\s)(?:reference|ref|cite|fn)(?:\s|$)/i;
/** Class tokens that say so on the link itself (`a.ref` of Blogger, `a.fn`). */
const LINK_CLASS_TOKEN = /(?:^|\s)(?:ref|fn)(?:\s|$)/i;
const DECLARED_ID =
  /^(?:fnref|cite_ref|footnote-anchor|ref-|fnr|_ftnref|_ednref|sdfootnote\d+anc|noteref|FnAnchor|bodyftn)/i;
const NOTE_TARGET_ID =
  /^(?:fn|footnote|note|cite_note|endnote|ref|bib|sdfootnote|_ftn|_edn|ftn|edn|Footnote|r\d|n\d|nb\d|CR\d|B\d|c\d)/i;
const INLINE_WRAPPERS = new Set(['sup', 'span', 'b', 'strong', 'i', 'em', 'small', 'cite', 'font']);
const CITATION_NEEDED = /^\[?\s*(?:citation|source|reference)s? needed\s*\]?$/i;

function classAndIdWords(el: Element | null): string {
  return el ? `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}` : '';
}

/** Author affiliations are numbered like notes (`Jane Doe¹` → "¹ University of …") but cite nothing. */
const AFFILIATION = /(?:^|[\s_-])(?:aff\d+|affiliations?|authors?|author-info)(?:$|[\s_-])/i;

function isAffiliation(target: Element): boolean {
  return AFFILIATION.test(classAndIdWords(target)) || AFFILIATION.test(classAndIdWords(target.parentElement));
}

/** Whether markup near the link declares a footnote reference (the link itself and two wrappers up). */
function isDeclaredReference(link: Element): boolean {
  if (link.getAttribute('role') === 'doc-noteref' || link.hasAttribute('data-footnote-ref')) return true;
  if (link.getAttribute('data-type') === 'noteref') return true;
  let el: Element | null = link;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    if (depth > 0 && !INLINE_WRAPPERS.has(tagOf(el))) break;
    const cls = el.getAttribute('class') ?? '';
    if (DECLARED_CLASS.test(cls)) return true;
    if ((depth === 0 ? LINK_CLASS_TOKEN : WRAPPER_CLASS_TOKEN).test(cls)) return true;
    if (DECLARED_ID.test(el.getAttribute('id') ?? '') || DECLARED_ID.test(el.getAttribute('name') ?? ''))
      return true;
  }
  return false;
}

function inSuperscript(el: Element): boolean {
  for (let cur: Element | null = el, depth = 0; cur && depth < 3; depth++, cur = cur.parentElement) {
    if (tagOf(cur) === 'sup') return true;
    const style = cur.getAttribute('style') ?? '';
    if (/vertical-align\s*:\s*super/i.test(style)) return true;
  }
  return false;
}

/** The outermost inline wrapper that holds nothing but the marker (a Wikipedia `sup.reference` around its link). */
function markerBox(link: Element): Element {
  let box = link;
  const text = foldWhitespace(link.textContent ?? '').replace(/[[\]]/g, '');
  for (
    let parent = link.parentElement;
    parent && INLINE_WRAPPERS.has(tagOf(parent));
    parent = parent.parentElement
  ) {
    if (foldWhitespace(parent.textContent ?? '').replace(/[[\]]/g, '') !== text) break;
    box = parent;
  }
  return box;
}

/** Same-page fragment of a link: "#fn1" or an absolute link whose fragment names an element of this page. */
function sameDocumentFragment(link: Element, targets: TargetIndex): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  let fragment = href.slice(hash + 1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A malformed escape is kept as written.
  }
  if (!fragment) return null;
  // An absolute link counts as same-page only when its fragment exists here (arXiv, Substack write them so).
  if (hash > 0 && !targets.find(fragment)) return null;
  return fragment;
}

/**
 * A declared citation link written with the page's own path (`./Dog#cite_note-1`, Wikipedia's mobile and Parsoid
 * HTML) whose note is not on the page: its reference list loads later. It is a marker all the same.
 */
function notYetLoadedNote(link: Element): string | null {
  const href = link.getAttribute('href') ?? '';
  const hash = href.indexOf('#');
  if (hash <= 0 || /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return null;
  const fragment = href.slice(hash + 1);
  if (!/^(?:cite_note|fn|footnote|endnote|note)[-_:]?\w/i.test(fragment)) return null;
  return isDeclaredReference(link) ? fragment : null;
}

/** Where a link marker stands: its wrapper box and its text, widened over brackets around it. */
function markerPlace(link: Element): { box: Element; span: TextSpan; bracketed: boolean } | null {
  const box = markerBox(link);
  const baseSpan = spanOfElement(box);
  if (!baseSpan) return null;
  return { box, ...widenOverBrackets(box, baseSpan) };
}

/**
 * A bracketed citation that links to a bibliography on another page of the same work:
 * `[<a href="/book/bibliography#Hol14">Hol14</a>]`. It is a marker; its reference lives elsewhere.
 */
function bibliographyLinkMarker(link: Element): MarkerCandidate | null {
  const href = link.getAttribute('href') ?? '';
  const hash = href.indexOf('#');
  if (hash <= 0) return null;
  const path = href.slice(0, hash);
  const fragment = href.slice(hash + 1);
  const text = foldWhitespace(link.textContent ?? '');
  if (!/bibliograph|references|works-cited|literatur|sources/i.test(path) && fragment !== stripBrackets(text))
    return null;
  const placed = markerPlace(link);
  if (!placed) return null;
  const { box, span, bracketed } = placed;
  if (!bracketed && !/^\[.*\]$/.test(text)) return null;
  const parsed = parseMarkerLabel(text, true);
  if (!parsed) return null;
  return {
    shape: 'footnote-link',
    label: parsed.label,
    keys: parsed.keys,
    labelKind: parsed.kind,
    element: box,
    target: fragment,
    targetElement: null,
    noteElement: null,
    declared: true,
    span,
    anchor: link,
    externalReference: link,
  };
}

/** A MediaWiki group note's label, whatever the group's name: "[x 1]", "[Anmerkung 2]", "[注 3]". */
const GROUP_LABEL = /^\[?\s*([\p{L}][\p{L}\p{M} .-]{0,24}?)\s+(\d{1,4})\s*\]?$/u;

/** A group note's label on a MediaWiki link (its target a `cite_note`, or a `data-mw-group` on it). */
function groupNoteLabel(link: Element, fragment: string, text: string): ParsedLabel | null {
  if (!link.hasAttribute('data-mw-group') && !/^cite_note/i.test(fragment)) return null;
  const match = GROUP_LABEL.exec(text);
  if (!match) return null;
  const label = `${match[1]} ${match[2]}`;
  return { label, keys: [label.toLowerCase()], kind: 'group' };
}

/** A footnote link: `<a href="#fn1">1</a>` in any of its generators' dresses. */
export function linkMarker(link: Element, targets: TargetIndex): MarkerCandidate | null {
  const fragment = sameDocumentFragment(link, targets) ?? notYetLoadedNote(link);
  if (!fragment) return bibliographyLinkMarker(link);
  const rawText = foldWhitespace(link.textContent ?? '');
  if (!rawText) return null;
  const declared = isDeclaredReference(link);
  const placed = markerPlace(link);
  if (!placed) return null;
  const { box, span, bracketed } = placed;
  const selfBracketed = /^\[.*\]$/.test(rawText);
  const parsed =
    parseMarkerLabel(rawText, bracketed || selfBracketed || declared) ??
    groupNoteLabel(link, fragment, rawText);
  if (!parsed) return null;
  const targetElement = targets.find(fragment);
  const superscript = inSuperscript(link);
  const noteLikeTarget = NOTE_TARGET_ID.test(fragment);
  if (!targetElement && !declared) return null;
  if (targetElement && isAffiliation(targetElement)) return null;
  if (targetElement && targets.isHeadingOrSection(targetElement) && !declared) return null;
  if (!(declared || superscript || bracketed || selfBracketed || noteLikeTarget)) return null;
  // A bare number linking to some anchor without any footnote sign is a table of contents or a pager.
  if (!(declared || superscript || bracketed || selfBracketed) && parsed.kind !== 'numbers') return null;
  return {
    shape: 'footnote-link',
    label: parsed.label,
    keys: parsed.keys,
    labelKind: parsed.kind,
    element: box,
    target: fragment,
    targetElement,
    noteElement: null,
    declared,
    span,
    anchor: link,
  };
}

/** An unlinked superscript number `<sup>1</sup>`, `<sup>1,2</sup>`: kept later only if numbered entries back it. */
export function superscriptMarker(sup: Element): MarkerCandidate | null {
  if (sup.querySelector('a[href]')) return null;
  const text = foldWhitespace(sup.textContent ?? '');
  if (CITATION_NEEDED.test(text)) return citationNeededFlag(sup);
  const parsed = parseMarkerLabel(text, false);
  if (!parsed || parsed.kind === 'group') return null;
  // Exponents: 10<sup>6</sup>, m<sup>2</sup>, x<sup>n</sup>.
  const before = sup.previousSibling?.textContent ?? '';
  if (/(?:\d|\b(?:[kcmµnd]?m|ft|in|mi|x|y|n|e))\s*$/.test(before) && !/[.,;:!?)"”’]\s*$/.test(before))
    return null;
  const span = spanOfElement(sup);
  if (!span) return null;
  return {
    shape: 'superscript',
    label: parsed.label,
    keys: parsed.keys,
    labelKind: parsed.kind,
    element: sup,
    target: null,
    targetElement: null,
    noteElement: null,
    declared: false,
    span,
    anchor: sup,
  };
}

export function citationNeededFlag(el: Element): MarkerCandidate {
  return {
    shape: 'superscript',
    label: 'citation needed',
    keys: [],
    labelKind: 'named',
    element: el,
    target: null,
    targetElement: null,
    noteElement: null,
    declared: false,
    span: spanOfElement(el),
    anchor: el,
    flag: 'citation-needed',
  };
}

/** Wikipedia's `[citation needed]` template: a sup linking to the policy page. */
export function isCitationNeededElement(el: Element): boolean {
  const tag = tagOf(el);
  if (tag !== 'sup' && tag !== 'span') return false;
  const cls = el.getAttribute('class') ?? '';
  if (!/Template-Fact|noprint|Inline-Template/.test(cls)) return false;
  return CITATION_NEEDED.test(foldWhitespace(el.textContent ?? ''));
}

/**
 * Wikipedia's asides next to markers: the page locator after a reference ("[3]:p. 7", its own `sup.reference`)
 * and maintenance templates ("[update]", "[better source needed]"). Not markers, not part of the claim.
 */
export function isEditorialAside(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  if (
    tagOf(el) === 'sup' &&
    /(?:^|\s)reference(?:\s|$)/.test(cls) &&
    /^:/.test((el.textContent ?? '').trim())
  )
    return true;
  return (
    /(?:^|\s)(?:Inline-Template|noprint)(?:\s|$)/.test(cls) &&
    /^\[[^\]]{1,60}\]$/.test(foldWhitespace(el.textContent ?? ''))
  );
}

const SIDENOTE_NUMBER =
  /(?:^|\s)(?:sidenote-number|footnote-number|margin-toggle|footref|sidenote-ref|sn-ref)(?:\s|$)/;
const SIDENOTE_BODY = /(?:^|\s)(?:sidenote|footnote|marginnote|sn|side-note)(?:\s|$)/;

/**
 * A note that sits in the text itself: Tufte-style sidenotes (`label.sidenote-number` + `span.sidenote`),
 * org-mode CSS sidenotes, and spans carrying the note hidden inside them (`span.inline-footnote`).
 * `ordinal` numbers notes whose number is drawn by a CSS counter.
 */
export function inlineNoteMarker(el: Element, ordinal: () => number): MarkerCandidate | null {
  const tag = tagOf(el);
  const cls = el.getAttribute('class') ?? '';
  if (tag === 'label' && SIDENOTE_NUMBER.test(cls)) {
    let note: Node | null = el.nextSibling;
    while (note && (!isElement(note) || tagOf(note) === 'input')) note = note.nextSibling;
    if (!isElement(note) || !SIDENOTE_BODY.test(note.getAttribute('class') ?? '')) return null;
    if (/(?:^|\s)marginnote(?:\s|$)/.test(note.getAttribute('class') ?? '')) return null; // unnumbered margin notes are asides
    const shown = foldWhitespace(el.textContent ?? '');
    const label = shown || String(ordinal());
    return {
      shape: 'inline-note',
      label,
      keys: [label],
      labelKind: 'numbers',
      element: el,
      target: null,
      targetElement: null,
      noteElement: note,
      declared: true,
      span: spanOfElement(el),
      anchor: el,
    };
  }
  if ((tag === 'span' || tag === 'sup') && /(?:^|\s)inline-footnote(?:\s|$)/i.test(cls)) {
    let note: Element | null = null;
    for (const child of Array.from(el.children))
      if (/footnote-?content/i.test(child.getAttribute('class') ?? '')) note = child;
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('');
    const parsed = parseMarkerLabel(own, false);
    if (!parsed) return null;
    const first = Array.from(el.childNodes).find((n) => n.nodeType === 3 && (n.textContent ?? '').trim()) as
      | Text
      | undefined;
    return {
      shape: 'inline-note',
      label: parsed.label,
      keys: parsed.keys,
      labelKind: parsed.kind,
      element: el,
      target: null,
      targetElement: null,
      noteElement: note ?? el,
      declared: true,
      span: first
        ? { start: { node: first, offset: 0 }, end: { node: first, offset: first.data.length } }
        : null,
      anchor: el,
    };
  }
  return null;
}
