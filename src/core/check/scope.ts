/**
 * A check of part of a page: the claims a reader selected, or the page a link they pointed at leads to (the
 * context menu's "Check this claim"). The part is a smaller report of the same shape, so the check, its
 * consent and its result are those of a whole page.
 */
import type { JsonReport } from '../types';
import { cacheKey } from './cache';

/** Which claims, and which of their sources, to check. */
export interface CheckScope {
  claimIds: string[];
  sourceIds: string[];
}

/** The scope of claims the reader selected: those claims and every source they cite. */
export function scopeOfClaims(report: Pick<JsonReport, 'claims'>, claimIds: readonly string[]): CheckScope {
  const wanted = new Set(claimIds);
  const claims = report.claims.filter((c) => wanted.has(c.id));
  return {
    claimIds: claims.map((c) => c.id),
    sourceIds: [...new Set(claims.flatMap((c) => c.sources))],
  };
}

/**
 * The scope of a link the reader pointed at: the page's sources at that address (a fragment aside, as the check
 * reads each page once) and the claims that cite them. Empty when the page cites no source there.
 */
export function scopeOfLink(report: Pick<JsonReport, 'sources'>, linkUrl: string): CheckScope {
  const key = cacheKey(linkUrl);
  const sources = report.sources.filter((s) => s.url !== null && cacheKey(s.url) === key);
  return {
    claimIds: [...new Set(sources.flatMap((s) => s.claims))],
    sourceIds: sources.map((s) => s.id),
  };
}

/** The part of a report a scope names: its claims (citing only the scope's sources) and its sources. */
export function scopedReport<R extends JsonReport>(report: R, scope: CheckScope | null | undefined): R {
  if (!scope) return report;
  const claims = new Set(scope.claimIds);
  const sources = new Set(scope.sourceIds);
  return {
    ...report,
    claims: report.claims
      .filter((c) => claims.has(c.id))
      .map((c) => ({ ...c, sources: c.sources.filter((id) => sources.has(id)) })),
    sources: report.sources
      .filter((s) => sources.has(s.id))
      .map((s) => ({ ...s, claims: s.claims.filter((id) => claims.has(id)) })),
    findings: [],
  };
}

/** Whether two scopes name the same part (null: the whole page). */
export function sameScope(a: CheckScope | null | undefined, b: CheckScope | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().join('\n') === [...y].sort().join('\n');
  return same(a.claimIds, b.claimIds) && same(a.sourceIds, b.sourceIds);
}
