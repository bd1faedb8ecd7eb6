/**
 * Numbers written in words that the quantity reader would otherwise miss or split, rewritten as figures before
 * any word or number is read: "thirty-six" → "36", "one hundred" → "1 hundred", "a million" → "1 million",
 * "half a million" → "0.5 million", "a dozen" → "12". Single number words ("two", "twenty") are read by
 * numbers.ts as they are; "one" alone stays a word (it is far more often a pronoun than a count).
 */
export const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ONES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const SCALE = '(hundred|thousand|million|billion|trillion)';

const COMPOUND_RE = new RegExp(
  `\\b(${Object.keys(TENS).join('|')})[\\s-](${Object.keys(ONES).join('|')})\\b`,
  'gi',
);
const ONE_SCALE_RE = new RegExp(`\\b(?:[Oo]ne|[Aa])[\\s-]${SCALE}\\b`, 'g');
const HALF_SCALE_RE = new RegExp(`\\b[Hh]alf[\\s-]a[\\s-]${SCALE}\\b`, 'g');
const DOZEN_RE = /\b[Aa]\s+dozen\b/g;

export function figuresForNumberWords(text: string): string {
  return text
    .replace(COMPOUND_RE, (m, tens: string, one: string) => {
      const n = (TENS[tens.toLowerCase()] ?? 0) + (ONES[one.toLowerCase()] ?? 0);
      return n > 0 ? String(n) : m;
    })
    .replace(HALF_SCALE_RE, (_, scale: string) => `0.5 ${scale}`)
    .replace(ONE_SCALE_RE, (_, scale: string) => `1 ${scale}`)
    .replace(DOZEN_RE, '12');
}

const COUNTING_WORDS = new Set([
  ...Object.keys(ONES).filter((w) => w !== 'one'),
  ...Object.keys(TENS),
  ...'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen dozen hundred thousand million billion trillion'.split(
    ' ',
  ),
]);

/**
 * A number word the quantity reader already reads as a figure ("two million" is 2,000,000): the figure is looked
 * for, so the words need not be, and a page writing "2,000,000" holds them.
 */
export function isCountingWord(word: string): boolean {
  return COUNTING_WORDS.has(word);
}
