import type { ClaimAnalysis } from './analyse';
import { isParticle, nameFound, ownTokens } from './names';
import { PARAPHRASE } from './paraphrase-switches';
import { isContentWord, stem } from './text';

/**
 * A page that names "Jane Smith" in full goes on to call her "Smith": for each name of two or more words that the
 * page gives whole, the name's last word stands for its other words, both as claim terms and as words of the name,
 * so the passage that backs the claim with "Smith" alone holds "Jane" too. A name with particles ("University of
 * Texas") is left alone: "Texas" does not stand for the university. A new object; the claim given is not changed.
 */
export function withNameVariants(claim: ClaimAnalysis, wholeTokenString: string): ClaimAnalysis {
  if (!PARAPHRASE.surnames) return claim;
  const alternatives = new Map(claim.alternatives);
  const wordAlternatives = new Map(claim.wordAlternatives);
  let changed = false;
  for (const name of claim.names) {
    const own = ownTokens(name);
    const last = own[own.length - 1];
    if (!last || own.length < 2 || name.tokens.some(isParticle)) continue;
    if (!isContentWord(last)) continue;
    if (!nameFound(name, wholeTokenString) && !wholeTokenString.includes(` ${own.join(' ')} `)) continue;
    for (const t of own.slice(0, -1)) {
      wordAlternatives.set(t, [...(wordAlternatives.get(t) ?? []), last]);
      if (!isContentWord(t)) continue;
      const s = stem(t);
      alternatives.set(s, [...(alternatives.get(s) ?? []), stem(last)]);
    }
    changed = true;
  }
  return changed ? { ...claim, alternatives, wordAlternatives } : claim;
}
