import { foldWhitespace, isElement, nextInOrder, tagOf } from '../dom/node-kinds';
import { isHiddenByMarkup, isSkippedSubtree } from '../dom/skip';
import { entriesOfSection, entriesOfSectionInSteps, lineEntries, type ReferenceEntry } from './entries';
import { headingLevel, isAnyHeading, isReferenceHeading } from './headings';

/** Containers that are reference lists by their markup, whatever heads them. */
const LIST_CONTAINERS = [
  '[role="doc-endnotes"]',
  '[role="doc-bibliography"]',
  'ol.references',
  'section.footnotes',
  'div.footnotes',
  'aside.footnotes',
  '.ltx_bibliography',
  '.references-list',
  '#footnotes',
  '#references',
].join(', ');

/** Elements that can head a reference list. */
const HEADING_CANDIDATES = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'div',
  'dt',
  'summary',
  'caption',
  'header',
]);

/** Every list container selector needs a role, a class or an id: elements without any need no selector match. */
function mayBeListContainer(el: Element): boolean {
  return el.hasAttribute('role') || el.hasAttribute('class') || el.hasAttribute('id');
}

const SECTION_BLOCKS = /^(?:p|ol|ul|dl|div|li|blockquote|table|section|aside|footer|hr)$/;
const MAX_SECTION_NODES = 20000;
const MAX_SECTION_BLOCKS = 5000;

/** A wrapper that holds the heading and little else (`div.mw-heading` with its edit link, `header`, `hgroup`). */
function isHeadingWrapper(parent: Element, heading: Element): boolean {
  if (!/^(?:div|header|hgroup|span)$/.test(tagOf(parent))) return false;
  if (parent.querySelector('p, ol, ul, dl, li, table')) return false;
  return (
    foldWhitespace(parent.textContent ?? '').length - foldWhitespace(heading.textContent ?? '').length <= 24
  );
}

/** The blocks that follow a reference heading in its own container, up to the next heading of its level or above. */
function blocksAfterHeading(heading: Element, root: Element): Element[] {
  const level = headingLevel(heading);
  let start = heading;
  while (
    start.parentElement &&
    start.parentElement !== root &&
    isHeadingWrapper(start.parentElement, start)
  ) {
    start = start.parentElement;
  }
  const blocks: Element[] = [];
  for (
    let sib = start.nextElementSibling;
    sib && blocks.length < MAX_SECTION_BLOCKS;
    sib = sib.nextElementSibling
  ) {
    if (isAnyHeading(sib) && (headingLevel(sib) <= level || level === 7)) break;
    if (level === 7 && isReferenceHeading(sib)) break;
    const inner = sib.querySelector('h1, h2, h3, h4, h5, h6');
    if (inner && (headingLevel(inner) <= level || isHeadingWrapper(sib, inner))) break;
    if (!SECTION_BLOCKS.test(tagOf(sib)) || (isSkippedSubtree(sib) && !isHiddenByMarkup(sib))) continue;
    blocks.push(sib);
  }
  return blocks;
}

export interface ReferenceSection {
  heading: Element | null;
  entries: ReferenceEntry[];
}

/** Elements looked at between two yields: a page of 200,000 paragraphs is searched for its headings in slices. */
const ELEMENTS_PER_YIELD = 1024;

/**
 * Every reference list on the page found by its heading or its markup, with its entries. A generator that yields
 * now and then, so that a caller can spread the search over slices.
 */
export function* findReferenceSections(root: Element): Generator<void, ReferenceSection[]> {
  const sections: ReferenceSection[] = [];
  const seenHeadings = new Set<Element>();
  // One walk in document order, in slices, finds what two `querySelectorAll` of the whole page would (each a
  // single step of 20-60 ms on a page of 200,000 paragraphs).
  const candidates: Element[] = [];
  const containers: Element[] = [];
  let visited = 0;
  for (let node: Node | null = root.firstElementChild; node; node = nextInOrder(node, root)) {
    if (++visited % ELEMENTS_PER_YIELD === 0) yield;
    if (!isElement(node)) continue;
    if (HEADING_CANDIDATES.has(tagOf(node))) candidates.push(node);
    if (mayBeListContainer(node) && node.matches(LIST_CONTAINERS)) containers.push(node);
  }
  for (let i = 0; i < candidates.length; i++) {
    if (i % ELEMENTS_PER_YIELD === ELEMENTS_PER_YIELD - 1) yield;
    const el = candidates[i] as Element;
    if (!isReferenceHeading(el) || seenHeadings.has(el)) continue;
    // A div heading that wraps a real heading is the same heading.
    if (el.querySelector('h1, h2, h3, h4, h5, h6') && tagOf(el) === 'div') continue;
    seenHeadings.add(el);
    const entries = yield* entriesOfSectionInSteps(blocksAfterHeading(el, root));
    if (entries.length) sections.push({ heading: el, entries });
    yield;
  }
  for (const container of containers) {
    yield;
    const blocks = Array.from(container.children).filter((c) => !isAnyHeading(c));
    const entries = yield* entriesOfSectionInSteps(blocks);
    if (entries.length) sections.push({ heading: null, entries });
  }
  return sections;
}

/**
 * Numbered paragraphs anywhere after `from` ("<p><strong>1</strong> …" after an `<hr>`): the notes of pages
 * that give their list no heading. Used only when no reference list backs any plain marker; a marker still
 * needs an entry of its own label after it.
 */
export function looseNumberedEntries(root: Element, from: Node): ReferenceEntry[] {
  const blocks: Element[] = [];
  const lines: ReferenceEntry[] = [];
  // The marker's own block may end with its sources as labelled lines ("[1] http://…<br>").
  for (let up = from.parentElement; up && up !== root; up = up.parentElement) {
    if (up.querySelector(':scope > br')) for (const e of lineEntries(up)) lines.push(e);
  }
  let node: Node | null = from;
  for (let seen = 0; node && seen < MAX_SECTION_NODES; seen++) {
    if (!isElement(node)) {
      node = nextInOrder(node, root);
      continue;
    }
    if (node.querySelector(':scope > br')) for (const e of lineEntries(node)) lines.push(e);
    if (
      /^(?:p|ol|ul|div|dl)$/.test(tagOf(node)) &&
      !node.querySelector('p, ol, ul, dl, div, h1, h2, h3, h4, h5, h6')
    ) {
      blocks.push(node);
      node = nextInOrder(node, root, true);
      continue;
    }
    node = nextInOrder(node, root);
  }
  return [...lines, ...entriesOfSection(blocks, false).filter((e) => e.shownLabel !== null)];
}
