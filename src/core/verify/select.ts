import type { ClaimAnalysis } from './analyse';
import { type Coverage, coverageOf, coverageShare, unionCoverage } from './coverage';
import type { RankedPassage, SourceIndex } from './rank';

export interface Pick {
  id: number;
  bm25: number;
  coverage: Coverage;
  /** Share of the claim this passage holds alone. */
  share: number;
}

const overlaps = (index: SourceIndex, a: number, b: number): boolean => {
  const pa = index.passages[a];
  const pb = index.passages[b];
  return !!pa && !!pb && pa.start < pb.end && pb.start < pa.end;
};

/**
 * Chooses up to `k` evidence passages among the ranked ones: first the one holding most of the claim (the
 * shorter on a tie, then the better BM25), then greedily the ones adding most of what is still missing.
 * Evidence for one claim is often spread over distant sentences; three overlapping windows of the same
 * sentence would show the reader one thing three times.
 */
export function selectEvidence(
  index: SourceIndex,
  claim: ClaimAnalysis,
  ranked: RankedPassage[],
  k = 3,
): Pick[] {
  const candidates: Pick[] = ranked.map((r) => {
    const coverage = coverageOf(claim, index.analysis(r.id));
    return { ...r, coverage, share: coverageShare(claim, coverage) };
  });
  const length = (p: Pick) => {
    const passage = index.passages[p.id];
    return passage ? passage.end - passage.start : 0;
  };
  const picks: Pick[] = [];
  let covered: Coverage | null = null;
  while (picks.length < k) {
    let best: Pick | null = null;
    let bestKey: number[] = [];
    for (const c of candidates) {
      if (picks.some((p) => overlaps(index, p.id, c.id))) continue;
      const gain = covered
        ? coverageShare(claim, unionCoverage(covered, c.coverage)) - coverageShare(claim, covered)
        : c.share;
      const key = [gain, c.share, -length(c), c.bm25];
      if (!best || compareKeys(key, bestKey) > 0) {
        best = c;
        bestKey = key;
      }
    }
    if (!best) break;
    picks.push(best);
    covered = covered ? unionCoverage(covered, best.coverage) : best.coverage;
  }
  return picks;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (Math.abs(d) > 1e-12) return d;
  }
  return 0;
}
