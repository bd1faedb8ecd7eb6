import { afterEach, describe, expect, it } from 'vitest';
import { numericDatesWritten, ordinalDaysPlain } from '../../../src/core/verify/dates';
import { rootOf } from '../../../src/core/verify/derivation';
import { judgeSupport } from '../../../src/core/verify/judge';
import { normaliseText } from '../../../src/core/verify/normalise';
import { figuresForNumberWords } from '../../../src/core/verify/number-words';
import { extractQuantities, quantityMatches } from '../../../src/core/verify/numbers';
import { PARAPHRASE } from '../../../src/core/verify/paraphrase-switches';
import { contentTerms, stem } from '../../../src/core/verify/text';
import { currencyWordsAdded, unitsWrittenOut } from '../../../src/core/verify/units';

const values = (text: string) => extractQuantities(text).map((q) => q.value);
const matches = (claim: string, source: string) => {
  const [c] = extractQuantities(claim);
  return !!c && extractQuantities(source).some((s) => quantityMatches(c, s));
};

describe('numbers in words', () => {
  it('reads compound and scaled number words as figures', () => {
    expect(values('thirty-six songs')).toEqual([36]);
    expect(values('one hundred years')).toEqual([100]);
    expect(values('a million people, half a million homes')).toEqual([1e6, 5e5]);
    expect(figuresForNumberWords('a dozen eggs')).toBe('12 eggs');
    expect(matches('two million people', 'a crowd of 2,000,000')).toBe(true);
  });

  it('does not ask the page for the words of a figure it holds', () => {
    expect(contentTerms('two million dollars').map((t) => t.word)).toEqual(['dollars']);
    expect(contentTerms('one of the songs').map((t) => t.word)).toEqual(['one', 'songs']);
  });
});

describe('dates', () => {
  it('writes numeric dates out, the day known when it is above 12', () => {
    expect(numericDatesWritten('on 3/15/2021')).toBe('on 15 March 2021');
    expect(numericDatesWritten('on 15.03.2021')).toBe('on 15 March 2021');
    expect(numericDatesWritten('on 03/04/21')).toBe('on 4 March 2021');
    expect(numericDatesWritten('version 2.6.32 and 1/2')).toBe('version 2.6.32 and 1/2');
  });

  it('reads ordinal days beside a month as plain days', () => {
    expect(ordinalDaysPlain('March 3rd and the 21st of June, 4th July')).toBe('March 3 and 21 June, 4 July');
    expect(normaliseText('Mar. 3rd, 2021')).toBe('March 3, 2021');
    expect(ordinalDaysPlain('the 3rd time')).toBe('the 3rd time');
  });

  it('lets "March 3rd, 2021" be backed by "2021-03-03"', () => {
    const j = judgeSupport('The bridge opened on March 3rd, 2021.', {
      sentences: ['The bridge opened 2021-03-03 after years of work.'],
    });
    expect(j.missing).toEqual([]);
  });
});

describe('names', () => {
  it('does not ask the page for a title', () => {
    expect(contentTerms('Dr. Jane Smith spoke').map((t) => t.word)).toEqual(['jane', 'smith', 'spoke']);
    const j = judgeSupport('Dr. Jane Smith founded the clinic.', {
      sentences: ['Jane Smith founded the clinic in Leeds.'],
    });
    expect(j.missingNames).toEqual([]);
    expect(j.missing).toEqual([]);
  });
});

describe('matchers measured and left off', () => {
  const saved = { ...PARAPHRASE };
  afterEach(() => Object.assign(PARAPHRASE, saved));

  it('are off in the shipped judge (synonyms are on: synonyms.test.ts)', () => {
    expect(PARAPHRASE).toMatchObject({
      units: false,
      currencies: false,
      surnames: false,
      derivations: false,
      irregular: false,
    });
    expect(rootOf(stem('acquisition'))).toBe(stem('acquisition'));
  });

  it('units and currencies: one form for each', () => {
    expect(unitsWrittenOut('ran 12 km at 60 mph, 40% of 5 metres')).toBe(
      'ran 12 kilometers at 60 miles per hour, 40 percent of 5 meters',
    );
    expect(currencyWordsAdded('$5 million')).toBe('dollars $5 million');
  });

  it('derivations and irregular verbs: one root per family', () => {
    PARAPHRASE.derivations = true;
    PARAPHRASE.irregular = true;
    const root = (w: string) => rootOf(stem(w));
    expect(root('acquisition')).toBe(root('acquired'));
    expect(root('decision')).toBe(root('decided'));
    expect(root('founder')).toBe(root('founded'));
    expect(root('sang')).toBe(root('sings'));
    expect(root('written')).toBe(root('write'));
    expect(root('acquisition')).not.toBe(root('decision'));
  });

  it('surnames: the full name on the page lets its last word stand for the rest', () => {
    const source = {
      sentences: [
        'Jane Smith is a doctor in Leeds.',
        'The city has two rivers.',
        'Its market dates from 1322.',
        'Trains reach London in two hours.',
        'In 2019 Smith founded the clinic.',
      ],
    };
    const claim = 'Jane Smith founded the clinic in 2019.';
    expect(judgeSupport(claim, source).passages[0]?.matchedTerms).not.toContain('jane');
    PARAPHRASE.surnames = true;
    expect(judgeSupport(claim, source).passages[0]?.matchedTerms).toContain('jane');
  });
});
