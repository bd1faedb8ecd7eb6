import { describe, expect, it } from 'vitest';
import { extractQuantities, quantityKey, quantityMatches } from '../../../src/core/verify/numbers';

const keys = (text: string) => extractQuantities(text).map(quantityKey);
/** As the judge's features read it (verify/features.ts): every figure of the claim matched by one of the source. */
const supports = (claim: string, source: string) => {
  const inSource = extractQuantities(source);
  return extractQuantities(claim).every((c) => inSource.some((s) => quantityMatches(c, s)));
};

describe('quantities', () => {
  it('reads thousands written four ways as one number', () => {
    expect(keys('200,000 AI agent servers')).toEqual(['200000']);
    expect(keys('200000 servers')).toEqual(['200000']);
    expect(keys('some 200 thousand servers')).toEqual(['200000']);
    expect(keys('200k servers')).toEqual(['200000']);
  });

  it('matches the seed article’s figures against their other spellings', () => {
    expect(supports('exposing 200,000 AI agent servers', 'a scan found 200000 servers')).toBe(true);
    expect(supports('exposing 200,000 AI agent servers', 'about 200 thousand of them')).toBe(true);
    expect(supports('now exceeding 150 million downloads', '150,000,000 downloads so far')).toBe(true);
    expect(supports('now exceeding 150 million downloads', '15 million downloads so far')).toBe(false);
    expect(supports('exposing 200,000 AI agent servers', '20,000 servers')).toBe(false);
  });

  it('reads percentages, money and scale words', () => {
    expect(keys('40% of users')).toEqual(['40%']);
    expect(keys('40 percent of users')).toEqual(['40%']);
    expect(keys('41.3 % in 2016')).toEqual(['41.3%', '2016']);
    expect(keys('a $1.5 billion deal')).toEqual(['1500000000']);
    expect(keys('a US$1.5bn deal')).toEqual(['1500000000']);
    expect(keys('two million people')).toEqual(['2000000']);
    expect(supports('40% of users', '40 users')).toBe(false);
  });

  it('lets a round claim figure stand for a near exact one, but never a year', () => {
    expect(supports('more than 150 million downloads', '152,300,000 downloads')).toBe(true);
    expect(supports('more than 150 million downloads', '170,000,000 downloads')).toBe(false);
    expect(supports('founded in 2015', 'founded in 2016')).toBe(false);
    expect(extractQuantities('in 2016')[0]?.year).toBe(true);
  });

  it('does not read metres as millions or “one” as a count', () => {
    expect(keys('12 m tall')).toEqual(['12']);
    expect(keys('one of five trades')).toEqual(['5']);
  });
});
