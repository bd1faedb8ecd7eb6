import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { markMatches, missingFromSource } = await import('../../../src/shared/evidence');

describe('evidence marking', () => {
  it('marks the claim’s words and numbers in the passage, and gives the passage back whole', () => {
    const passage = 'Researchers found 200000 servers used by AI agents, launching an audit.';
    const pieces = markMatches(passage, ['servers', '200,000', 'agent', 'launched', 'AI']);
    expect(pieces.map((p) => p.text).join('')).toBe(passage);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual([
      '200000',
      'servers',
      'AI',
      'agents',
      'launching',
    ]);
  });

  it('marks short words only whole, and text with no match not at all', () => {
    expect(
      markMatches('An anthem and a man.', ['an'])
        .filter((p) => p.marked)
        .map((p) => p.text),
    ).toEqual(['An']);
    expect(markMatches('Nothing here.', ['absent'])).toEqual([{ text: 'Nothing here.', marked: false }]);
  });

  it('says what the source lacks: numbers and names first, else the words of a claim it does not support', () => {
    const base = {
      verdict: 'partial' as const,
      missingNumbers: ['150 million'],
      missingNames: ['Lisbon'],
      missingTerms: ['downloads'],
    };
    expect(missingFromSource(base)).toEqual(['150 million', 'Lisbon']);
    expect(
      missingFromSource({ ...base, missingNumbers: [], missingNames: [], verdict: 'not_found' }),
    ).toEqual(['downloads']);
    expect(missingFromSource({ ...base, verdict: 'unavailable' })).toEqual([]);
    expect(
      missingFromSource({ ...base, missingNumbers: [], missingNames: [], verdict: 'supported' }),
    ).toEqual([]);
  });
});

describe('the sites a check asks for', async () => {
  const { originPattern, sourceOrigins } = await import('../../../src/shared/permissions');
  it('are the sources’ own hosts, one pattern each, any port, http(s) only', () => {
    expect(originPattern('https://www.example.org:8443/a?b#c')).toBe('https://www.example.org/*');
    expect(originPattern('javascript:alert(1)')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
    const report = {
      sources: [
        { url: 'https://a.example/1' },
        { url: 'https://a.example/2' },
        { url: 'http://a.example/3' },
        { url: null },
        { url: 'ftp://files.example/x' },
      ],
    } as Parameters<typeof sourceOrigins>[0];
    expect(sourceOrigins(report)).toEqual(['https://a.example/*', 'http://a.example/*']);
  });
});
