import { describe, expect, it } from 'vitest';
import { sameScope, scopedReport, scopeOfClaims, scopeOfLink } from '../../../src/core/check/scope';
import type { JsonReport } from '../../../src/core/types';

const REPORT: JsonReport = {
  url: 'https://news.example/story',
  title: 'Story',
  claims: [
    { id: 'c1', text: 'One.', markers: ['1'], sources: ['s1'] },
    { id: 'c2', text: 'Two.', markers: ['1', '2'], sources: ['s1', 's2'] },
    { id: 'c3', text: 'Three.', markers: [], sources: ['s3'] },
  ],
  sources: [
    {
      id: 's1',
      kind: 'reference',
      label: '1',
      title: 'A',
      publisher: null,
      url: 'https://a.example/x',
      claims: ['c1', 'c2'],
    },
    {
      id: 's2',
      kind: 'reference',
      label: '2',
      title: 'B',
      publisher: null,
      url: 'https://b.example/y',
      claims: ['c2'],
    },
    {
      id: 's3',
      kind: 'linked',
      label: 'c.example',
      title: 'C',
      publisher: null,
      url: 'https://c.example/z',
      claims: ['c3'],
    },
  ],
  findings: [{ kind: 'source-concentration', message: 'm', claims: [], sources: ['s1'] }],
};

describe('the part of a page a "Check this claim" checks', () => {
  it('takes the selected claims with every source they cite, in page order', () => {
    expect(scopeOfClaims(REPORT, ['c2'])).toEqual({ claimIds: ['c2'], sourceIds: ['s1', 's2'] });
    expect(scopeOfClaims(REPORT, ['c3', 'c1', 'gone'])).toEqual({
      claimIds: ['c1', 'c3'],
      sourceIds: ['s1', 's3'],
    });
  });

  it("takes a link's sources, whatever its fragment, and the claims citing them; nothing for another address", () => {
    expect(scopeOfLink(REPORT, 'https://a.example/x#part')).toEqual({
      claimIds: ['c1', 'c2'],
      sourceIds: ['s1'],
    });
    expect(scopeOfLink(REPORT, 'https://a.example/other')).toEqual({ claimIds: [], sourceIds: [] });
  });

  it('makes a report of the part only: its claims citing only its sources', () => {
    const part = scopedReport(REPORT, { claimIds: ['c2'], sourceIds: ['s2'] });
    expect(part.claims).toEqual([{ id: 'c2', text: 'Two.', markers: ['1', '2'], sources: ['s2'] }]);
    expect(part.sources.map((s) => [s.id, s.claims])).toEqual([['s2', ['c2']]]);
    expect(part.url).toBe(REPORT.url);
    expect(scopedReport(REPORT, null)).toBe(REPORT);
  });

  it('compares scopes whatever their order', () => {
    expect(
      sameScope({ claimIds: ['a', 'b'], sourceIds: ['s'] }, { claimIds: ['b', 'a'], sourceIds: ['s'] }),
    ).toBe(true);
    expect(sameScope({ claimIds: ['a'], sourceIds: ['s'] }, { claimIds: ['a', 'b'], sourceIds: ['s'] })).toBe(
      false,
    );
    expect(sameScope(undefined, null)).toBe(true);
    expect(sameScope({ claimIds: [], sourceIds: [] }, undefined)).toBe(false);
  });
});
