import { BLOCK_TAGS, BlockText, blockOf } from '../claims/block-text';
import { sentenceBounds } from '../claims/sentences';
import { isText, nextInOrder, tagOf } from '../dom/node-kinds';
import type { Claim, Source } from '../types';
import { comparableUrl } from '../url';
import { AroundCache, findArticleBody } from './article-body';
import { type CitationLink, citationLink, type LinkContext } from './citation-links';
import { type SiteOfUrl, siteOfUrl } from './site';

export interface LinkedClaimOptions {
  /** The address the page declares for itself (canonical, og:url), when known: its site is the page's own too. */
  declaredUrl?: string | null;
  /** Count links to the page's own site as sources (off by default). */
  countOwnSiteLinks?: boolean;
  /**
   * The registrable domain of a URL (./site.ts). Left out, the finder first asks whether any link may lead to
   * another host (no public suffix list needed) and, only if one may, yields `SITES_WANTED` and takes the
   * function as what its driver passes back.
   */
  siteOf?: SiteOfUrl;
}

/** Yielded by the finder (and the scan around it) when it needs the site function: pass it back with `next`. */
export const SITES_WANTED = 'sites-wanted';
// The scan's steps are `Generator<void, …>`; a pause is their `void` or this request.
// biome-ignore lint/suspicious/noConfusingVoidType: what `yield;` in those generators yields
export type ScanPause = void | typeof SITES_WANTED;

/** Linked claims and their sources, numbered later with the marker claims (ids are empty here). */
export interface LinkedClaims {
  claims: Claim[];
  sources: Source[];
  /** Sentences of the article's prose, linked or not; counted only when some link (0 otherwise). */
  sentences: number;
  /** The page's own site and the one it declares itself to be. */
  ownSites: string[];
}

/** Blocks whose text is a title or a label, not a sentence of the prose. */
const NOT_PROSE_BLOCKS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'caption',
  'th',
  'legend',
  'summary',
  'dt',
]);
/** Share of a block's text that may be links before it is a list of links (a related-stories line), not prose. */
const MAX_BLOCK_LINK_DENSITY = 0.7;
/** Lines that point elsewhere rather than say something: "Related: …", "Read more: …", in the fixtures' languages. */
const POINTER_LINE =
  /^\s*(?:related|read more|read also|also read|read|see also|more|recommended|watch|listen|subscribe|sign up|follow|lesen sie auch|lesen sie|mehr zum thema|mehr dazu|auch interessant|weiterlesen|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|leer más|ver también|te puede interesar|más información)\b[^.!?]{0,12}[:：|»›→-]/i;
/** "Read also" boxes name what they point to without a colon ("Lire aussi Martine Bulard, « … »"): these words suffice. */
const READ_ALSO_LINE =
  /^\s*(?:read also|also read|see also|related|lesen sie auch|lesen sie mehr|mehr zum thema|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|leer también|ver también)\s/i;
/** Photo and image credits under a picture: who took it, not what the article says. */
const CREDIT_LINE =
  /^\s*(?:photo|photos|photo source|photo credit|image|image source|image credit|picture|credit|credits|foto|fotos|bild|bildquelle|crédit photo|crédit|crédits|source photo)\s*:/i;
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Words a heading must have, ending in a full stop, to be a sentence set large rather than a title. */
const HEADING_SENTENCE_WORDS = 8;

/**
 * A sentence an author set as a heading inside the body (a pull statement, "Up until now, the only credible plan
 * … is that of the Green New Deal."): titles do not end in a full stop and are short.
 */
