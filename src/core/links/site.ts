/**
 * The site a URL belongs to, as readers name it: its registrable domain (`edition.cnn.com` and `www.cnn.com` are
 * both `cnn.com`; `bbc.co.uk`, not `co.uk`). Private suffixes count (`a.github.io` and `b.github.io` are two
 * authors' sites). A bare IP address or a single-label host is its own site. Null when the URL has no host.
 *
 * Telling `bbc.co.uk` from `co.uk` takes the public suffix list, about 45 KB gzipped of data: too much for a
 * content script that runs on every page. So the core takes the function from its shell (`ScanOptions.siteOf`):
 * the CLI, the eval and the tests pass `siteByPublicSuffix` (./public-suffix.ts) up front; the content script
 * loads that module as a part of its own only when a page has a link that may cite another site
 * (`SliceOptions.loadSiteOf`).
 */
export type SiteOfUrl = (url: string) => string | null;

export function siteOfUrl(url: string | null, siteOf: SiteOfUrl): string | null {
  return url ? siteOf(url) : null;
}
