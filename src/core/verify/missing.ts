import type { Evidence } from './features';
import type { Pick } from './select';
import { foldText } from './text';

/**
 * The claim's content words and numbers that the given passages do not hold, in the claim's order, as the claim
 * writes them: what a reader should look for elsewhere ("the source does not mention 150 million").
 */
export function missingWords(e: Evidence, picks: readonly Pick[]): string[] {
  const { claim } = e;
  const held = (stem: string) => picks.some((p) => p.coverage.stems.has(stem));
  // Terms are folded ("porto"); a reader should see the claim's own spelling ("Porto").
  const written = new Map<string, string>();
  for (const w of claim.text.split(/[^\p{L}\p{N}'’-]+/u))
    if (w && !written.has(foldText(w))) written.set(foldText(w), w);
  const words = claim.terms.filter((t) => !held(t.stem)).map((t) => written.get(t.word) ?? t.word);
  const numbers = claim.quantities
    .filter((_, i) => !picks.some((p) => p.coverage.quantities[i]))
    .map((q) => q.raw);
  return [...new Set([...numbers, ...words])];
}
