/**
 * Plural forms the way CLDR describes them: a count picks one of its language's plural categories (English has
 * `one` and `other`; French `one`, `many` and `other`), and a message with counts has one key per category,
 * `<base>_<category>`. Pure, so the unit tests check it without a browser.
 */
export type PluralCategory = Intl.LDMLPluralRule;

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** The plural category of `count` in `locale` ("fr": 0 and 1 are `one`, 1000000 is `many`). */
export function pluralCategory(locale: string, count: number): PluralCategory {
  return rulesFor(locale).select(count);
}

/** The categories a language's messages must have a form for. */
export function pluralCategories(locale: string): PluralCategory[] {
  return rulesFor(locale).resolvedOptions().pluralCategories;
}

/** The key of `base`'s form for `count` in `locale`: `claimCount_one`. */
export function pluralKey(base: string, locale: string, count: number): string {
  return `${base}_${pluralCategory(locale, count)}`;
}
