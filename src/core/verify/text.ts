import { stemmer } from 'stemmer';
import { displayWord, normaliseText } from './normalise';
import { isCountingWord } from './number-words';
import { PARAPHRASE } from './paraphrase-switches';
import { STOP_WORDS, TITLES } from './stop-words';

/** Lower case, accents folded, typographic apostrophes made plain: "Café’s" and "cafe's" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/** Stands in the token stream for a clause break, so names and negation scopes do not run across one. */
export const CLAUSE_BREAK = '|';

/** Word tokens in order, folded, stop words kept, clause punctuation as {@link CLAUSE_BREAK}. */
export function wordTokens(text: string): string[] {
  // "don't" reads as "do not" so negation cues survive the split on the apostrophe. Commas inside figures
  // ("1,000") are not clause breaks; full stops are left alone because initials ("J. Doe") use them.
  return foldText(normaliseText(text))
    .replace(/n't\b/g, ' not')
    .replace(/[,;:](?=\s|$)|[!?()[\]]/g, ' | ')
    .split(/[^\p{L}\p{N}|]+/u)
    .filter((w) => w.length > 0);
}

const stemCache = new Map<string, string>();

/** Porter stem, memoised: the same few thousand words recur across every passage of a page. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

export function isContentWord(word: string): boolean {
  // Bare digits are left to the number matcher, which knows that "200,000" and "200 thousand" agree.
  return (
    word.length > 1 &&
    !STOP_WORDS.has(word) &&
    !/^\d+$/.test(word) &&
    !(PARAPHRASE.titles && TITLES.has(word)) &&
    !(PARAPHRASE.numbers && isCountingWord(word))
  );
}

/** A content term: its stem, and the word as first written, to show a reader. */
export interface Term {
  stem: string;
  word: string;
}

/** The content terms of a text in order, repeats kept (phrase matching needs the order). */
export function contentTerms(text: string): Term[] {
  const out: Term[] = [];
  for (const word of wordTokens(text))
    if (isContentWord(word)) out.push({ stem: stem(word), word: displayWord(word) });
  return out;
}
