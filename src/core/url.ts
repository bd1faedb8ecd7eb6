/** URL rules shared by the scanner and the fetcher: what may be shown as a link and fetched. */

const ARCHIVE_HOSTS =
  /(?:^|\.)(?:web\.archive\.org|archive\.org|archive\.today|archive\.ph|archive\.is|archive\.li|webcitation\.org|ghostarchive\.org|perma\.cc)$/i;

/** The absolute http(s) form of `href`, or null when it is not an http(s) link (or cannot be made absolute). */
export function absoluteHttpUrl(href: string, base: string | null): string | null {
  const trimmed = href.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    if (trimmed.startsWith('//')) url = new URL(`https:${trimmed}`);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) url = new URL(trimmed);
    else if (base) url = new URL(trimmed, base);
    else return null;
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Links with a scheme that runs code or embeds content: never clickable, never fetched, always reported. */
export function isUnsafeHref(href: string): boolean {
  // Browsers drop tabs and line breaks inside a URL, so "java\tscript:" runs as javascript: strip them before reading.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is stripped here
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u001f]/g, ''));
  return (
    !!scheme &&
    /^(?:javascript|data|vbscript|file|blob|filesystem|about|chrome|chrome-extension|moz-extension)$/i.test(
      scheme[1] ?? '',
    )
  );
}

export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function isArchiveUrl(url: string): boolean {
  try {
    return ARCHIVE_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The site's name as readers say it: "arstechnica.com" for https://www.arstechnica.com/…. */
export function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return null;
  }
}

/** A URL reduced to what makes two links the same work: no fragment, no tracking parameters, no trailing slash. */
export function comparableUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of Array.from(u.searchParams.keys())) {
      if (/^(?:utm_|fbclid|gclid|mc_|ref$|ref_src$)/i.test(key)) u.searchParams.delete(key);
    }
    u.hostname = u.hostname.replace(/^www\./, '');
    const href = u.href.replace(/^https?:/, '');
    return href.endsWith('/') ? href.slice(0, -1) : href;
  } catch {
    return url;
  }
}
