/**
 * How the card shows a source's evidence: the passage with the claim's words marked, and what the source lacks.
 * Pure functions over the judge's output; the card turns the pieces into text nodes and <mark> elements.
 */
import type { CheckedJudgement } from '../core/check/types';

export interface Piece {
  text: string;
  marked: boolean;
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.,%-]*[\p{L}\p{N}%])?/gu;

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A number's key is its digits ("200,000" and "200000" are one); a word's is its folded self. */
function keyOf(word: string): { digits: string } | { word: string } {
  if (/\d/.test(word)) return { digits: word.replace(/[^\d]/g, '') };
  return { word: fold(word).replace(/['’]s$/, '') };
}

/**
 * Matches the judge's way loosely: a claim word of five letters or more marks the passage words that share its
 * first five ("launched" marks "launching"); a shorter one marks only itself; numbers match on their digits.
 */
function matcher(terms: readonly string[]): (token: string) => boolean {
  const digits = new Set<string>();
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const term of terms) {
    for (const part of term.split(/\s+/)) {
      if (!part) continue;
      const key = keyOf(part);
      if ('digits' in key) {
        if (key.digits) digits.add(key.digits);
      } else if (key.word.length >= 5) prefixes.add(key.word.slice(0, 5));
      else if (key.word) exact.add(key.word);
    }
  }
  return (token) => {
    const key = keyOf(token);
    if ('digits' in key) return digits.has(key.digits);
    return exact.has(key.word) || (key.word.length >= 4 && prefixes.has(key.word.slice(0, 5)));
  };
}

/** The passage cut into plain and marked pieces, in order; joined, they are the passage again. */
export function markMatches(passage: string, terms: readonly string[]): Piece[] {
  const isMatch = matcher(terms);
  const pieces: Piece[] = [];
  let at = 0;
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && last.marked === marked) last.text += text;
    else pieces.push({ text, marked });
  };
  for (const m of passage.matchAll(TOKEN)) {
    if (!isMatch(m[0])) continue;
    push(passage.slice(at, m.index), false);
    push(m[0], true);
    at = m.index + m[0].length;
  }
  push(passage.slice(at), false);
  return pieces;
}

/**
 * What of the claim the source does not hold, most telling first: numbers and names, else (for a claim that is
 * not supported) up to six of its words.
 */
export function missingFromSource(
  j: Pick<CheckedJudgement, 'verdict' | 'missingNumbers' | 'missingNames' | 'missingTerms'> &
    Partial<Pick<CheckedJudgement, 'missing'>>,
): string[] {
  if (j.verdict === 'unavailable') return [];
  const specific = [...new Set([...j.missingNumbers, ...j.missingNames])];
  if (specific.length > 0 || j.verdict === 'supported') return specific;
  const inNames = (t: string) => j.missingNames.some((n) => fold(n).includes(fold(t)));
  // The words the best passage lacks (what `citelens score` reports), else those the top three lack.
  const words = j.missing ?? j.missingTerms;
  return [...new Set(words.filter((t) => !inNames(t)))].slice(0, 6);
}
