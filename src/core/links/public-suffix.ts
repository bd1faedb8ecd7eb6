import { getDomain, getHostname } from 'tldts';
import type { SiteOfUrl } from './site';

/**
 * `SiteOfUrl` by the public suffix list (tldts, with its data): what every shell passes to the scan. Imported
 * by shells only, never by the scan itself, so the content script's main part does not carry the list
 * (src/core/links/site.ts).
 */
export const siteByPublicSuffix: SiteOfUrl = (url) => {
  const host = getHostname(url);
  if (!host) return null;
  return getDomain(host, { allowPrivateDomains: true }) ?? host.toLowerCase();
};
