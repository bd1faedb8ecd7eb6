/**
 * Dates written in figures or with ordinal days, put in the words the rest of the judge reads ("3 March 2021"):
 * - numeric dates "3/15/2021", "15.03.2021", "15/03/21" → "15 March 2021"; a day above 12 says which figure is
 *   the day; otherwise slashes read month first (American) and dots day first (European);
 * - ordinal days beside a month: "March 3rd", "3rd March", "the 3rd of March" → "March 3", "3 March".
 * Word order does not matter after this: the judge compares a claim's words and figures, not their sequence, so
 * "March 3, 2021" and "3 March 2021" already meet.
 */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Two-figure years only with slashes: "2.6.32" is a version number.
const NUMERIC_DATE_RE =
  /(?<![\d./])(\d{1,2})(?:(\/)(\d{1,2})\/(\d{4}|\d{2})|(\.)(\d{1,2})\.(\d{4}))(?![\d/]|\.\d)/g;
const MONTH = `(${MONTHS.join('|')})`;
const DAY_OF_MONTH_RE = new RegExp(`\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+${MONTH}\\b`, 'g');
const ORDINAL_AFTER_MONTH_RE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)\\b`, 'g');
const ORDINAL_BEFORE_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)\\s+${MONTH}\\b`, 'g');

function fullYear(y: string): string {
  if (y.length === 4) return y;
  const n = Number(y);
  return String(n <= 30 ? 2000 + n : 1900 + n);
}

/** Numeric dates as words; runs before the month abbreviations and ISO dates are read. */
export function numericDatesWritten(text: string): string {
  return text.replace(
    NUMERIC_DATE_RE,
    (m, a: string, slash?: string, b1?: string, y1?: string, _dot?: string, b2?: string, y2?: string) => {
      const [x, z, y] = [Number(a), Number(b1 ?? b2), y1 ?? y2 ?? ''];
      let day = slash ? z : x;
      let month = slash ? x : z;
      if (x > 12 && z <= 12) [day, month] = [x, z];
      else if (z > 12 && x <= 12) [day, month] = [z, x];
      const name = MONTHS[month - 1];
      return name && day >= 1 && day <= 31 ? `${day} ${name} ${fullYear(y)}` : m;
    },
  );
}

/** Ordinal days beside a month as plain figures; runs after the month abbreviations are written out. */
export function ordinalDaysPlain(text: string): string {
  return text
    .replace(DAY_OF_MONTH_RE, (_, d: string, month: string) => `${d} ${month}`)
    .replace(ORDINAL_AFTER_MONTH_RE, (_, month: string, d: string) => `${month} ${d}`)
    .replace(ORDINAL_BEFORE_MONTH_RE, (_, d: string, month: string) => `${d} ${month}`);
}
