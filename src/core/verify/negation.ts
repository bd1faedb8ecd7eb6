import { CLAUSE_BREAK } from './text';

/**
 * Negation that flips a statement: "the drug was approved" against "the drug was not approved", "never
 * released", "no longer operates". Read from folded word tokens ({@link wordTokens} turns "n't" into "not").
 */
const CUES = new Set([
  'not',
  'never',
  'no',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
]);
/** How many words after a cue it still governs: "was not, as reported, approved" is rare; "not approved" common. */
const SCOPE = 4;

function isCue(tokens: readonly string[], i: number): boolean {
  const t = tokens[i] ?? '';
  if (!CUES.has(t)) return false;
  // "No. 1" and "no 3" are numbers, not negations; "not only … but also" affirms.
  const next = tokens[i + 1] ?? '';
  if (t === 'no' && /^\d/.test(next)) return false;
  if (t === 'not' && next === 'only') return false;
  return true;
}

/** Whether any cue in the tokens governs one of the given words (as folded tokens) within its scope. */
export function negatesAny(tokens: readonly string[], words: (token: string) => boolean): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!isCue(tokens, i)) continue;
    for (let j = i + 1; j <= i + SCOPE && j < tokens.length; j++) {
      const t = tokens[j] ?? '';
      if (t === CLAUSE_BREAK) break;
      if (words(t)) return true;
    }
  }
  return false;
}

/** Whether the text states something negated at all (for a claim: "was never released"). */
export function hasNegation(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (isCue(tokens, i)) return true;
  return false;
}
