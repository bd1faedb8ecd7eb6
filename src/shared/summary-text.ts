/**
 * A check's summary in the reader's language, from the core's counts: how many claims a source supports, the
 * link troubles worth a look, and the one source the page leans on; or, when nothing could be read, that nothing
 * was checked (not "0 of 41 supported", which reads like a verdict).
 */
import { readingOutcome, summarise, wasUnreached } from '../core/check/summary';
import type { CheckedSource, CheckResult, SourceStatusKind } from '../core/check/types';
import { formatNumber, type PluralMessage, plural, t } from './i18n';

/** Link troubles in the summary, in this order; `unreachable` is an `error` with no answer at all. */
const TROUBLES: Partial<Record<SourceStatusKind | 'unreachable', PluralMessage>> = {
  dead: 'summaryDead',
  redirected: 'summaryRedirected',
  blocked: 'summaryBlocked',
  timeout: 'summaryTimeout',
  'not-html': 'summaryNotHtml',
  'too-large': 'summaryTooLarge',
  'redirect-loop': 'summaryRedirectLoop',
  error: 'summaryError',
  unreachable: 'summaryUnreachable',
  refused: 'summaryRefused',
  'not-checked': 'summaryNotChecked',
  'no-link': 'summaryNoLink',
};

const trouble = (s: CheckedSource) => (s.status === 'error' && wasUnreached(s) ? 'unreachable' : s.status);

export function checkSummaryText(result: CheckResult): string {
  const outcome = readingOutcome(result);
  if (outcome === 'no-sources') return t('summaryNoSources');
  if (outcome === 'unreached') return plural('summaryUnreached', result.sources.length);
  if (outcome === 'nothing-read') return plural('summaryNothingRead', result.sources.length);
  const summary = summarise(result);
  const parts = [plural('summarySupported', summary.claims, formatNumber(summary.verdicts.supported))];
  const counts = new Map<string, number>();
  for (const s of result.sources) counts.set(trouble(s), (counts.get(trouble(s)) ?? 0) + 1);
  for (const [kind, message] of Object.entries(TROUBLES)) {
    const n = counts.get(kind) ?? 0;
    if (n > 0 && message) parts.push(plural(message, n));
  }
  const c = summary.concentration;
  if (c) parts.push(t('summaryConcentration', formatNumber(Math.round(c.share * 100))));
  return parts.join(t('summarySeparator'));
}
