import type { ClaimAnalysis } from './analyse';
import { stemPrefix } from './analyse';
import { isContentWord } from './text';

/**
 * Near spellings: a claim word the source writes one letter differently ("Paterson" / "Patterson",
 * "organisation" / "organization", "Gorodetsky" / "Gorodetskii" is two and stays apart). Only words of five letters or
 * more that the page lacks, and only page words that begin with the same letter, are compared.
 */
const MIN_LENGTH = 5;

/** Whether two words are at most one edit apart: a letter added, dropped, changed, or two adjacent swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function near(word: string, vocabulary: Iterable<string>): string[] {
  const out: string[] = [];
  for (const v of vocabulary) {
    if (v.length >= MIN_LENGTH && v[0] === word[0] && oneEditApart(word, v)) out.push(v);
  }
  return out;
}

/** What the source can tell about its own spellings: its distinct stems and words. */
export interface Vocabulary {
  stems: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

/**
 * The claim with the page's near spellings of the words it lacks added as alternatives: stems for the terms,
 * folded words for the names. A new object; the claim given is not changed.
 */
export function withSourceSpellings(claim: ClaimAnalysis, source: Vocabulary): ClaimAnalysis {
  const alternatives = new Map(claim.alternatives);
  const wordAlternatives = new Map(claim.wordAlternatives);
  for (const s of claim.stems) {
    const p = stemPrefix(s);
    if (s.length < MIN_LENGTH || source.stems.has(s) || (p && source.prefixes.has(p))) continue;
    if ((alternatives.get(s) ?? []).some((a) => source.stems.has(a))) continue;
    const found = near(s, source.stems);
    if (found.length > 0) alternatives.set(s, [...(alternatives.get(s) ?? []), ...found]);
  }
  const nameWords = new Set(claim.names.flatMap((n) => n.tokens));
  for (const w of nameWords) {
    if (w.length < MIN_LENGTH || !isContentWord(w) || source.words.has(w)) continue;
    if ((wordAlternatives.get(w) ?? []).some((a) => source.words.has(a))) continue;
    const found = near(w, source.words);
    if (found.length > 0) wordAlternatives.set(w, [...(wordAlternatives.get(w) ?? []), ...found]);
  }
  return { ...claim, alternatives, wordAlternatives };
}
