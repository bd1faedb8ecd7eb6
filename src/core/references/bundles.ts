import { isBackReference } from '../dom/backlinks';
import { foldWhitespace, isElement, isText, nextInOrder, tagOf } from '../dom/node-kinds';
import { isArchiveUrl } from '../url';
import type { ReferenceEntry } from './entries';
import { CATALOGUE, citeFields, IDENTIFIER_TEXT, type LinkChoice, linksOf, primaryLink } from './parse-entry';

/** One work of a note that cites several. */
export interface BundledWork {
  url: string;
  title: string;
}

/** A link that opens a work by its title (not an identifier, a bare address, an archive copy or a catalogue). */
function isTitledWorkLink(link: LinkChoice): boolean {
  return (
    !IDENTIFIER_TEXT.test(link.text) &&
    !/^(?:https?:\/\/|www\.)/i.test(link.text) &&
    link.text.length >= 2 &&
    !isArchiveUrl(link.url) &&
    !CATALOGUE.test(link.url)
  );
}

/** The `cite` elements of a note (Wikipedia's citation templates write one per work). */
function citesOf(entry: ReferenceEntry): Element[] {
  return entry.parts
    .filter(isElement)
    .flatMap((p) => (tagOf(p) === 'cite' ? [p] : Array.from(p.querySelectorAll('cite'))));
}

/** The works of a note written as several citations (`cite` elements: Wikipedia's bundled citations). */
function citeWorks(cites: Element[], base: string | null): BundledWork[] {
  if (cites.length < 2) return [];
  const works: BundledWork[] = [];
  for (const cite of cites) {
    const link = primaryLink(linksOf([cite], base, []).external, base);
    if (!link) continue;
    works.push({ url: link.url, title: citeFields(cite).title ?? link.text });
  }
  return works;
}

/**
 * The works of a note written as a list ("See A; B; C", one per line or item): the titled link of each part, the
 * parts cut at semicolons, line breaks and list items.
 */
function segmentWorks(entry: ReferenceEntry, base: string | null): BundledWork[] {
  const segments: Element[][] = [[]];
  const cut = () => {
    if (segments[segments.length - 1]?.length) segments.push([]);
  };
  for (const root of entry.parts) {
    if (!isElement(root)) {
      if (isText(root) && root.data.includes(';')) cut();
      continue;
    }
    for (let node: Node | null = root; node; ) {
      if (isElement(node)) {
        if (isBackReference(node)) {
          node = nextInOrder(node, root, true);
          continue;
        }
        const tag = tagOf(node);
        if (tag === 'br' || (tag === 'li' && node !== root)) cut();
        if (tag === 'a' && node.hasAttribute('href')) {
          segments[segments.length - 1]?.push(node);
          node = nextInOrder(node, root, true);
          continue;
        }
      } else if (isText(node) && node.data.includes(';')) cut();
      node = nextInOrder(node, root);
    }
  }
  const works: BundledWork[] = [];
  for (const anchors of segments) {
    const titled = linksOf(anchors, base, []).external.filter(isTitledWorkLink);
    const link = primaryLink(titled, base);
    if (link) works.push({ url: link.url, title: foldWhitespace(link.text) });
  }
  return works;
}

/**
 * Issue 10, shape 4: a note that cites several works, each with its own link, gives every one of them as a source.
 * Returns the works after the first (the entry's own source stays the first); empty for a note of one work.
 */
export function bundledWorks(
  entry: ReferenceEntry,
  base: string | null,
  primaryUrl: string | null,
): BundledWork[] {
  // A note whose works are written as citations counts them (a citation's "Wilson, D.E.; Reeder, D.M." is one
  // work's editors); a note in free text counts its titled links, one per part.
  const cites = citesOf(entry);
  const works = cites.length ? citeWorks(cites, base) : segmentWorks(entry, base);
  const seen = new Set(primaryUrl ? [primaryUrl] : []);
  const more: BundledWork[] = [];
  for (const work of works) {
    if (seen.has(work.url)) continue;
    seen.add(work.url);
    more.push(work);
  }
  // One work besides the primary link is no bundle unless the note names at least two works.
  return works.length >= 2 && primaryUrl ? more : [];
}