function headingThatIsASentence(block: Element): boolean {
  if (!HEADINGS.has(tagOf(block))) return false;
  const text = fold(block.textContent ?? '');
  return /[.!?…]["”»’)]?$/.test(text) && text.split(' ').length >= HEADING_SENTENCE_WORDS;
}

/** Links handled per slice check. */
const LINKS_PER_CHECK = 200;

const EMPTY: LinkedClaims = { claims: [], sources: [], sentences: 0, ownSites: [] };

/**
 * The sentences of the article's prose that link to another site, as claims whose sources are the linked pages.
 * Costs a few native queries on a page with no outside link in its paragraphs, and stops there; the body is
 * looked for only then, and the links are read only inside it.
 */
export function* findLinkedClaims(
  root: Element,
  pageUrl: string | null,
  base: string | null,
  lang: string,
  options: LinkedClaimOptions = {},
): Generator<ScanPause, LinkedClaims, SiteOfUrl | undefined> {
  let siteOf = options.siteOf;
  if (!siteOf) {
    // Without the list, by host: a link to the page's own host is to its own site, whatever the suffix says.
    if (!mightLinkElsewhere(root, [pageUrl, options.declaredUrl ?? null], options.countOwnSiteLinks ?? false))
      return EMPTY;
    siteOf = yield SITES_WANTED;
    if (!siteOf) throw new Error('findLinkedClaims: SITES_WANTED answered without a site function');
  }
  const context: LinkContext = {
    base,
    pageSite: siteOfUrl(pageUrl, siteOf),
    alsoOwn: siteOfUrl(options.declaredUrl ?? null, siteOf),
    countOwnSiteLinks: options.countOwnSiteLinks ?? false,
    siteOf,
  };
  if (!mightHaveLinkedClaims(root, context)) return EMPTY;
  yield;
  const around = new AroundCache(root);
  const body = yield* findArticleBody(root, around);
  if (!body) return EMPTY;
  yield;

  const byBlock = new Map<Element, { link: Element; cited: CitationLink }[]>();
  let handled = 0;
  for (const part of body) {
    for (const link of Array.from(part.querySelectorAll('a[href]'))) {
      if (++handled % LINKS_PER_CHECK === 0) yield;
      // A part around the article inside the body's block: a share bar, a caption, an ad, an author box.
      if (aroundBelow(link, part, around)) continue;
      const cited = citationLink(link, context);
      if (!cited) continue;
      const block = blockOf(link);
      if (!block || (NOT_PROSE_BLOCKS.has(tagOf(block)) && !headingThatIsASentence(block))) continue;
      const list = byBlock.get(block);
      if (list) list.push({ link, cited });
      else byBlock.set(block, [{ link, cited }]);
    }
  }

  const claims: Claim[] = [];
  const sources: Source[] = [];
  const sourceOf = new Map<string, Source>();
  for (const [block, links] of byBlock) {
    yield;
    const text = new BlockText(block, new Set());
    if (!isProse(text, block)) continue;
    const at = new Map<Text, number>();
    for (const piece of text.pieces) at.set(piece.node, piece.at);
    const bounds = sentenceBounds(text.text, lang);
    const groups = new Map<number, { link: Element; cited: CitationLink; text: string }[]>();
    let index = 0;
    for (const { link, cited } of links) {
      const first = firstTextIn(link);
      const offset = first ? at.get(first) : undefined;
      if (offset === undefined) continue;
      while (index < bounds.length - 1 && offset >= (bounds[index]?.end ?? 0)) index++;
      const group = groups.get(index);
      const entry = { link, cited, text: fold(link.textContent ?? '') };
      if (group) group.push(entry);
      else groups.set(index, [entry]);
    }
    for (const [i, group] of groups) {
      const b = bounds[i];
      if (!b) continue;
      let start = b.start;
      let end = b.end;
      while (start < end && /\s/.test(text.text[start] ?? '')) start++;
      while (end > start && /\s/.test(text.text[end - 1] ?? '')) end--;
      const claim: Claim = {
        id: '',
        text: tidy(text.text.slice(start, end)),
        markers: [],
        sourceIds: [],
        spans: text.spansBetween(start, end),
        links: [],
      };
      for (const { link, cited, text: linkText } of group) {
        const key = comparableUrl(cited.url);
        let source = sourceOf.get(key);
        if (!source) {
          const title = fold(link.getAttribute('title') ?? '') || linkText;
          source = {
            id: `linked-${sources.length + 1}`,
            kind: 'linked',
            label: cited.site,
            title,
            publisher: null,
            url: cited.url,
            text: linkText,
            claimIds: [],
          };
          sources.push(source);
          sourceOf.set(key, source);
        }
        if (!claim.sourceIds.includes(source.id)) claim.sourceIds.push(source.id);
        claim.links?.push({ sourceId: source.id, href: cited.href, text: linkText });
      }
      claims.push(claim);
    }
  }
  const ownSites = [context.pageSite, context.alsoOwn].filter((s): s is string => !!s);
  if (!claims.length) return { ...EMPTY, ownSites };
  const sentences = yield* countSentences(body, around, lang);
  return { claims, sources, sentences, ownSites };
}

/** Blocks of the prose whose sentences are counted: the innermost paragraph, item, quote or definition. */
const PROSE_BLOCKS = 'p, li, blockquote, dd';

/** The article's sentences, linked or not: what the share of linked sentences is a share of. */
function* countSentences(body: Element[], around: AroundCache, lang: string): Generator<void, number> {
  let count = 0;
  let seen = 0;
  for (const part of body) {
    const blocks = tagOf(part) === 'p' ? [part] : Array.from(part.querySelectorAll(PROSE_BLOCKS));
    for (const block of blocks) {
      if (++seen % LINKS_PER_CHECK === 0) yield;
      if (block.querySelector(PROSE_BLOCKS) || aroundBelow(block, part, around)) continue;
      const text = fold(block.textContent ?? '');
      if (text.length < 20 || POINTER_LINE.test(text) || READ_ALSO_LINE.test(text)) continue;
      count += sentenceBounds(text, lang).length;
    }
  }
  return count;
}

/**
 * A few native queries: is there a link in a paragraph, list item or quote that can cite another page? Relative
 * links only when own-site links count.
 */
function mightHaveLinkedClaims(root: Element, context: LinkContext): boolean {
  const own = [context.pageSite, context.alsoOwn].filter((site): site is string => !!site);
  return someProseLink(
    root,
    context.countOwnSiteLinks,
    (host) => own.some((site) => host === site || host.endsWith(`.${site}`)),
    (link) => !!citationLink(link, context),
  );
}

/**
 * The same gate without the public suffix list, and so never narrower: is there a link in prose to a host other
 * than the page's own (as written in `ownUrls`)? A link the gate above lets through has a host whose site is not
 * the page's, so it is not the page's host either.
 */
function mightLinkElsewhere(root: Element, ownUrls: (string | null)[], countOwnSiteLinks: boolean): boolean {
  const own = ownUrls.map((url) => (url ? ABSOLUTE_HOST.exec(url)?.[1]?.toLowerCase() : undefined));
  return someProseLink(
    root,
    countOwnSiteLinks,
    (host) => own.includes(host),
    () => true,
  );
}

/**
 * Whether a link in prose outside furniture passes `accept`; relative links and those whose host `isOwnHost`
 * says is the page's are skipped first (unless own-site links count).
 */
function someProseLink(
  root: Element,
  countOwnSiteLinks: boolean,
  isOwnHost: (host: string) => boolean,
  accept: (link: Element) => boolean,
): boolean {
  for (const link of Array.from(root.getElementsByTagName('a'))) {
    const href = link.getAttribute('href');
    if (!href) continue;
    if (!countOwnSiteLinks) {
      // Most links of a news page are absolute links to the outlet itself: told apart by their host, unparsed.
      const host = ABSOLUTE_HOST.exec(href)?.[1]?.toLowerCase();
      if (!host || isOwnHost(host)) continue;
    }
    if (inProseOutsideFurniture(link, root) && accept(link)) return true;
  }
  return false;
}

const ABSOLUTE_HOST = /^\s*(?:https?:)?\/\/([^/?#:@\s]+)/i;
/** Where a citing link can stand. */
const GATE_PROSE = new Set(['p', 'li', 'blockquote']);
/** Parts around an article that the body never includes (boilerplate.ts): menus, mastheads, footers, asides. */
const GATE_AROUND = new Set(['nav', 'header', 'footer', 'aside']);
const GATE_AROUND_ROLES = /^(?:navigation|banner|contentinfo|complementary)$/;

/**
 * Whether a link stands in a paragraph, list item or quote, outside menus, mastheads and footers: they link to
 * sister sites and apps on every page, and nothing there is ever a claim. One walk up, tag names only.
 */
function inProseOutsideFurniture(link: Element, root: Element): boolean {
  let prose: Element | null = null;
  for (let el = link.parentElement; el && el !== root; el = el.parentElement) {
    const tag = tagOf(el);
    if (GATE_AROUND.has(tag)) return false;
    if (!prose && GATE_PROSE.has(tag)) prose = el;
    const role = el.getAttribute('role');
    if (role && GATE_AROUND_ROLES.test(role)) return false;
  }
  if (!prose) return false;
  // A menu item is its link and little else; a sentence has words around its link (as isProse asks later).
  const text = fold(prose.textContent ?? '').length;
  return text >= 20 && fold(link.textContent ?? '').length <= MAX_BLOCK_LINK_DENSITY * text;
}

/** Whether a part around the article lies between `link` and `part` (the body block the link was found in). */
function aroundBelow(link: Element, part: Element, around: AroundCache): boolean {
  for (let el = link.parentElement; el && el !== part; el = el.parentElement)
    if (around.isAroundItself(el)) return true;
  return false;
}

/** A block of running text: some words of its own, not mostly links, not a "Read more:" line. */
function isProse(text: BlockText, block: Element): boolean {
  const folded = fold(text.text);
  if (
    folded.length < 20 ||
    POINTER_LINE.test(folded) ||
    READ_ALSO_LINE.test(folded) ||
    CREDIT_LINE.test(folded)
  )
    return false;
  let linked = 0;
  for (const piece of text.pieces) {
    if (insideLink(piece.node, block)) linked += fold(piece.node.data).length;
  }
  return linked <= MAX_BLOCK_LINK_DENSITY * folded.length;
}

function insideLink(node: Node, block: Element): boolean {
  for (let el = node.parentElement; el && el !== block; el = el.parentElement)
    if (tagOf(el) === 'a') return true;
  return false;
}

function firstTextIn(link: Element): Text | null {
  for (let node: Node | null = link.firstChild; node; node = nextInOrder(node, link)) {
    if (isText(node) && node.data.trim()) return node;
    if (node !== link && BLOCK_TAGS.has(tagOf(node))) return null;
  }
  return null;
}

function fold(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The sentence as a reader reads it: whitespace folded (quotes left as they are: „…“ closes with “ in German). */
function tidy(text: string): string {
  return fold(text);
}
