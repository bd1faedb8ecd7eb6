import { describe, expect, it } from 'vitest';
import { analyseClaim, analyseText } from '../../../src/core/verify/analyse';
import { coverageOf } from '../../../src/core/verify/coverage';
import type { FeatureName } from '../../../src/core/verify/features';
import { decide, type JudgeModel, judgeSupport } from '../../../src/core/verify/judge';
import { extractNames, nameTokenShare, ownTokens } from '../../../src/core/verify/names';
import { MAY_MONTH, normaliseText } from '../../../src/core/verify/normalise';
import { extractQuantities } from '../../../src/core/verify/numbers';
import { fromPlainText } from '../../../src/core/verify/source-text';
import { oneEditApart } from '../../../src/core/verify/spelling';
import { contentTerms, wordTokens } from '../../../src/core/verify/text';

const values = (text: string) => extractQuantities(text).map((q) => q.value);

describe('dates', () => {
  it('spells out abbreviated months beside a day or a year', () => {
    expect(normaliseText('Nov. 10, 2018')).toBe('November 10, 2018');
    expect(normaliseText('on 30 JUN 2018')).toBe('on 30 June 2018');
    expect(normaliseText('Sept 5 and Sep. 6')).toBe('September 5 and September 6');
    expect(wordTokens('Published Oct. 1, 2018')).toContain('october');
  });

  it('leaves a name that looks like a month alone', () => {
    expect(normaliseText('Jan Smith met Dec Ryan.')).toBe('Jan Smith met Dec Ryan.');
  });

  it('reads ISO dates as day, month and year', () => {
    expect(normaliseText('2018-06-30T07:00:00Z')).toBe('30 June 2018');
    expect(wordTokens('PUBLISHED DATETIME: 2018-06-30')).toContain('june');
    expect(values('2018-06-30')).toEqual([30, 2018]);
    expect(normaliseText('2018-13-40')).toBe('2018-13-40');
  });

  it('writes the short second year of a range in full', () => {
    expect(values('during the 2018–19 academic year')).toEqual([2018, 2019]);
    expect(values('the 1998-99 season')).toEqual([1998, 1999]);
    expect(values('rated 2009-08')).toEqual([2009, 8]);
  });

  it('tells the month May from the verb', () => {
    expect(wordTokens('in May 2019 he may go')).toEqual(['in', MAY_MONTH, '2019', 'he', 'may', 'go']);
    expect(wordTokens('On May 3, 2018')).toContain(MAY_MONTH);
    expect(contentTerms('released in May').map((t) => t.word)).toEqual(['released', 'may']);
    expect(contentTerms('it may rain').map((t) => t.word)).toEqual(['rain']);
  });
});

describe('ordinals', () => {
  it('writes ordinal words from fourth on as figures, compounds too', () => {
    expect(normaliseText('the fifteenth century')).toBe('the 15th century');
    expect(normaliseText('her twenty-first birthday')).toBe('her 21st birthday');
    expect(normaliseText('Twenty-Third Street')).toBe('23rd Street');
    expect(normaliseText('the first time, a second look')).toBe('the first time, a second look');
  });

  it('lets "fifteenth century" and "15th-century" meet', () => {
    const claim = analyseClaim('It broke out in the later fifteenth century.');
    const covered = coverageOf(claim, analyseText('The 15th-century civil war broke out.'));
    expect(covered.stems.has('15th')).toBe(true);
    expect(covered.quantities).toEqual([true]);
  });
});

describe('near spellings', () => {
  it('finds words one edit apart', () => {
    expect(oneEditApart('paterson', 'patterson')).toBe(true);
    expect(oneEditApart('organisation', 'organization')).toBe(true);
    expect(oneEditApart('recieve', 'receive')).toBe(true);
    expect(oneEditApart('paterson', 'peterssen')).toBe(false);
    expect(oneEditApart('gorodecki', 'horodecki')).toBe(true);
    expect(oneEditApart('horodecki', 'gorodezhkii')).toBe(false);
  });

  it('matches a name the page spells with one more letter', () => {
    const source = fromPlainText(
      'Former Congresswoman Liz Patterson dies at 78. Nov 10, 2018 at 4:14 PM. She died Saturday.',
    );
    const j = judgeSupport('Paterson died on November 10, 2018, at the age of 78.', source);
    expect(j.missingNames).toEqual([]);
    // "Nov 10" is "November 10"; only the page's "at 78" for "at the age of 78" stays a paraphrase.
    expect(j.missingTerms).toEqual(['age']);
    expect(j.missingNumbers).toEqual([]);
  });
});

describe('countries and their adjectives', () => {
  it('lets a country stand for its adjective, as a term and in a name', () => {
    const claim = analyseClaim('He was killed during the Libyan civil war.');
    expect(
      coverageOf(claim, analyseText('He was killed in Libya during the civil war.')).stems.has('libyan'),
    ).toBe(true);
    const [name] = extractNames('He joined the Canadian team.');
    expect(name?.text).toBe('Canadian');
    if (!name) return;
    expect(nameTokenShare(name, new Set(['canada', 'team']))).toBe(1);
    expect(nameTokenShare(name, new Set(['team']))).toBe(0);
  });
});

describe('names', () => {
  it('does not take a capitalised participle or number word that opens a sentence for a name', () => {
    expect(extractNames('Staring at the prospect of losing the team, the state agreed.')).toEqual([]);
    expect(extractNames('Three years later Bender left.').map((n) => n.text)).toEqual(['Bender']);
  });

  it('does not ask the page for initials or a possessive s, unless the name is nothing else', () => {
    const [vandeHei] = extractNames('It carried Mark T. Vande Hei.');
    expect(vandeHei && ownTokens(vandeHei)).toEqual(['mark', 'vande', 'hei']);
    const [us] = extractNames('It was sold in the U.S. market.');
    expect(us && ownTokens(us)).toEqual(['u', 's']);
  });
});

describe('decide', () => {
  const flat = (bias: number, features: FeatureName[]) => ({
    features,
    mean: features.map(() => 0),
    scale: features.map(() => 1),
    weights: features.map(() => 0),
    bias,
  });
  const features = {
    shareBest: 0.5,
    shareTop: 0.5,
    shareDoc: 0.5,
    missingTop: 1,
    numbersMissingTop: 0,
    numbersMissingDoc: 0,
    namesMissingTop: 0,
    namesMissingDoc: 0,
    bigramsTop: 0,
    negationConflict: 0,
    numberConflict: 0,
    claimLength: 2,
    pageLength: 3,
  };
  const judge = (support: number, notFound: number): JudgeModel => ({
    model: flat(support, ['shareBest']),
    supported: 0.5,
    notFoundModel: flat(notFound, ['shareDoc']),
    notFound: 0.5,
  });

  it('asks the "not found" model only of claims below the supported cut', () => {
    expect(decide(features, judge(2, 2)).verdict).toBe('supported');
    expect(decide(features, judge(-2, 2)).verdict).toBe('not_found');
    expect(decide(features, judge(-2, -2)).verdict).toBe('partial');
    expect(decide(features, judge(-2, -2)).score).toBeCloseTo(0.119, 3);
  });

  it('calls a claim the best passage negates, or gives another figure for, "not found"', () => {
    for (const conflict of [{ negationConflict: 1 }, { numberConflict: 1 }]) {
      expect(decide({ ...features, ...conflict }, judge(2, -2))).toEqual({
        verdict: 'not_found',
        score: 0.49,
      });
    }
  });
});
