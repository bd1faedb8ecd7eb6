/** Readings of a check that the popup, the card, the exports and the CLI share. */
import { BUSY_MESSAGE } from '../fetch/types';
import type { SupportVerdict } from '../verify/judge';
import type { CheckedClaim, CheckedSource, CheckResult, SourceStatusKind } from './types';

const RANK: Record<SupportVerdict, number> = { supported: 3, partial: 2, not_found: 1, unavailable: 0 };

/**
 * A claim's verdict over all its sources: the best one, since a claim needs one source that backs it. A claim
 * whose sources all said nothing readable is `unavailable`.
 */
export function claimVerdict(claim: Pick<CheckedClaim, 'judgements'>): SupportVerdict {
  let best: SupportVerdict = 'unavailable';
  for (const j of claim.judgements) if (RANK[j.verdict] > RANK[best]) best = j.verdict;
  return best;
}

/** How many of the claims citing a source that source supports. */
export function sourceSupport(result: CheckResult, sourceId: string): { claims: number; supported: number } {
  let claims = 0;
  let supported = 0;
  for (const claim of result.claims) {
    const j = claim.judgements.find((x) => x.source === sourceId);
    if (!j) continue;
    claims++;
    if (j.verdict === 'supported') supported++;
  }
  return { claims, supported };
}

export interface PageSummary {
  claims: number;
  verdicts: Record<SupportVerdict, number>;
  sources: number;
  /** Sources by link status (only the statuses that occur). */
  statuses: Partial<Record<SourceStatusKind, number>>;
  /** The source that the most claims cite alone, and the share of all claims that rest on it alone. */
  concentration: { sourceId: string; label: string; claims: number; share: number } | null;
}

export function summarise(result: CheckResult): PageSummary {
  const verdicts: Record<SupportVerdict, number> = { supported: 0, partial: 0, not_found: 0, unavailable: 0 };
  for (const claim of result.claims) verdicts[claimVerdict(claim)]++;
  const statuses: Partial<Record<SourceStatusKind, number>> = {};
  for (const s of result.sources) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const alone = new Map<string, number>();
  for (const claim of result.claims) {
    const only = claim.judgements.length === 1 ? claim.judgements[0]?.source : undefined;
    if (only !== undefined) alone.set(only, (alone.get(only) ?? 0) + 1);
  }
  let concentration: PageSummary['concentration'] = null;
  for (const [sourceId, n] of alone) {
    if (n < 2 || (concentration && concentration.claims >= n)) continue;
    const label = result.sources.find((s) => s.id === sourceId)?.label ?? sourceId;
    concentration = { sourceId, label, claims: n, share: n / Math.max(1, result.claims.length) };
  }
  return { claims: result.claims.length, verdicts, sources: result.sources.length, statuses, concentration };
}

/** Whether a source's page was read (directly or after a redirect). */
export function wasRead(source: Pick<CheckedSource, 'status'>): boolean {
  return source.status === 'ok' || source.status === 'redirected';
}

/**
 * Whether a source's site gave no answer at all, as when the reader is offline, the name does not resolve or the
 * connection is refused: a network error or a time-out with no HTTP status, rather than an answer that says no.
 */
export function wasUnreached(source: Pick<CheckedSource, 'status' | 'detail'>): boolean {
  const detail = source.detail ?? '';
  return (
    (source.status === 'error' || source.status === 'timeout') &&
    !/^HTTP /.test(detail) &&
    !detail.startsWith(BUSY_MESSAGE)
  );
}

/**
 * What a check could read, before any verdict: no source to read; nothing read because no site answered (are you
 * offline?); nothing read for other reasons; or something read, and the verdicts mean something.
 */
export type ReadingOutcome = 'no-sources' | 'unreached' | 'nothing-read' | 'read';

export function readingOutcome(result: CheckResult): ReadingOutcome {
  if (result.sources.length === 0) return 'no-sources';
  if (result.sources.some(wasRead)) return 'read';
  const fetched = result.sources.filter((s) => s.status !== 'no-link');
  return fetched.length > 0 && fetched.every(wasUnreached) ? 'unreached' : 'nothing-read';
}

/** Link statuses in the words of the summary line, for the statuses worth a reader's attention. */
const PROBLEM_WORDS: [SourceStatusKind, string, string][] = [
  ['dead', 'source dead', 'sources dead'],
  ['redirected', 'source moved to another site', 'sources moved to other sites'],
  ['blocked', 'source blocked or paywalled', 'sources blocked or paywalled'],
  ['timeout', 'source timed out', 'sources timed out'],
  ['not-html', 'source not a web page', 'sources not web pages'],
  ['too-large', 'source too large', 'sources too large'],
  ['redirect-loop', 'source redirects in a loop', 'sources redirect in a loop'],
  ['error', 'source failed to load', 'sources failed to load'],
  ['refused', 'source refused', 'sources refused'],
  ['not-checked', 'source not checked', 'sources not checked'],
  ['no-link', 'source without a link', 'sources without a link'],
];

/** "23 of 41 claims supported by their source; 1 source dead; 46% of claims rest on one source". */
export function summaryLine(summary: PageSummary): string {
  const parts = [`${summary.verdicts.supported} of ${summary.claims} claims supported by their source`];
  for (const [kind, one, many] of PROBLEM_WORDS) {
    const n = summary.statuses[kind] ?? 0;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  const c = summary.concentration;
  if (c) parts.push(`${Math.round(c.share * 100)}% of claims rest on one source`);
  return parts.join('; ');
}

/**
 * The summary as a sentence, for the English exports: the summary line when something was read, else that
 * nothing was checked and why (the extension words the same from its _locales: src/shared/summary-text.ts).
 */
export function summarySentence(result: CheckResult): string {
  const n = result.sources.length;
  switch (readingOutcome(result)) {
    case 'no-sources':
      return 'Nothing to check: no cited sources.';
    case 'unreached':
      return n === 1
        ? 'Nothing checked: the only source could not be reached — are you offline?'
        : `Nothing checked: none of the ${n} sources could be reached — are you offline?`;
    case 'nothing-read':
      return n === 1
        ? 'Nothing checked: the only source could not be read.'
        : `Nothing checked: none of the ${n} sources could be read.`;
    case 'read':
      return `${summaryLine(summarise(result))}.`;
  }
}
