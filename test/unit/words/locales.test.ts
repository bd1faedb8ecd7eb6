/**
 * Every `_locales` file says everything the English one says: the same keys, the same placeholders, and one form
 * for each plural category CLDR gives its language (French: one, many, other), no more and no fewer.
 */
import { describe, expect, it } from 'vitest';
import { pluralCategories, pluralCategory, pluralKey } from '../../../src/shared/plural';
import { LANGUAGES, type Messages, readLocale } from './fake-i18n';

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** Plain keys, and each plural message's base with the categories it has forms for. */
function shape(messages: Messages) {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of Object.keys(messages)) {
    const m = PLURAL.exec(key);
    if (!m?.[1] || !m[2]) {
      plain.add(key);
      continue;
    }
    const forms = plurals.get(m[1]) ?? new Set<string>();
    forms.add(m[2]);
    plurals.set(m[1], forms);
  }
  return { plain, plurals };
}

const placeholders = (text: string) => new Set(text.match(/\$[1-9]/g) ?? []);
/** The placeholders of a plural message over all its forms (a form may leave the count out: "Source"). */
const pluralPlaceholders = (messages: Messages, base: string) =>
  new Set(
    Object.keys(messages)
      .filter((k) => k.startsWith(`${base}_`) && PLURAL.exec(k)?.[1] === base)
      .flatMap((k) => [...placeholders(messages[k]?.message ?? '')]),
  );

const english = readLocale('en');
const englishShape = shape(english);

describe('plural categories', () => {
  it('French: 0 and 1 are one, 1000000 many, 2 and 1.5 other', () => {
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(pluralCategory('fr', 1)).toBe('one');
    expect(pluralCategory('fr', 1.5)).toBe('one');
    expect(pluralCategory('fr', 2)).toBe('other');
    expect(pluralCategory('fr', 1_000_000)).toBe('many');
    expect(pluralKey('popupClaims', 'fr', 0)).toBe('popupClaims_one');
  });

  it('English: 1 is one, 0 and 2 are other', () => {
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(pluralKey('popupClaims', 'en', 2)).toBe('popupClaims_other');
  });

  it('the languages of the _locales files have the categories CLDR gives them', () => {
    expect(pluralCategories('en').sort()).toEqual(['one', 'other']);
    expect(pluralCategories('fr').sort()).toEqual(['many', 'one', 'other']);
  });
});

describe('English messages', () => {
  it('have plural messages, each with exactly the English categories', () => {
    expect(englishShape.plurals.size).toBeGreaterThan(10);
    for (const [base, forms] of englishShape.plurals)
      expect([...forms].sort(), base).toEqual(pluralCategories('en').sort());
  });
});

describe.each(LANGUAGES.filter((l) => l !== 'en'))('%s messages', (lang) => {
  const messages = readLocale(lang);
  const { plain, plurals } = shape(messages);

  it('say in `locale` which language they are in', () => {
    expect(messages.locale?.message).toBe(lang);
  });

  it('have exactly the English plain keys', () => {
    expect([...plain].sort()).toEqual([...englishShape.plain].sort());
  });

  it('have every English plural message, with one form per plural category of the language', () => {
    expect([...plurals.keys()].sort()).toEqual([...englishShape.plurals.keys()].sort());
    const wanted = pluralCategories(lang).sort();
    for (const [base, forms] of plurals) expect([...forms].sort(), base).toEqual(wanted);
  });

  it('use the same placeholders as the English', () => {
    for (const key of englishShape.plain) {
      expect(placeholders(messages[key]?.message ?? ''), key).toEqual(
        placeholders(english[key]?.message ?? ''),
      );
    }
    for (const base of englishShape.plurals.keys()) {
      expect(pluralPlaceholders(messages, base), base).toEqual(pluralPlaceholders(english, base));
    }
  });

  it('are translated, not English copies (names and addresses aside)', () => {
    const same = [...plain].filter(
      (k) =>
        messages[k]?.message === english[k]?.message && /[a-z]{3} [a-z]{3}/i.test(english[k]?.message ?? ''),
    );
    expect(same).toEqual([]);
  });
});
