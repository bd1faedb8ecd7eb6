// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Claim, JsonClaim, TextSpan } from '../../../src/core';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { inDocumentOrder, liveClaim, rangesForClaim, setHighlight } = await import(
  '../../../src/content/highlights'
);

function spanOf(node: Text, start = 0, end = node.data.length): TextSpan {
  return { start: { node, offset: start }, end: { node, offset: end } };
}

function claimOf(spans: TextSpan[]): Claim {
  return { id: 'c1', text: '', markers: [], sourceIds: [], spans };
}

/** The claim as the card shows it (the report's JSON form). */
function shownOf(id: string): JsonClaim {
  return { id, text: '', markers: [], sources: [] };
}

describe('claim ranges', () => {
  it('merges spans with only whitespace or elements between them into one range', () => {
    document.body.innerHTML = '<p id="p">The vote <a href="#">was rushed</a> on Monday [1]. Then rain.</p>';
    const p = document.getElementById('p') as HTMLElement;
    const [t1, a, t3] = [...p.childNodes];
    const t2 = a?.firstChild as Text;
    const spans = [spanOf(t1 as Text), spanOf(t2), spanOf(t3 as Text, 0, ' on Monday [1].'.length)];
    const ranges = rangesForClaim(document, claimOf(spans));
    expect(ranges?.map((r) => r.toString())).toEqual(['The vote was rushed on Monday [1].']);
  });

  it("keeps text between spans that is not the claim's (a sidenote) out", () => {
    document.body.innerHTML =
      '<p id="p">Ted Nelson coined it<span class="side">63 years ago</span> in 1963.</p>';
    const p = document.getElementById('p') as HTMLElement;
    const [t1, side, t3] = [...p.childNodes];
    expect((side as HTMLElement).textContent).toBe('63 years ago');
    const ranges = rangesForClaim(document, claimOf([spanOf(t1 as Text), spanOf(t3 as Text)]));
    expect(ranges?.map((r) => r.toString())).toEqual(['Ted Nelson coined it', ' in 1963.']);
    const live = liveClaim(document, claimOf([spanOf(t1 as Text), spanOf(t3 as Text)]), 0, shownOf('c1'));
    expect(live?.extent.toString()).toBe('Ted Nelson coined it63 years ago in 1963.');
  });

  it('gives nothing for spans the page has since removed', () => {
    document.body.innerHTML = '<p id="p">Gone soon [1].</p>';
    const text = (document.getElementById('p') as HTMLElement).firstChild as Text;
    const claim = claimOf([spanOf(text)]);
    text.remove();
    expect(rangesForClaim(document, claim)).toBeNull();
    expect(liveClaim(document, claim, 0, shownOf('c1'))).toBeNull();
  });
});

describe('highlight registration', () => {
  it('registers 250,000 ranges under one name without overflowing the stack', () => {
    class FakeHighlight {
      readonly ranges = new Set<unknown>();
      priority = 0;
      constructor(...initial: unknown[]) {
        for (const r of initial) this.ranges.add(r);
      }
      add(range: unknown) {
        this.ranges.add(range);
        return this;
      }
    }
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
    try {
      const ranges = Array.from({ length: 250_000 }, () => document.createRange());
      setHighlight('citelens-claim', ranges, 1);
      expect(registry.get('citelens-claim')?.ranges.size).toBe(250_000);
      expect(registry.get('citelens-claim')?.priority).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('claim order', () => {
  it('puts claims in document order and numbers them, yielding while it checks', async () => {
    document.body.innerHTML = '<p id="a">First [1].</p><p id="b">Second [2].</p><p id="c">Third [3].</p>';
    const claims = ['a', 'b', 'c'].map((id, i) => {
      const text = (document.getElementById(id) as HTMLElement).firstChild as Text;
      return liveClaim(document, { ...claimOf([spanOf(text)]), id: `c${i + 1}` }, 0, shownOf(`c${i + 1}`));
    });
    const live = [claims[0], claims[2], claims[1]].filter((l) => l !== null && l !== undefined);
    let yields = 0;
    await inDocumentOrder(live, async () => void yields++, 0);
    expect(live.map((l) => [l.claim.id, l.index])).toEqual([
      ['c1', 0],
      ['c2', 1],
      ['c3', 2],
    ]);
    expect(yields).toBeGreaterThan(0);
  });
});
