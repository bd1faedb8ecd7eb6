import { isBackReference } from '../dom/backlinks';
import { foldWhitespace, isElement, isText, nextInOrder, tagOf } from '../dom/node-kinds';
import { isSkippedSubtree } from '../dom/skip';
import { isNoopScriptHref } from '../markers/named-notes';
import type { TargetIndex } from '../markers/target-index';
import { absoluteHttpUrl, isArchiveUrl, isUnsafeHref, siteOf } from '../url';
import type { ReferenceEntry } from './entries';

export interface ParsedEntry {
  title: string;
  publisher: string | null;
  url: string | null;
  text: string;
  /** hrefs with a scheme that is never safe (javascript:, data:, …), as written. */
  unsafeLinks: string[];
}

/** The entry's own text: backlinks, scripts and styles left out, whitespace folded. */
function entryText(parts: Node[]): string {
  let out = '';
  for (const root of parts) {
    if (isText(root)) {
      out += root.data;
      continue;
    }
    if (!isElement(root) || isBackReference(root)) continue;
    for (let node: Node | null = root.firstChild; node; ) {
      if (isElement(node) && (isBackReference(node) || (isSkippedSubtree(node) && tagOf(node) !== 'code'))) {
        node = nextInOrder(node, root, true);
        continue;
      }
      if (isText(node)) out += node.data;
      else if (isElement(node) && /^(?:br|p|div|li)$/.test(tagOf(node))) out += ' ';
      node = nextInOrder(node, root);
    }
    out += ' ';
  }
  return foldWhitespace(out).replace(/^(?:[↩↑^⤴]\s*)+/, '');
}

/** The entry text without its leading label ("[1] ", "1. ", "^ a b "). */
function withoutLabel(text: string, label: string | null): string {
  let rest = text;
  if (label) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(
      new RegExp(`^\\s*(?:\\[\\s*${escaped}\\s*\\]|\\(${escaped}\\)|${escaped}\\s*[.):]?)\\s*`),
      '',
    );
  }
  return rest.replace(/^(?:[↩↑^]\s*)+/, '').trim();
}

const WIKI_INTERNAL = /\/wiki\/|[?&]title=|Special:BookSources/;

export interface LinkChoice {
  url: string;
  text: string;
  element: Element | null;
}

export function linksOf(
  parts: Node[],
  base: string | null,
  unsafe: string[],
): { external: LinkChoice[]; fragments: string[] } {
  const external: LinkChoice[] = [];
  const fragments: string[] = [];
  const pageHost = base ? siteOf(base) : null;
  for (const root of parts) {
    if (!isElement(root)) continue;
    const anchors = tagOf(root) === 'a' ? [root] : Array.from(root.querySelectorAll('a[href]'));
    for (const a of anchors) {
      if (isBackReference(a)) continue;
      const href = a.getAttribute('href') ?? '';
      // `javascript:;` is a button written as a link (a backlink, a toggle): no address, nothing to warn about.
      if (isNoopScriptHref(href) || !href.trim()) continue;
      if (isUnsafeHref(href)) {
        unsafe.push(href.trim());
        continue;
      }
      if (href.startsWith('#')) {
        fragments.push(href.slice(1));
        continue;
      }
      const url = absoluteHttpUrl(href, base);
      if (!url) continue;
      if (pageHost && siteOf(url) === pageHost && WIKI_INTERNAL.test(url)) continue;
      external.push({ url, text: foldWhitespace(a.textContent ?? ''), element: a });
    }
  }
  return { external, fragments };
}

/** The link a reader clicks to open the cited work: off-site before same-site, the original before an archive copy. */
/** Catalogue look-ups (an ISSN, an OCLC number, an arXiv subject listing): they find a shelf, not the cited work. */
export const CATALOGUE =
  /(?:^|\.)worldcat\.org\/(?:issn|oclc|search)|isbnsearch\.org|Special:BookSources|search\.worldcat|arxiv\.org\/(?:archive|list)\//i;
