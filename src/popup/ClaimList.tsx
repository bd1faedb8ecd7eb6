/**
 * The page's claims in page order, each a button that shows the claim in the page: its number, its verdict's
 * colour once a check judged it, its text and its sources' labels. The popup lists them all; the side panel the
 * ones its filters keep (each keeps its number in the page).
 */
import type { JsonClaim, JsonReport } from '../core';
import { claimVerdict } from '../core/check/summary';
import type { CheckResult } from '../core/check/types';
import type { SupportVerdict } from '../core/verify/judge';
import { CLAIM_VERDICT_TEXT, checkedClaimFor } from '../shared/check-view';
import { t } from '../shared/i18n';

/** A claim's verdict over its sources in a check's result; undefined when the check did not judge it. */
export function verdictOf(result: CheckResult | null, claim: JsonClaim): SupportVerdict | undefined {
  const checked = result ? checkedClaimFor(result, claim) : undefined;
  return checked ? claimVerdict(checked) : undefined;
}

interface Props {
  report: JsonReport;
  result: CheckResult | null;
  /** The claims to list with their place in the page (0-based); all of them when absent. */
  claims?: { claim: JsonClaim; index: number }[];
  onShowClaim(claimId: string): void;
}

export function ClaimList({ report, result, claims, onShowClaim }: Props) {
  const sourceLabel = new Map(report.sources.map((s) => [s.id, s.label]));
  const listed = claims ?? report.claims.map((claim, index) => ({ claim, index }));
  return (
    <ol class="claims">
      {listed.map(({ claim: c, index: i }) => {
        const verdict = verdictOf(result, c);
        return (
          <li key={c.id}>
            <button
              type="button"
              class="claim"
              data-claim-id={c.id}
              data-kind={c.markers.length === 0 && (c.links?.length ?? 0) > 0 ? 'linked' : 'marker'}
              data-verdict={verdict}
              title={verdict ? t(CLAIM_VERDICT_TEXT[verdict]) : t('popupShowClaim')}
              onClick={() => onShowClaim(c.id)}
            >
              {verdict && <span class={`verdict-dot verdict-${verdict}`} aria-hidden="true" />}
              <span class="claim-number">{i + 1}</span>
              <span class="claim-text">{c.text}</span>
              <span class="claim-sources">
                {[...new Set(c.sources.map((id) => sourceLabel.get(id) ?? id))].map((label) => (
                  <span key={label} class="label small" title={label}>
                    {label}
                  </span>
                ))}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
