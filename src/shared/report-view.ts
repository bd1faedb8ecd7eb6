/** Small readings of a report that the card and the popup both show. */
import type { FindingKind, JsonFinding, JsonReport, JsonSource } from '../core';
import type { MessageKey } from './i18n';

/** The link a reader may follow: http(s) only, so a source cannot smuggle `javascript:` or `data:` into a click. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "www.wired.com" → "wired.com"; null when the source has no web link. */
export function siteOfSource(source: Pick<JsonSource, 'url'>): string | null {
  const url = safeHttpUrl(source.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : null;
}

/** A heading in plain words for each kind of finding; the core's own message says the particulars. */
export const FINDING_TITLE: Record<FindingKind, MessageKey> = {
  'dangling-marker': 'findingDanglingMarker',
  'reference-not-on-page': 'findingReferenceNotOnPage',
  'uncited-source': 'findingUncitedSource',
  'source-concentration': 'findingSourceConcentration',
  'duplicate-source': 'findingDuplicateSource',
  'source-without-link': 'findingSourceWithoutLink',
  'unsafe-link': 'findingUnsafeLink',
  'citation-needed': 'findingCitationNeeded',
  'linked-share': 'findingLinkedShare',
  'site-concentration': 'findingSiteConcentration',
  'own-site-links': 'findingOwnSiteLinks',
  'social-post-only': 'findingSocialPostOnly',
};

/** The findings that concern a claim: about the claim itself or about a source it cites. */
export function findingsForClaim(
  report: JsonReport,
  claimId: string,
  sourceIds: readonly string[],
): JsonFinding[] {
  return report.findings.filter(
    (f) => f.claims.includes(claimId) || f.sources.some((s) => sourceIds.includes(s)),
  );
}

export interface LinkedSite {
  /** The site's registrable domain (a linked source's label): `nature.com`. */
  site: string;
  sources: JsonSource[];
  /** Distinct claims that link to any of its pages. */
  claims: number;
}

/** A page's linked sources by site, the site most claims rest on first (then most pages, then by name). */
export function linkedSites(sources: readonly JsonSource[]): LinkedSite[] {
  const groups = new Map<string, JsonSource[]>();
  for (const s of sources) {
    if (s.kind !== 'linked') continue;
    groups.set(s.label, [...(groups.get(s.label) ?? []), s]);
  }
  return [...groups]
    .map(([site, list]) => ({ site, sources: list, claims: new Set(list.flatMap((s) => s.claims)).size }))
    .sort(
      (a, b) => b.claims - a.claims || b.sources.length - a.sources.length || a.site.localeCompare(b.site),
    );
}
