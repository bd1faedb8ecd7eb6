import { describe, expect, it } from 'vitest';
import { extractNames, nameFound, tokenString } from '../../../src/core/verify/names';
import { hasNegation, negatesAny } from '../../../src/core/verify/negation';
import { splitSentences } from '../../../src/core/verify/sentences';
import { wordTokens } from '../../../src/core/verify/text';

describe('names', () => {
  it('finds multiword names and leaves sentence openers out', () => {
    const names = extractNames(
      'According to Thomas K. Arnold, Media Play News is one of five Hollywood trades.',
    );
    expect(names.map((n) => n.text)).toEqual(['Thomas K Arnold', 'Media Play News', 'Hollywood']);
  });

  it('keeps particles inside a name and commas between names', () => {
    const names = extractNames('She studied at the University of Texas, Austin.');
    expect(names.map((n) => n.text)).toEqual(['University of Texas', 'Austin']);
  });

  it('finds a name only as whole words, in order, accents and case folded', () => {
    const [name] = extractNames('It was shown at the Café Müller festival.');
    expect(name).toBeDefined();
    if (!name) return;
    expect(nameFound(name, tokenString('the cafe muller festival'))).toBe(true);
    expect(nameFound(name, tokenString('Müller’s café'))).toBe(false);
  });
});

describe('negation', () => {
  it('sees not, never, no longer and n’t', () => {
    expect(hasNegation(wordTokens('The drug was not approved.'))).toBe(true);
    expect(hasNegation(wordTokens('It never shipped.'))).toBe(true);
    expect(hasNegation(wordTokens('The company no longer operates.'))).toBe(true);
    expect(hasNegation(wordTokens('They didn’t win.'))).toBe(true);
    expect(hasNegation(wordTokens('The drug was approved.'))).toBe(false);
    expect(hasNegation(wordTokens('It reached No. 1 and was not only a hit but also a classic.'))).toBe(
      false,
    );
  });

  it('counts a cue only when it governs one of the given words', () => {
    const tokens = wordTokens('When she is not working, she approved the plan.');
    expect(negatesAny(tokens, (t) => t === 'approved')).toBe(false);
    expect(negatesAny(tokens, (t) => t === 'working')).toBe(true);
  });
});

describe('sentences', () => {
  it('does not break after abbreviations and initials', () => {
    expect(
      splitSentences(
        'Mr. Smith met Dr. J. Doe of the U.S. Army on Jan. 5. Then he left. It cost $1.5 billion.',
      ),
    ).toEqual([
      'Mr. Smith met Dr. J. Doe of the U.S. Army on Jan. 5.',
      'Then he left.',
      'It cost $1.5 billion.',
    ]);
  });
});