/** Identifier resolvers, in the order a reader would rather follow them when the work's own link is missing. */
const IDENTIFIERS: [RegExp, number][] = [
  [/^https?:\/\/(?:dx\.)?doi\.org\//i, 1],
  [/ncbi\.nlm\.nih\.gov\/(?:pubmed|pmc)|europepmc\.org/i, 2],
  [
    /arxiv\.org\/abs|hdl\.handle\.net|jstor\.org\/stable|semanticscholar\.org|adsabs\.harvard\.edu|ui\.adsabs/i,
    3,
  ],
];
/** A link whose text is an identifier ("10.1038/nature04338", "2005Natur.438..803L") rather than a title. */
export const IDENTIFIER_TEXT = /^(?:[\w.:/()-]*\d[\w.:/()-]*|PMC\d+|PMID:?\s*\d+)$/i;

export function primaryLink(links: LinkChoice[], base: string | null): LinkChoice | null {
  const pageHost = base ? siteOf(base) : null;
  const ranked = links.filter((l) => !CATALOGUE.test(l.url)).sort((a, b) => rank(a) - rank(b));
  return ranked[0] ?? null;
  function rank(link: LinkChoice): number {
    // The work's own link reads as its title; identifier links read as numbers ("10.1038/…", "PMC3894154").
    const titled = !IDENTIFIER_TEXT.test(link.text) && !/^(?:https?:\/\/|www\.)/i.test(link.text);
    let r = titled ? 0 : (IDENTIFIERS.find(([pattern]) => pattern.test(link.url))?.[1] ?? 3);
    if (isArchiveUrl(link.url)) r += 10;
    if (pageHost && siteOf(link.url) === pageHost) r += 20;
    return r * 10_000 + links.indexOf(link);
  }
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"“”)\]]+[^\s<>"“”)\].,;:!?]/;
const DASH_SPLIT = /\s+[—–]\s+|\s+-\s+/;
const QUOTED = /[“"«„]([^”"»“]{3,300}?)[”"»“]/;

/** "Publisher — Title — URL", as plain-text reference lines often read. */
function dashFields(text: string): { publisher: string | null; title: string } | null {
  const parts = text
    .split(DASH_SPLIT)
    .map((p) => p.trim())
    .filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const endsWithUrl = /^(?:https?:\/\/|www\.)\S+$/.test(last);
  if (endsWithUrl && parts.length >= 3) {
    return { publisher: parts[0] ?? null, title: parts.slice(1, -1).join(' — ') };
  }
  if (endsWithUrl && parts.length === 2) return { publisher: null, title: parts[0] ?? '' };
  return null;
}

/** Title and work of a Wikipedia-style `cite.citation`: the quoted title, then the italic work. */
export function citeFields(cite: Element): { title: string | null; publisher: string | null } {
  const text = foldWhitespace(cite.textContent ?? '');
  const quoted = QUOTED.exec(text)?.[1] ?? null;
  const italics = Array.from(cite.querySelectorAll('i, cite i')).map((i) =>
    foldWhitespace(i.textContent ?? ''),
  );
  if (quoted) return { title: quoted.replace(/[.,]$/, ''), publisher: italics[0] ?? null };
  return { title: italics[0] ?? null, publisher: italics[1] ?? null };
}

function firstClause(text: string): string {
  const clause = text.split(/(?<=[.!?])\s+(?=[A-Z“"])/)[0] ?? text;
  return clause.length > 160 ? `${clause.slice(0, 157).trimEnd()}…` : clause;
}

/** The reference a sub-reference belongs to: the item of the list around the sub-reference's own list. */
function mainReferenceOf(el: Element | undefined): Element | null {
  if (!el || tagOf(el) !== 'li') return null;
  const list = el.parentElement;
  const main = list?.parentElement?.closest('li') ?? null;
  return main && list && /^(?:ol|ul)$/.test(tagOf(list)) ? main : null;
}

/**
 * Reads one reference entry into a source: the primary link, the title and publisher as a reader would name them,
 * the full text. A short-form note ("Smith 2020, p. 5") that links to a full citation on the page takes its link.
 */
export function parseEntry(entry: ReferenceEntry, base: string | null, targets: TargetIndex): ParsedEntry {
  const unsafeLinks: string[] = [];
  const text = entry.noteText ?? withoutLabel(entryText(entry.parts), entry.shownLabel);
  // A note written in an attribute has no links of its own; the marker's are not the note's.
  const { external, fragments } = entry.noteText
    ? { external: [], fragments: [] }
    : linksOf(entry.parts, base, unsafeLinks);
  const elements = entry.parts.filter(isElement);
  let link = primaryLink(external, base);
  let citeRoot: Element | null =
    elements.map((e) => (tagOf(e) === 'cite' ? e : e.querySelector('cite'))).find((c) => c) ?? null;
  if (!link) {
    for (const fragment of fragments) {
      const target = targets.find(fragment);
      if (!target || entry.parts.some((e) => e.contains(target))) continue;
      const followed = linksOf([target], base, unsafeLinks).external;
      link = primaryLink(followed, base);
      if (link) {
        citeRoot = tagOf(target) === 'cite' ? target : (target.querySelector('cite') ?? citeRoot);
        break;
      }
    }
  }
  if (!link) {
    // A MediaWiki sub-reference ("p. 5" under its main reference, [1.1]) cites the main reference's work.
    const main = mainReferenceOf(elements[0]);
    if (main) {
      const own = linksOf([main], base, []).external.filter((l) => l.element?.closest('li') === main);
      link = primaryLink(own, base);
      if (link) citeRoot = main.querySelector('cite') ?? citeRoot;
    }
  }
  if (!link) {
    const bare = URL_IN_TEXT.exec(text)?.[0];
    const url = bare ? absoluteHttpUrl(bare, null) : null;
    if (url) link = { url, text: bare ?? url, element: elements[0] ?? null };
  }

  let title: string | null = null;
  let publisher: string | null = null;
  const dashed = dashFields(text);
  if (dashed) {
    title = dashed.title;
    publisher = dashed.publisher;
  } else if (citeRoot) {
    const fields = citeFields(citeRoot);
    title = fields.title;
    publisher = fields.publisher;
  }
  if (!title) title = QUOTED.exec(text)?.[1]?.replace(/[.,]$/, '') ?? null;
  if (!title && link && link.text && !/^(?:https?:\/\/|www\.)/i.test(link.text) && link.text.length >= 3)
    title = link.text;
  if (!title) {
    const em = elements.map((e) => e.querySelector('i, em, cite')).find((e) => e);
    const emText = em ? foldWhitespace(em.textContent ?? '') : '';
    if (emText.length >= 3) title = emText;
  }
  if (!title) title = firstClause(text);
  return {
    title,
    publisher: publisher ?? siteOf(link?.url ?? null),
    url: link?.url ?? null,
    text,
    unsafeLinks,
  };
}
