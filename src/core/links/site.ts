import { getDomain, getHostname } from 'tldts';

/**
 * The site a URL belongs to, as readers name it: its registrable domain (`edition.cnn.com` and `www.cnn.com` are
 * both `cnn.com`; `bbc.co.uk`, not `co.uk`). Private suffixes count (`a.github.io` and `b.github.io` are two
 * authors' sites). A bare IP address or a single-label host is its own site. Null when the URL has no host.
 */
export function siteOfUrl(url: string | null): string | null {
  if (!url) return null;
  const host = getHostname(url);
  if (!host) return null;
  return getDomain(host, { allowPrivateDomains: true }) ?? host.toLowerCase();
}
