/**
 * Issue 10, shape 6: the reference list is not on the page (Wikipedia's mobile HTML loads it lazily; other sites
 * collapse it and fetch it on click). Unmistakable citation markers still make claims, with one finding that the
 * list is not there; when the list arrives, `fillLateReferences` resolves them without a rescan of the page.
 */
import { describe, expect, it } from 'vitest';
import { fillLateReferences } from '../../../../src/core/index';
import { toJsonReport } from '../../../../src/core/json-report';
import { claimTexts, findingKinds, findingsOf, scan } from '../helpers';

const S1 = 'Dogs were domesticated from wolves.';
const S2 = 'They were the first species to be domesticated.';
const U1 = 'https://example.org/domestication';

describe('shape 6: a reference list that is not on the page', () => {
  it('mobile Wikipedia: markers link ./Title#cite_note-N, the list is a placeholder', () => {
    const r = scan(
      `<section><p>${S1}<sup class="mw-ref reference" id="cite_ref-1"><a href="./Dog#cite_note-1"><span class="mw-reflink-text">[1]</span></a></sup> ${S2}<sup class="mw-ref reference" id="cite_ref-2"><a href="./Dog#cite_note-2"><span class="mw-reflink-text">[2]</span></a></sup></p></section>` +
        `<section><h2>References</h2><div class="mw-references-wrap lazy"><button>Load references</button></div></section>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(findingKinds(r)).toEqual(['reference-not-on-page']);
    expect(findingsOf(r, 'reference-not-on-page')[0]?.claims).toEqual(['c1', 'c2']);
  });

  it('EPUB-style doc-noteref markers whose notes are on another, not yet loaded part', () => {
    const r = scan(
      `<p>${S1}<a role="doc-noteref" href="#en1">1</a></p><p>${S2}<a role="doc-noteref" href="#en2">2</a></p>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(findingKinds(r)).toEqual(['reference-not-on-page']);
  });

  it('a list that is there but misses one note: that marker dangles, the list is on the page', () => {
    const r = scan(
      `<p>${S1}<sup class="reference"><a href="#cite_note-1">[1]</a></sup> ${S2}<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p><ol class="references"><li id="cite_note-1"><a href="${U1}">Domestication</a></li></ol>`,
    );
    expect(findingKinds(r)).toContain('dangling-marker');
    expect(findingKinds(r)).not.toContain('reference-not-on-page');
  });

  it('when the list arrives later, its sources fill in without a rescan', () => {
    const r = scan(
      `<p>${S1}<sup class="reference"><a href="#cite_note-1">[1]</a></sup> ${S2}<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p><section id="refs"></section>`,
    );
    expect(r.json.claims.map((c) => c.sources)).toEqual([[], []]);
    const claimsBefore = r.report.claims;
    const refs = r.doc.getElementById('refs');
    if (!refs) throw new Error('no refs section');
    refs.innerHTML = `<ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> <a href="${U1}">Domestication</a></li><li id="cite_note-2">Jones, A. (2001). The First Animals. Oxford University Press.</li></ol>`;
    expect(fillLateReferences(r.report, r.doc)).toBe(2);
    const json = toJsonReport(r.report);
    expect(r.report.claims).toBe(claimsBefore);
    expect(json.sources.map((s) => [s.label, s.url])).toEqual([
      ['1', U1],
      ['2', null],
    ]);
    expect(json.claims.map((c) => c.sources)).toEqual([['s1'], ['s2']]);
    expect(json.findings.map((f) => f.kind)).toEqual(['source-without-link']);
    // Nothing left to resolve: a second call changes nothing.
    expect(fillLateReferences(r.report, r.doc)).toBe(0);
  });

  it('not a claim: an undeclared same-page number link whose target is missing', () => {
    const r = scan(`<p>${S1}<a href="#section-3">3</a></p>`);
    expect(r.json.claims).toEqual([]);
  });
});
