import type { SiteOfUrl } from '../core/links/site';
import { CONTENT_SITES_FILE } from './lazy-files';
import { importContentPart } from './lazy-part';

let loading: Promise<SiteOfUrl> | null = null;

/**
 * The site function for the scan's linked claims (`SliceOptions.loadSiteOf`): the public suffix list, loaded on
 * the first scan that finds a link in the prose to another host, then kept for the page's later scans.
 */
export function loadSiteOf(): Promise<SiteOfUrl> {
  loading ??= importContentPart<typeof import('./sites')>(CONTENT_SITES_FILE).then(
    (part) => part.siteByPublicSuffix,
    (error: unknown) => {
      // The next scan tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}
