/**
 * Findings in English words, for the command line and the exported reports. The extension words them from its
 * `_locales` instead (src/shared/finding-text.ts), from the same parameters.
 */
import type { FindingDetail } from './types';

const rules = new Intl.PluralRules('en');
const one = (n: number) => rules.select(n) === 'one';

/** `[1], [2]`: labels as the page shows them. */
const bracketed = (labels: readonly string[]) => labels.map((l) => `[${l}]`).join(', ');

/** The longest sentence a finding quotes whole; a longer one is cut, with an ellipsis. */
const QUOTE_MAX = 120;

/** A sentence as a finding quotes it: whole when short, else its first words and an ellipsis. */
export function quotedSentence(text: string): string {
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 3).trimEnd()}…` : text;
}

export function findingMessage(finding: FindingDetail): string {
  switch (finding.kind) {
    case 'dangling-marker': {
      const n = finding.params.markers.length;
      return `${one(n) ? 'Marker' : 'Markers'} ${bracketed(finding.params.markers)} point${one(n) ? 's' : ''} to no reference on this page.`;
    }
    case 'reference-not-on-page': {
      const n = finding.params.markers.length;
      return `The reference list that ${one(n) ? 'marker' : 'markers'} ${bracketed(finding.params.markers)} ${one(n) ? 'points' : 'point'} to is not on this page (it may load later): ${one(n) ? 'its source is' : 'their sources are'} not known yet.`;
    }
    case 'uncited-source': {
      const n = finding.params.labels.length;
      return `${one(n) ? 'Reference' : `${n} references`} ${bracketed(finding.params.labels)} ${one(n) ? 'is' : 'are'} listed but never cited in the text.`;
    }
    case 'source-concentration': {
      const p = finding.params;
      return `${p.percent}% of the claims (${p.claims} of ${p.total}) rest on one source: [${p.label}] ${p.title}.`;
    }
    case 'duplicate-source': {
      const p = finding.params;
      return `${bracketed(p.labels)} are the same link (${p.url}): one source counted as ${p.labels.length}.`;
    }
    case 'source-without-link': {
      const n = finding.params.labels.length;
      return `${one(n) ? 'Reference' : `${n} references`} ${bracketed(finding.params.labels)} ${one(n) ? 'has' : 'have'} no link, so ${one(n) ? 'it' : 'they'} cannot be checked online.`;
    }
    case 'unsafe-link':
      return `Reference [${finding.params.label}] carries a ${finding.params.scheme}: link, which is not a web address; it is shown as text and never opened.`;
    case 'citation-needed':
      return `The page itself marks this as needing a citation: “${finding.params.sentence}”`;
    case 'linked-share': {
      const p = finding.params;
      return `${p.linked} of the article’s ${p.sentences} sentences (${p.percent}%) link to a source.`;
    }
    case 'site-concentration': {
      const p = finding.params;
      return `${p.percent}% of the linked claims (${p.claims} of ${p.total}) link to one site: ${p.site}.`;
    }
    case 'own-site-links': {
      const n = finding.params.claims;
      return `${one(n) ? '1 linked claim links' : `${n} linked claims link`} to this outlet’s own pages (${finding.params.site}), not to an outside source.`;
    }
    case 'social-post-only':
      return `This claim’s only source is a post on ${finding.params.site}: “${finding.params.sentence}”`;
  }
}
