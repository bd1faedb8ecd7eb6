import { MONTHS, numericDatesWritten, ordinalDaysPlain } from './dates';
import { figuresForNumberWords, TENS } from './number-words';
import { PARAPHRASE } from './paraphrase-switches';
import { currencyWordsAdded, unitsWrittenOut } from './units';

/**
 * Rewrites the spellings of dates and ordinals that a claim and its source often write differently, before any
 * word or number is read, so that both sides meet on one form:
 *
 * - month abbreviations next to a number: "Nov. 10, 2018", "30 JUN 2018", "Sept 5" → "November", "June", "September";
 * - ISO dates: "2018-06-30" (and "2018-06-30T07:00:00Z") → "30 June 2018";
 * - year ranges with a short second year: "2018–19" → "2018–2019";
 * - ordinal words from "fourth" on: "fifteenth century" → "15th century", "twenty-first" → "21st". "first",
 *   "second" and "third" stay words: they are far more often "the first time" or "a second" than a rank.
 *
 * - and, each behind a switch of paraphrase-switches.ts: numeric dates and ordinal days (dates.ts), numbers in
 *   words (number-words.ts), units and currencies (units.ts).
 *
 * "May" is a modal verb and a stop word; as a month (next to a number, or after "in", "early", "late"…) it becomes
 * {@link MAY_MONTH}, a token no stop list drops. {@link displayWord} shows it as "May" again.
 */

const ABBREVIATED: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  sept: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

/** The month "May" as a word token; see {@link displayWord}. */
export const MAY_MONTH = 'maymonth';

const UNITS: Record<string, number> = {
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};

export { TENS };

const SMALL_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, ...UNITS };

function ordinalSuffix(n: number): string {
  const unit = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : unit === 1 ? 'st' : unit === 2 ? 'nd' : unit === 3 ? 'rd' : 'th'}`;
}

const MONTH_ABBREVIATION_RE = new RegExp(
  // Capitalised or all capitals ("Nov", "NOV"), optionally with a full stop, beside a day or a year.
  `(?<![\\p{L}])(${Object.keys(ABBREVIATED)
    .map((a) => `${a[0]?.toUpperCase()}(?:${a.slice(1)}|${a.slice(1).toUpperCase()})`)
    .join('|')})\\.?(?=\\s*\\d)|(?<=\\d\\s*)(${Object.keys(ABBREVIATED)
    .map((a) => `${a[0]?.toUpperCase()}(?:${a.slice(1)}|${a.slice(1).toUpperCase()})`)
    .join('|')})\\b\\.?`,
  'gu',
);
const ISO_DATE_RE =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;
// "2018–19", "1998-99": the second year of a season or range written in full, as sources often do.
const YEAR_RANGE_RE = /\b(1[5-9]|20)(\d{2})([–—-])(\d{2})\b(?![–—-]\d)/g;
const MAY_RE =
  /\bMay(?=\s+\d)|(?<=\d\s+)May\b|(?<=\b(?:[Ii]n|[Ee]arly|[Ll]ate|[Mm]id|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Oo]f|[Tt]his|[Ll]ast|[Nn]ext)[\s-])May\b/g;
const COMPOUND_ORDINAL_RE = new RegExp(
  `\\b(${Object.keys(TENS).join('|')})[\\s-](${Object.keys(SMALL_ORDINALS)
    .filter((k) => (SMALL_ORDINALS[k] ?? 0) < 10)
    .join('|')})\\b`,
  'gi',
);
const ORDINAL_RE = new RegExp(`\\b(${Object.keys(UNITS).join('|')})\\b`, 'gi');

export function normaliseText(text: string): string {
  let t = PARAPHRASE.dates ? numericDatesWritten(text) : text;
  t = t
    .replace(ISO_DATE_RE, (m, y: string, mo: string, d: string) => {
      const month = MONTHS[Number(mo) - 1];
      const day = Number(d);
      return month && day >= 1 && day <= 31 ? `${day} ${month} ${y}` : m;
    })
    .replace(YEAR_RANGE_RE, (m, century: string, yy: string, dash: string, next: string) =>
      Number(next) > Number(yy) ? `${century}${yy}${dash}${century}${next}` : m,
    )
    .replace(
      MONTH_ABBREVIATION_RE,
      (m, a?: string, b?: string) => ABBREVIATED[(a ?? b ?? '').toLowerCase()] ?? m,
    );
  if (PARAPHRASE.dates) t = ordinalDaysPlain(t);
  t = t
    .replace(MAY_RE, MAY_MONTH)
    .replace(COMPOUND_ORDINAL_RE, (m, tens: string, unit: string) => {
      const n = (TENS[tens.toLowerCase()] ?? 0) + (SMALL_ORDINALS[unit.toLowerCase()] ?? 0);
      return n > 0 ? ordinalSuffix(n) : m;
    })
    .replace(ORDINAL_RE, (m, w: string) => {
      const n = UNITS[w.toLowerCase()];
      return n ? ordinalSuffix(n) : m;
    });
  if (PARAPHRASE.numbers) t = figuresForNumberWords(t);
  if (PARAPHRASE.units) t = unitsWrittenOut(t);
  if (PARAPHRASE.currencies) t = currencyWordsAdded(t);
  return t;
}

/** A normalised word token as a reader should see it. */
export function displayWord(token: string): string {
  return token === MAY_MONTH ? 'may' : token;
}
