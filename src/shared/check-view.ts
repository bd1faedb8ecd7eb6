/** Readings of a check that the card and the popup both show. */

import { wasUnreached } from '../core/check/summary';
import type {
  CheckedClaim,
  CheckedJudgement,
  CheckedSource,
  CheckResult,
  SourceStatusKind,
} from '../core/check/types';
import type { SupportVerdict } from '../core/verify/judge';
import { detailText } from './detail-text';
import type { ClaimState } from './highlight-style';
import { type MessageKey, t } from './i18n';

/** The highlight state of a claim with this verdict. */
export const CLAIM_STATE: Record<SupportVerdict, ClaimState> = {
  supported: 'supported',
  partial: 'partial',
  not_found: 'unsupported',
  unavailable: 'unavailable',
};

/** A source's verdict on a claim, in words. */
export const VERDICT_TEXT: Record<SupportVerdict, MessageKey> = {
  supported: 'verdictSupported',
  partial: 'verdictPartial',
  not_found: 'verdictNotFound',
  unavailable: 'verdictUnavailable',
};

/** A claim's verdict over all its sources, in words. */
export const CLAIM_VERDICT_TEXT: Record<SupportVerdict, MessageKey> = {
  supported: 'claimSupported',
  partial: 'claimPartial',
  not_found: 'claimNotFound',
  unavailable: 'claimUnavailable',
};

/** A source's link status, in words. */
export const STATUS_TEXT: Record<SourceStatusKind, MessageKey> = {
  ok: 'statusOk',
  redirected: 'statusRedirected',
  dead: 'statusDead',
  blocked: 'statusBlocked',
  timeout: 'statusTimeout',
  'not-html': 'statusNotHtml',
  'too-large': 'statusTooLarge',
  'redirect-loop': 'statusRedirectLoop',
  refused: 'statusRefused',
  error: 'statusError',
  'no-link': 'statusNoLink',
  'not-checked': 'statusNotChecked',
};

/**
 * A claim's place in a check's result: by id when its text is the same (the page may have been scanned again
 * since, renumbering claims), else by its text.
 */
export function checkedClaimFor(
  result: CheckResult,
  claim: { id: string; text: string },
): CheckedClaim | undefined {
  const byId = result.claims.find((c) => c.id === claim.id);
  if (byId && byId.text === claim.text) return byId;
  return result.claims.find((c) => c.text === claim.text);
}

/**
 * A source's place in a check's result, for the card and the popup alike: by id when its address is the same (the
 * page may have been scanned again since, renumbering sources), else by its address.
 */
export function checkedSourceFor(
  result: CheckResult,
  source: { id: string; url: string | null },
): CheckedSource | undefined {
  return (
    result.sources.find((c) => c.id === source.id && c.url === source.url) ??
    (source.url === null ? undefined : result.sources.find((c) => c.url === source.url))
  );
}

/** What a check found for one of a claim's sources: the source's status, and its judgement of the claim. */
export function checkedSourceOfClaim(
  result: CheckResult,
  claim: { id: string; text: string },
  source: { id: string; url: string | null },
): { status: CheckedSource; judgement: CheckedJudgement | null } | null {
  const status = checkedSourceFor(result, source);
  if (!status) return null;
  const judgement = checkedClaimFor(result, claim)?.judgements.find((j) => j.source === status.id) ?? null;
  return { status, judgement };
}

/** A source's link status in a line: its words and particulars ("Dead link: HTTP 404"; a PDF is named). */
export function statusLine(status: Pick<CheckedSource, 'status' | 'detail'>): string {
  if (status.status === 'not-html' && status.detail === 'pdf') return t('statusPdf');
  // The browser says only "Failed to fetch" when no site answered: name that, not the browser's words.
  if (status.status === 'error' && wasUnreached(status)) return t('statusUnreachable');
  const words = t(STATUS_TEXT[status.status]);
  return status.detail ? t('statusWithDetail', [words, detailText(status.detail)]) : words;
}
