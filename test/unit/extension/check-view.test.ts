import { describe, expect, it, vi } from 'vitest';
import type { CheckedSource, CheckResult } from '../../../src/core/check/types';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: (key: string) => key } } }));

const { checkedSourceFor, checkedSourceOfClaim } = await import('../../../src/shared/check-view');

const source = (id: string, url: string | null): CheckedSource => ({
  id,
  label: id,
  title: '',
  url,
  status: 'ok',
  detail: null,
  finalUrl: url,
});
const judgement = (sourceId: string) => ({
  source: sourceId,
  verdict: 'supported' as const,
  score: 1,
  passage: '',
  missingNumbers: [],
  missingNames: [],
  missingTerms: [],
});

const RESULT = {
  url: 'https://news.example/',
  title: 'Story',
  sources: [source('s1', 'https://a.example/1'), source('s2', 'https://b.example/2'), source('s3', null)],
  claims: [{ id: 'c1', text: 'A claim.', judgements: [judgement('s2')] }],
} as unknown as CheckResult;

describe("finding a claim's checked sources (the card and the popup alike)", () => {
  it('by id when the address is the same', () => {
    expect(checkedSourceFor(RESULT, { id: 's1', url: 'https://a.example/1' })?.id).toBe('s1');
    expect(checkedSourceFor(RESULT, { id: 's3', url: null })?.id).toBe('s3');
  });

  it('by address when a rescan renumbered the sources, never by a reused id alone', () => {
    // The page was scanned again: "s1" now names the source that was "s2".
    expect(checkedSourceFor(RESULT, { id: 's1', url: 'https://b.example/2' })?.id).toBe('s2');
    expect(checkedSourceFor(RESULT, { id: 's1', url: 'https://new.example/' })).toBeUndefined();
    expect(checkedSourceFor(RESULT, { id: 's9', url: null })).toBeUndefined();
  });

  it("with the claim's judgement of that source", () => {
    const claim = { id: 'c1', text: 'A claim.' };
    expect(checkedSourceOfClaim(RESULT, claim, { id: 's1', url: 'https://b.example/2' })).toMatchObject({
      status: { id: 's2' },
      judgement: { source: 's2' },
    });
    expect(
      checkedSourceOfClaim(RESULT, claim, { id: 's1', url: 'https://a.example/1' })?.judgement,
    ).toBeNull();
    expect(checkedSourceOfClaim(RESULT, claim, { id: 'x', url: 'https://none.example/' })).toBeNull();
  });
});
