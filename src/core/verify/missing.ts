import type { Evidence } from './features';
import type { Pick } from './select';

/**
 * The claim's content words and numbers that the given passages do not hold, in the claim's order, as the claim
 * writes them: what a reader should look for elsewhere ("the source does not mention 150 million").
 */
export function missingWords(e: Evidence, picks: readonly Pick[]): string[] {
  const { claim } = e;
  const held = (stem: string) => picks.some((p) => p.coverage.stems.has(stem));
  const words = claim.terms.filter((t) => !held(t.stem)).map((t) => t.word);
  const numbers = claim.quantities
    .filter((_, i) => !picks.some((p) => p.coverage.quantities[i]))
    .map((q) => q.raw);
  return [...new Set([...numbers, ...words])];
}
