/**
 * English counts for the command line, through `Intl.PluralRules` so a count picks its form by the language's
 * plural category ("1 finding", "0 findings") rather than by `n === 1`.
 */
const rules = new Intl.PluralRules('en');

export function count(n: number, forms: { one: string; other: string }): string {
  return `${n} ${rules.select(n) === 'one' ? forms.one : forms.other}`;
}

export const CLAIMS = { one: 'cited claim', other: 'cited claims' };
export const SOURCES = { one: 'source', other: 'sources' };
export const NOTES = { one: 'note', other: 'notes' };
export const FINDINGS = { one: 'finding', other: 'findings' };
export const LINES = { one: 'line', other: 'lines' };
