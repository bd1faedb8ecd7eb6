import { absoluteHttpUrl } from '../url';
import { type SiteOfUrl, siteOfUrl } from './site';

/** A link that cites another page: where it goes, as linked and as a source's identity, and its site. */
export interface CitationLink {
  /** Absolute, as linked (a fragment kept, for a link to the very passage). */
  href: string;
  /** Absolute, without the fragment: two links that differ only there cite one source. */
  url: string;
  /** Registrable domain: `nature.com`. */
  site: string;
}

export interface LinkContext {
  /** What relative links resolve against; null: relative links are left out (their target is unknown). */
  base: string | null;
  /**
   * The page's own site (registrable domain), null when unknown; `alsoOwn` is the site the page declares itself
   * to be (canonical, og:url) when it is served from elsewhere (a saved copy, a mirror, a cache).
   */
  pageSite: string | null;
  alsoOwn?: string | null;
  /** Count links to the page's own site (outlets citing their own earlier reporting). */
  countOwnSiteLinks: boolean;
  /** The registrable domain of a URL (./site.ts). */
  siteOf: SiteOfUrl;
}

/** Endpoints that post the page somewhere rather than cite something: share and intent links of any network. */
const SHARE_PATH =
  /\/(?:sharer|share|sharing|intent|submit|shareArticle|pin\/create|send|compose|bookmark|addtoany|email-a-friend)(?:[/.?]|\.php|$)/i;
const SHARE_QUERY = /[?&](?:u|url|shareurl|share_url|link)=https?(?::|%3A)/i;

/** Listing pages of a site: tags, topics, authors, profiles, categories, search (in the languages of the fixtures and their neighbours). */
const LISTING_SEGMENT =
  /^(?:tag|tags|topic|topics|theme|themes|thema|themen|stichwort|stichworte|schlagwort|author|authors|autor|autoren|auteur|auteurs|autores|profile|profiles|profil|user|users|people|contributor|contributors|journalist|journalists|category|categories|categorie|kategorie|rubrik|section|sections|etiqueta|etiquetas|tema|temas|mot-cle|mots-cles|sujet|sujets|search|suche|recherche|buscar|busqueda|archive|archives|hashtag|explore)$/i;

/** Query keys that make a page a search-results page. */
const SEARCH_QUERY = /[?&](?:q|s|query|search|keywords?|term)=/i;

/**
 * Social networks whose bare account page is a profile, not a post: a link to `twitter.com/someone` names a person,
 * a link to `twitter.com/someone/status/1` cites what they wrote.
 */
const SOCIAL_SITES = new Set([
  'twitter.com',
  'x.com',
  'facebook.com',
  'instagram.com',
  'linkedin.com',
  'tiktok.com',
  'youtube.com',
  'threads.net',
  'bsky.app',
  'mastodon.social',
  'pinterest.com',
  'reddit.com',
  'medium.com',
  'github.com',
  't.me',
  'telegram.me',
  'vk.com',
  'weibo.com',
]);

/** Affiliate and shop links: paid placements (`rel="sponsored"`), affiliate redirectors and tags, product and cart pages. */
const AFFILIATE_SITES = new Set([
  'amzn.to',
  'skimresources.com',
  'skimlinks.com',
  'linksynergy.com',
  'shareasale.com',
  'awin1.com',
  'anrdoezrs.net',
  'dpbolvw.net',
  'jdoqocy.com',
  'kqzyfj.com',
  'tkqlhce.com',
  'go2cloud.org',
  'pntra.com',
  'pjtra.com',
  'avantlink.com',
  'impact.com',
  'sjv.io',
  'pxf.io',
  'howl.me',
  'shopstyle.com',
  'rstyle.me',
  'redirectingat.com',
  'viglink.com',
]);
const AFFILIATE_QUERY =
  /[?&](?:(?:tag|affid|aff_id|affiliate|affiliate_id|affiliateid|aff|clickref|irclickid|ranmid|raneaid|ascsubtag|subid|campid)=|utm_medium=affiliate)/i;
