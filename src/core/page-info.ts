import { foldWhitespace } from './dom/node-kinds';
import { absoluteHttpUrl, isHttpUrl } from './url';

/** The page's own address: the caller's word first, then the document's, then what the page says of itself. */
export function pageUrl(doc: Document, given: string | null | undefined): string | null {
  if (given !== undefined) return given && isHttpUrl(given) ? given : null;
  if (isHttpUrl(doc.URL)) return doc.URL;
  return declaredUrl(doc);
}

/** `<base href>`, the canonical link or `og:url`, made absolute (protocol-relative counts as https). */
export function declaredUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('base[href]')?.getAttribute('href'),
    doc.querySelector('link[rel="canonical"][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    const url = c ? absoluteHttpUrl(c, null) : null;
    if (url) return url;
  }
  return null;
}

/** The base links are resolved against: `<base href>` wins over the page's address, as in browsers. */
export function linkBase(doc: Document, url: string | null): string | null {
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  const resolvedBase = base ? absoluteHttpUrl(base, url) : null;
  return resolvedBase ?? url ?? declaredUrl(doc);
}

export function pageTitle(doc: Document): string {
  const title = foldWhitespace(doc.title ?? '');
  if (title) return title;
  return foldWhitespace(doc.querySelector('h1')?.textContent ?? '');
}

export function pageLanguage(doc: Document): string {
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  return /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/i.test(lang) ? lang : 'en';
}
