import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../../src/core';
import { findingsForClaim, safeHttpUrl, siteOfSource } from '../../../src/shared/report-view';

describe('report view', () => {
  it('links only to http(s) addresses', () => {
    expect(safeHttpUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it('names a source by its site', () => {
    expect(siteOfSource({ url: 'https://www.wired.com/story/x' })).toBe('wired.com');
    expect(siteOfSource({ url: null })).toBeNull();
  });

  it('finds the findings about a claim or one of its sources', () => {
    const report: JsonReport = {
      url: null,
      title: '',
      claims: [],
      sources: [],
      findings: [
        { kind: 'source-concentration', message: 'a', claims: [], sources: ['s1'] },
        { kind: 'dangling-marker', message: 'b', claims: ['c2'], sources: [] },
        { kind: 'uncited-source', message: 'c', claims: [], sources: ['s9'] },
      ],
    };
    expect(findingsForClaim(report, 'c1', ['s1']).map((f) => f.message)).toEqual(['a']);
    expect(findingsForClaim(report, 'c2', []).map((f) => f.message)).toEqual(['b']);
  });
});
