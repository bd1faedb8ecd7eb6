// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LiveClaim } from '../../../src/content/highlights';
import { claimsInSelection } from '../../../src/content/selected-claims';

/** Two claims in one paragraph's text, and a selection of some of its characters. */
function setUp() {
  document.body.innerHTML = '<p>The vote was rushed [1]. Then it rained. The bridge closed [2].</p>';
  const text = document.querySelector('p')?.firstChild as Text;
  const rangeOf = (start: number, end: number) => {
    const r = document.createRange();
    r.setStart(text, start);
    r.setEnd(text, end);
    return r;
  };
  const claim = (id: string, start: number, end: number, index: number): LiveClaim => ({
    claim: { id, text: '', markers: [], sources: [] },
    index,
    ranges: [rangeOf(start, end)],
    extent: rangeOf(start, end),
    markerNodes: [],
  });
  const first = 'The vote was rushed [1].';
  const second = 'The bridge closed [2].';
  const at = text.data.indexOf(second);
  const claims = [claim('c1', 0, first.length, 0), claim('c2', at, at + second.length, 1)];
  const select = (start: number, end: number): Selection => {
    const range = rangeOf(start, end);
    return {
      isCollapsed: range.collapsed,
      rangeCount: 1,
      getRangeAt: () => range,
    } as unknown as Selection;
  };
  return { text, claims, select, at, firstLength: first.length };
}

describe('the claims a selection touches', () => {
  it('a few words of one sentence select that claim only', () => {
    const { claims, select } = setUp();
    expect(claimsInSelection(select(4, 12), claims)).toEqual(['c1']);
  });

  it('a selection across sentences selects each claim it touches, in page order', () => {
    const { claims, select, at, text } = setUp();
    expect(claimsInSelection(select(10, text.data.length), claims)).toEqual(['c1', 'c2']);
    expect(claimsInSelection(select(at + 2, at + 6), claims)).toEqual(['c2']);
  });

  it('nothing for an empty selection, one between claims, or one only touching a claim at its end', () => {
    const { claims, select, firstLength } = setUp();
    expect(claimsInSelection(select(5, 5), claims)).toEqual([]);
    expect(claimsInSelection(select(firstLength + 1, firstLength + 14), claims)).toEqual([]);
    expect(claimsInSelection(select(firstLength, firstLength + 6), claims)).toEqual([]);
    expect(claimsInSelection(null, claims)).toEqual([]);
  });
});
