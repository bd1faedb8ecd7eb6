import { describe, expect, it } from 'vitest';
import type { JsonReport, JsonSource } from '../../../src/core';
import { findingsForClaim, linkedSites, safeHttpUrl, siteOfSource } from '../../../src/shared/report-view';

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

  it('groups linked sources by site, the site most claims rest on first; references stay out', () => {
    const source = (
      id: string,
      kind: 'reference' | 'linked',
      label: string,
      claims: string[],
    ): JsonSource => ({
      id,
      kind,
      label,
      title: id,
      publisher: null,
      url: `https://${label}/${id}`,
      claims,
    });
    const sites = linkedSites([
      source('s1', 'reference', '1', ['c1']),
      source('s2', 'linked', 'nature.com', ['c2']),
      source('s3', 'linked', 'pew.org', ['c3', 'c4']),
      source('s4', 'linked', 'nature.com', ['c2', 'c5']),
      source('s5', 'linked', 'apnews.com', ['c6']),
      source('s6', 'linked', 'bbc.com', ['c7']),
    ]);
    expect(sites.map((s) => [s.site, s.sources.map((x) => x.id), s.claims])).toEqual([
      // Two claims each: nature.com has two pages, pew.org one.
      ['nature.com', ['s2', 's4'], 2],
      ['pew.org', ['s3'], 2],
      ['apnews.com', ['s5'], 1],
      ['bbc.com', ['s6'], 1],
    ]);
  });
});
