import { Readability } from '@mozilla/readability';
import { buildPassages, type Passage } from './passages';
import { splitSentences } from './sentences';

export interface SourceText {
  title: string;
  /** The site's own name for itself (`og:site_name`), when the page gives one. */
  siteName?: string;
  /** The article's text, paragraphs separated by blank lines. */
  text: string;
  sentences: string[];
  passages: Passage[];
}

/** Parses HTML into a fresh document: linkedom's `parseHTML(html).document` in Node, `DOMParser` in a page. */
export type ParseHtml = (html: string) => Document;

// Elements whose edges are paragraph breaks: a sentence never runs from a heading into the text under it.
const BLOCKS = new Set(
  `address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3
h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul`.split(/\s+/),
);
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'canvas',
]);

/** The text under a node, with a blank line at every block edge. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).localName?.toLowerCase() ?? '';
    if (SKIPPED.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

function readArticle(doc: Document): { title: string; root: Node } | null {
  try {
    // The serializer hands back the article's element itself, so its block structure survives.
    const article = new Readability<Node>(doc, { serializer: (node) => node }).parse();
    if (article?.content && (article.textContent ?? '').trim().length > 0) {
      return { title: (article.title ?? '').trim(), root: article.content };
    }
  } catch {
    // Readability throws on some malformed documents; the body is still worth reading.
  }
  return null;
}

/**
 * The readable text of a page: Readability's article when it finds one, else the body's text. Sentences never
 * cross paragraphs; passages are sentences and windows of adjacent ones (see {@link buildPassages}).
 */
export function extractSourceText(html: string, url: string, parse: ParseHtml): SourceText {
  const doc = parse(html);
  const pageTitle = (doc.title ?? '').trim();
  const siteName = siteNameOf(doc);
  setBaseUrl(doc, url);
  const fallbackRoot: Node = doc.body ?? doc.documentElement ?? doc;
  // Readability mutates the document it reads, so the body fallback reads a second copy.
  const article = readArticle(doc);
  const root = article?.root ?? parse(html).body ?? fallbackRoot;
  const text = blockText(root);
  const read = fromPlainText(text, article?.title || pageTitle);
  return siteName ? { ...read, siteName } : read;
}

/** `og:site_name` (or the older `application-name`), whitespace folded, capped: a name, never a paragraph. */
function siteNameOf(doc: Document): string | null {
  const meta =
    doc.querySelector('meta[property="og:site_name"]') ?? doc.querySelector('meta[name="application-name"]');
  const name = (meta?.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
  return name ? name.slice(0, 120) : null;
}

/** Sentences and passages of text that is already plain (paragraphs separated by blank lines). */
export function fromPlainText(text: string, title = ''): SourceText {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
  const sentences = paragraphs.flatMap((p) => splitSentences(p));
  return {
    title,
    text: paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n\n'),
    sentences,
    passages: buildPassages(sentences),
  };
}

/** Readability resolves relative links against the document's base; give it the page's real address. */
function setBaseUrl(doc: Document, url: string): void {
  if (!url || !doc.head || doc.querySelector('base[href]')) return;
  try {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  } catch {
    // A DOM without prepend or createElement still parses; links simply stay relative.
  }
}

/** Whether text is an HTML page or fragment rather than prose: a tag among the first characters decides. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|p|div|article|section|main|span|br|h[1-6]|table|ul|ol|li)[\s/>]/i.test(
    text.slice(0, 4096),
  );
}

/** A source given as HTML or as plain text, whichever it is. */
export function readSourceText(content: string, url: string, parse: ParseHtml): SourceText {
  return looksLikeHtml(content) ? extractSourceText(content, url, parse) : fromPlainText(content);
}
