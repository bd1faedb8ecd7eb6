import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../../src/core/types';
import type { SupportVerdict } from '../../../src/core/verify/judge';
import { filterClaims, findingKindsOfClaims, NO_FILTERS } from '../../../src/panel/filters';

const REPORT: JsonReport = {
  url: 'https://news.example/story',
  title: 'Story',
  claims: [
    { id: 'c1', text: 'One.', markers: ['1'], sources: ['s1'] },
    { id: 'c2', text: 'Two.', markers: ['2'], sources: ['s2'] },
    { id: 'c3', text: 'Three.', markers: ['1', '2'], sources: ['s1', 's2'] },
  ],
  sources: [
    { id: 's1', label: '1', title: 'A', publisher: null, url: null, claims: ['c1', 'c3'] },
    { id: 's2', label: '2', title: 'B', publisher: null, url: 'https://b.example/', claims: ['c2', 'c3'] },
  ],
  findings: [
    { kind: 'uncited-source', message: 'm', claims: [], sources: ['s9'] },
    { kind: 'source-without-link', message: 'm', claims: [], sources: ['s1'] },
    { kind: 'citation-needed', message: 'm', claims: ['c2'], sources: [] },
  ],
};
const VERDICTS: Record<string, SupportVerdict> = { c1: 'supported', c3: 'not_found' };
const verdict = (c: { id: string }) => VERDICTS[c.id];
const ids = (list: { claim: { id: string }; index: number }[]) => list.map((x) => `${x.claim.id}@${x.index}`);

describe("the side panel's filters", () => {
  it('keeps every claim, with its place in the page, when nothing is chosen', () => {
    expect(ids(filterClaims(REPORT, verdict, NO_FILTERS))).toEqual(['c1@0', 'c2@1', 'c3@2']);
  });

  it('keeps the claims citing a source, judged so, concerned by a finding, and all three at once', () => {
    expect(ids(filterClaims(REPORT, verdict, { ...NO_FILTERS, source: 's2' }))).toEqual(['c2@1', 'c3@2']);
    expect(ids(filterClaims(REPORT, verdict, { ...NO_FILTERS, verdict: 'unchecked' }))).toEqual(['c2@1']);
    expect(ids(filterClaims(REPORT, verdict, { ...NO_FILTERS, finding: 'source-without-link' }))).toEqual([
      'c1@0',
      'c3@2',
    ]);
    expect(
      ids(
        filterClaims(REPORT, verdict, { source: 's2', verdict: 'not_found', finding: 'source-without-link' }),
      ),
    ).toEqual(['c3@2']);
  });

  it('offers only the kinds of finding that concern a claim', () => {
    expect(findingKindsOfClaims(REPORT)).toEqual(['source-without-link', 'citation-needed']);
  });
});
