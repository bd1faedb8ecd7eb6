import { normaliseText, TENS } from './normalise';

/**
 * Quantities in text, normalised so that the many ways of writing one number compare equal:
 * "200,000" = "200000" = "200 thousand" = "200k"; "150 million" = "150,000,000"; "40%" = "40 percent";
 * "$1.5 billion" = "1.5bn dollars" (the currency is not compared: sources often drop or spell it).
 */
export interface Quantity {
  /** The text as written. */
  raw: string;
  value: number;
  percent: boolean;
  /** A round figure ("about 200,000", "150 million") that a source may give more exactly. */
  round: boolean;
  /** A year, never matched approximately: 2016 is not "about 2015". */
  year: boolean;
}

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

// "one" is left out on purpose: it is far more often a pronoun ("one of five trades") than a count.
const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  ...TENS,
  dozen: 12,
};

// Digits with optional thousands separators (comma, thin or narrow no-break space) and decimals, then an
// optional scale word, or a short scale glued to the digits ("200k", "$5m": spaced "5 m" is metres), then percent.
const NUMBER_RE =
  /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[,\u2009\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(hundred|thousand|million|billion|trillion|mln|bn|tn)\b|(k|m|bn|b|mn|tn)\b)?(\s*%|\s*(?:percent|per\s*cent|pct)\b)?/giu;

const WORD_NUMBER_RE = new RegExp(
  `\\b(${Object.keys(WORD_NUMBERS).join('|')})\\b(?:[\\s-]+(hundred|thousand|million|billion|trillion))?(\\s*(?:percent|per\\s*cent))?`,
  'gi',
);

function makeQuantity(raw: string, digits: string, scaleWord: string | undefined, pct: boolean): Quantity {
  const base = Number(digits.replace(/[,\u2009\u202f]/g, ''));
  const scale = scaleWord ? (SCALES[scaleWord.toLowerCase()] ?? 1) : 1;
  // Multiplying 1.5 by 1e9 in floating point can leave dust; round to the scale's resolution.
  const value = Number((base * scale).toPrecision(12));
  const isInteger = /^\d+$/.test(digits.replace(/[,\u2009\u202f]/g, ''));
  const year = !scaleWord && !pct && isInteger && digits.length === 4 && base >= 1000 && base <= 2100;
  const round = !year && (scale > 1 || (Number.isInteger(value) && value >= 100 && value % 100 === 0));
  return { raw: raw.trim(), value, percent: pct, round, year };
}

/** Every quantity in a text, in order. */
export function extractQuantities(raw: string): Quantity[] {
  const text = normaliseText(raw);
  const found: { index: number; q: Quantity }[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const [raw, digits, scaleSpaced, scaleGlued, pct] = m;
    if (digits === undefined) continue;
    found.push({
      index: m.index,
      q: makeQuantity(raw, digits, scaleSpaced ?? scaleGlued, pct !== undefined),
    });
  }
  for (const m of text.matchAll(WORD_NUMBER_RE)) {
    const [raw, word, scaleWord, pct] = m;
    const n = WORD_NUMBERS[(word ?? '').toLowerCase()];
    if (n === undefined) continue;
    found.push({ index: m.index, q: makeQuantity(raw, String(n), scaleWord, pct !== undefined) });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.q);
}

/** A key that equal quantities share: what the passage index and exact matching use. */
export function quantityKey(q: Quantity): string {
  return `${q.value}${q.percent ? '%' : ''}`;
}

/**
 * Whether a source's quantity supports a claim's. Equal values always do; a round claim figure also accepts a
 * source value within 5% of it ("more than 150 million" against "152,300,000"), never for years.
 */
export function quantityMatches(claim: Quantity, source: Quantity): boolean {
  if (claim.percent !== source.percent) return false;
  if (claim.value === source.value) return true;
  if (!claim.round || source.year || claim.value === 0) return false;
  return Math.abs(source.value - claim.value) / claim.value <= 0.05;
}
