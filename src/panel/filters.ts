/** The side panel's filters over a report's claims: by source, by the check's verdict, by finding. */
import type { FindingKind, JsonClaim, JsonReport } from '../core';
import type { SupportVerdict } from '../core/verify/judge';
import { findingsForClaim } from '../shared/report-view';

/** A verdict to keep, or `unchecked` for the claims no check has judged. */
export type VerdictFilter = SupportVerdict | 'unchecked';

export interface ClaimFilters {
  /** A source's id. */
  source: string | null;
  verdict: VerdictFilter | null;
  finding: FindingKind | null;
}

export const NO_FILTERS: ClaimFilters = { source: null, verdict: null, finding: null };

export const VERDICT_FILTERS: readonly VerdictFilter[] = [
  'supported',
  'partial',
  'not_found',
  'unavailable',
  'unchecked',
];

/** The kinds of finding on the page that concern at least one claim, in the order they are first reported. */
export function findingKindsOfClaims(report: JsonReport): FindingKind[] {
  const kinds = new Set<FindingKind>();
  for (const claim of report.claims)
    for (const f of findingsForClaim(report, claim.id, claim.sources)) kinds.add(f.kind);
  return report.findings.map((f) => f.kind).filter((k, i, all) => kinds.has(k) && all.indexOf(k) === i);
}

/**
 * The claims the filters keep, each with its place among all the page's claims (so its number stays the one the
 * card and the popup give it).
 */
export function filterClaims(
  report: JsonReport,
  verdictOf: (claim: JsonClaim) => SupportVerdict | undefined,
  filters: ClaimFilters,
): { claim: JsonClaim; index: number }[] {
  return report.claims
    .map((claim, index) => ({ claim, index }))
    .filter(({ claim }) => {
      if (filters.source !== null && !claim.sources.includes(filters.source)) return false;
      if (filters.verdict !== null && (verdictOf(claim) ?? 'unchecked') !== filters.verdict) return false;
      if (
        filters.finding !== null &&
        !findingsForClaim(report, claim.id, claim.sources).some((f) => f.kind === filters.finding)
      )
        return false;
      return true;
    });
}
