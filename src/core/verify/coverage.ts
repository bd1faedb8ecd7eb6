import { type AnalysedText, type ClaimAnalysis, stemPrefix } from './analyse';
import { rootOf } from './derivation';
import { quantityMatches } from './numbers';

/** Which parts of a claim a text contains. */
export interface Coverage {
  stems: Set<string>;
  /** One flag per claim quantity, same order as {@link ClaimAnalysis.quantities}. */
  quantities: boolean[];
}

/** A number is worth two words: it is specific, and a wrong one is a wrong claim. */
export const QUANTITY_WEIGHT = 2;

/** What a text holds of a claim; `synonyms: false` leaves WordNet synonyms out (the words a reader is told are missing). */
export function coverageOf(claim: ClaimAnalysis, text: AnalysedText, synonyms = true): Coverage {
  const stems = new Set<string>();
  for (const s of claim.stems) {
    const p = stemPrefix(s);
    const notSynonym = (a: string) => synonyms || !claim.synonyms.get(s)?.has(a);
    if (text.stems.has(s) || (p && text.prefixes.has(p))) stems.add(s);
    else if (claim.alternatives.get(s)?.some((a) => text.stems.has(a) && notSynonym(a))) stems.add(s);
    else if (text.roots.has(rootOf(s))) stems.add(s);
  }
  const quantities = claim.quantities.map((q) => text.quantities.some((s) => quantityMatches(q, s)));
  return { stems, quantities };
}

export function unionCoverage(a: Coverage, b: Coverage): Coverage {
  return {
    stems: new Set([...a.stems, ...b.stems]),
    quantities: a.quantities.map((x, i) => x || b.quantities[i] === true),
  };
}

/** Share of the claim's weight a coverage holds, 0 to 1 (1 for a claim with nothing to look for). */
export function coverageShare(claim: ClaimAnalysis, c: Coverage): number {
  const total = claim.stems.size + QUANTITY_WEIGHT * claim.quantities.length;
  if (total === 0) return 1;
  return (c.stems.size + QUANTITY_WEIGHT * c.quantities.filter(Boolean).length) / total;
}
