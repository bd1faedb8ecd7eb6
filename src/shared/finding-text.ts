/**
 * A finding in the reader's language, from its parameters (src/core/types.ts FindingParams). A report saved
 * before findings carried parameters keeps its English message.
 */
import type { JsonFinding } from '../core/types';
import { formatNumber, plural, t } from './i18n';

const bracketed = (labels: readonly string[]) => labels.map((l) => `[${l}]`).join(', ');

export function findingText(finding: JsonFinding): string {
  const n = formatNumber;
  switch (finding.kind) {
    case 'dangling-marker':
      if (!finding.params) break;
      return plural(
        'findingTextDanglingMarker',
        finding.params.markers.length,
        bracketed(finding.params.markers),
      );
    case 'reference-not-on-page':
      if (!finding.params) break;
      return plural(
        'findingTextReferenceNotOnPage',
        finding.params.markers.length,
        bracketed(finding.params.markers),
      );
    case 'uncited-source':
      if (!finding.params) break;
      return plural(
        'findingTextUncitedSource',
        finding.params.labels.length,
        bracketed(finding.params.labels),
      );
    case 'source-concentration': {
      const p = finding.params;
      if (!p) break;
      return t('findingTextSourceConcentration', [n(p.percent), n(p.claims), n(p.total), p.label, p.title]);
    }
    case 'duplicate-source': {
      const p = finding.params;
      if (!p) break;
      return t('findingTextDuplicateSource', [n(p.labels.length), bracketed(p.labels), p.url]);
    }
    case 'source-without-link':
      if (!finding.params) break;
      return plural(
        'findingTextSourceWithoutLink',
        finding.params.labels.length,
        bracketed(finding.params.labels),
      );
    case 'unsafe-link':
      if (!finding.params) break;
      return t('findingTextUnsafeLink', [finding.params.label, finding.params.scheme]);
    case 'citation-needed':
      if (!finding.params) break;
      return t('findingTextCitationNeeded', finding.params.sentence);
    case 'linked-share': {
      const p = finding.params;
      if (!p) break;
      return plural('findingTextLinkedShare', p.sentences, n(p.linked), n(p.percent));
    }
    case 'site-concentration': {
      const p = finding.params;
      if (!p) break;
      return t('findingTextSiteConcentration', [n(p.percent), n(p.claims), n(p.total), p.site]);
    }
    case 'own-site-links':
      if (!finding.params) break;
      return plural('findingTextOwnSiteLinks', finding.params.claims, finding.params.site);
    case 'social-post-only':
      if (!finding.params) break;
      return t('findingTextSocialPostOnly', [finding.params.site, finding.params.sentence]);
  }
  return finding.message;
}