const SHOP_PATH =
  /\/(?:dp|gp\/product|product|products|produkt|produit|producto|shop|store|cart|checkout|buy|kaufen|acheter|comprar)(?:\/|$)/i;

const DOCUMENT_FILE = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|txt)$/i;

/** The link as a citation of another page, or null when it is not one. */
export function citationLink(link: Element, context: LinkContext): CitationLink | null {
  const raw = link.getAttribute('href');
  if (!raw) return null;
  const rel = (link.getAttribute('rel') ?? '').toLowerCase();
  if (/\bsponsored\b/.test(rel)) return null;
  if (drawnByWikiEngine(link, rel)) return null;
  if (showsNoText(link)) return null;
  const href = absoluteHttpUrl(raw, context.base);
  if (!href) return null;
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return null;
  }
  const site = siteOfUrl(href, context.siteOf);
  if (!site) return null;
  if (!context.countOwnSiteLinks && (site === context.pageSite || site === context.alsoOwn)) return null;
  if (notACitation(parsed, site)) return null;
  parsed.hash = '';
  return { href, url: parsed.href, site };
}

/** Share endpoints, listing and search pages, social profiles, affiliate and shop links. */
function notACitation(url: URL, site: string): boolean {
  const path = url.pathname;
  const segments = path.split('/').filter(Boolean);
  if (SHARE_PATH.test(path) || SHARE_QUERY.test(url.search)) return true;
  // A document (a report, a filing) is what it is whatever folder it sits in ("/Products/…/Study.pdf").
  if (AFFILIATE_SITES.has(site) || (SHOP_PATH.test(path) && !DOCUMENT_FILE.test(path))) return true;
  // A redirector carries the shop's address in its query, with the affiliate tag inside it (`?GR_URL=…%3Ftag%3D…`).
  if (AFFILIATE_QUERY.test(url.search) || AFFILIATE_QUERY.test(decoded(url.search))) return true;
  // A listing page is the listing segment and at most one name after it: `/tag/climate`, not `/topics/health/report.pdf`.
  const listing = segments.findIndex((s) => LISTING_SEGMENT.test(s));
  if (listing >= 0 && segments.length - listing <= 2) return true;
  if (SEARCH_QUERY.test(url.search) && (segments.length <= 1 || /search|suche|recherche|buscar/i.test(path)))
    return true;
  if (SOCIAL_SITES.has(site)) {
    const account =
      segments.length === 0 ||
      (segments.length === 1 && !/^(?:watch|status|p|posts?)$/i.test(segments[0] ?? ''));
    const channel =
      segments.length === 2 && /^(?:@|in|user|channel|c|company|groups?|r|u)$/i.test(segments[0] ?? '');
    if (account || channel) return true;
  }
  return false;
}

function decoded(search: string): string {
  try {
    return decodeURIComponent(search);
  } catch {
    return search;
  }
}

/**
 * Links a wiki engine draws itself rather than an author citing a page: MediaWiki's interwiki and sister-project
 * links (`a.extiw`, Parsoid's `rel="mw:WikiLink/Interwiki"`: a dictionary entry, a Commons category) and its bare
 * external links (`a.external` inside the engine's content, Parsoid's `rel="mw:ExtLink"`): on a wiki the citations
 * are the footnotes, and bare external links are the "External links" lists, templates and the odd inline link
 * that the wiki's own rules discourage. Judged from the engine's markup, so any MediaWiki site, not one site.
 */
function drawnByWikiEngine(link: Element, rel: string): boolean {
  if (/\bmw:(?:extlink|wikilink)/.test(rel)) return true;
  const classes = ` ${link.getAttribute('class') ?? ''} `;
  if (/\sextiw\s/.test(classes)) return true;
  return /\sexternal\s/.test(classes) && link.closest(WIKI_CONTENT) !== null;
}

/** Where MediaWiki puts an article's content (the legacy parser's output and its container). */
const WIKI_CONTENT = '.mw-parser-output, #mw-content-text, .mw-body-content';

/** A link that shows no words (it wraps an image, a logo, an icon): nothing a sentence says rests on it. */
function showsNoText(link: Element): boolean {
  return !/[\p{L}\p{N}]/u.test(link.textContent ?? '');
}
