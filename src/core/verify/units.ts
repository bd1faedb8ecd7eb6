/**
 * Units and currencies on one form, so "5 km" meets "five kilometers" and "$5 million" meets "5 million dollars":
 * - a unit abbreviated after a figure is written out ("12 km" → "12 kilometres", "60 mph" → "60 miles per hour");
 *   a bare "m" is left alone, since "5m" is as often five million as five metres;
 * - British and American spellings of the metric units meet ("metres" / "meters", "litre" / "liter");
 * - "%" and "per cent" become "percent", which a claim writes as a word the page must then hold;
 * - a currency sign before a figure adds the currency's word ("$5" → "dollars $5"; the figure is read as before).
 */
const ABBREVIATIONS: Record<string, string> = {
  km: 'kilometres',
  kms: 'kilometres',
  cm: 'centimetres',
  mm: 'millimetres',
  mi: 'miles',
  kg: 'kilograms',
  kgs: 'kilograms',
  mg: 'milligrams',
  lb: 'pounds',
  lbs: 'pounds',
  oz: 'ounces',
  ft: 'feet',
  yd: 'yards',
  ha: 'hectares',
  ml: 'millilitres',
  mph: 'miles per hour',
  kph: 'kilometres per hour',
  'km/h': 'kilometres per hour',
  kmh: 'kilometres per hour',
  '°c': 'degrees celsius',
  '°f': 'degrees fahrenheit',
  kw: 'kilowatts',
  mw: 'megawatts',
  gw: 'gigawatts',
  kwh: 'kilowatt hours',
  sq: 'square',
};
// "12 km", "12km", "12 km/h", "30 °C". Not "in" (a preposition after a year), "g" or "l" ("5G", "Type 2 l…").
const UNIT_RE = new RegExp(
  `(?<=\\d)(\\s?)(${Object.keys(ABBREVIATIONS)
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace('/', '\\/'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const SPELLING_RE = /\b(kilo|centi|milli)?(met|lit)(re|er)(s?)\b/gi;
const PERCENT_RE = /\s*%|\bper\s+cent\b/g;
const CURRENCIES: Record<string, string> = { $: 'dollars', '€': 'euros', '£': 'pounds', '¥': 'yen' };
const CURRENCY_RE = /(?:US|A|C|NZ|HK)?([$€£¥])(?=\s?\d)/g;

export function unitsWrittenOut(text: string): string {
  return text
    .replace(UNIT_RE, (m, _space: string, unit: string) => {
      const word = ABBREVIATIONS[unit.toLowerCase()];
      return word ? ` ${word}` : m;
    })
    .replace(
      SPELLING_RE,
      (_, prefix: string | undefined, root: string, _end: string, plural: string) =>
        `${prefix ?? ''}${root}er${plural}`,
    )
    .replace(PERCENT_RE, ' percent');
}

export function currencyWordsAdded(text: string): string {
  return text.replace(CURRENCY_RE, (_, sign: string) => `${CURRENCIES[sign] ?? ''} ${sign}`);
}
