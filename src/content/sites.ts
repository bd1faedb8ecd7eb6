/**
 * A part of the content script of its own (vite.config.ts): the public suffix list that names a link's site,
 * about 45 KB gzipped, loaded by the main part only for a page whose prose links to another host
 * (src/content/lazy-sites.ts, src/core/links/site.ts).
 */
export { siteByPublicSuffix } from '../core/links/public-suffix';
