/**
 * Issue 10, shape 2: notes written inline next to their marker, hidden until hover or click. The claim is the
 * sentence without the note's text; the note is the source. Pages written after what sites do: WordPress footnote
 * plugins (a tooltip span after the marker, `aria-describedby`), reference tooltips in a `title`, `<details>`,
 * a hidden note toggled by a button or opened as a popover.
 */
import { describe, expect, it } from 'vitest';
import { claimTexts, findingKinds, markerLabels, type Scanned, scan } from '../helpers';

const S1 = 'The harbour was rebuilt in 1870 after the great storm.';
const S2 = 'Trade doubled within a decade.';
const URL1 = 'https://example.org/harbour-history';
const NOTE1 = `Port authority annual report, <a href="${URL1}">Harbour history</a>, p. 12.`;

function claimUrls(r: Scanned): (string | null)[][] {
  const url = new Map(r.json.sources.map((s) => [s.id, s.url]));
  return r.json.claims.map((c) => c.sources.map((id) => url.get(id) ?? null));
}

describe('shape 2: a note written next to its marker', () => {
  it('a tooltip span right after the marker (WordPress footnote plugins)', () => {
    const r = scan(
      `<p>${S1}<sup class="footnote-ref">1</sup><span class="footnote-tooltip">${NOTE1}</span> ${S2}</p>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(claimUrls(r)).toEqual([[URL1]]);
  });

  it('a tooltip named by aria-describedby, the link going nowhere (Modern Footnotes)', () => {
    const r = scan(
      `<p>${S1}<sup class="modern-footnotes-footnote" data-mfn="1"><a href="javascript:void(0)" role="button" aria-describedby="mfn-content-1">1</a></sup>` +
        `<span id="mfn-content-1" role="tooltip" class="modern-footnotes-footnote__note" data-mfn="1">${NOTE1}</span> ${S2}</p>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(claimUrls(r)).toEqual([[URL1]]);
    expect(findingKinds(r)).not.toContain('unsafe-link');
  });

  it('the note in the marker’s title attribute (reference tooltips)', () => {
    const r = scan(
      `<p>${S1}<sup><a href="#" title="Port authority annual report 1871, ${URL1}">[1]</a></sup> ${S2}</p>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(claimUrls(r)).toEqual([[URL1]]);
    expect(r.json.sources[0]?.title).toContain('Port authority');
  });

  it('the note inside the marker’s own wrapper, shown on hover', () => {
    const r = scan(`<p>${S1}<span class="fn">2<span class="fn-content">${NOTE1}</span></span> ${S2}</p>`);
    expect(claimTexts(r)).toEqual([S1]);
    expect(markerLabels(r)).toEqual([['2']]);
    expect(claimUrls(r)).toEqual([[URL1]]);
  });

  it('a <details> whose summary is the number', () => {
    const r = scan(`<div>${S1}<details class="footnote"><summary>1</summary>${NOTE1}</details> ${S2}</div>`);
    expect(claimTexts(r)).toEqual([S1]);
    expect(claimUrls(r)).toEqual([[URL1]]);
  });

  it('a hidden note toggled by a button (aria-controls)', () => {
    const r = scan(
      `<p>${S1}<button type="button" aria-expanded="false" aria-controls="note-1">1</button><span id="note-1" hidden>${NOTE1}</span> ${S2}</p>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(claimUrls(r)).toEqual([[URL1]]);
  });

  it('a popover opened by popovertarget', () => {
    const r = scan(
      `<p>${S1}<button popovertarget="pop-1">[1]</button><span id="pop-1" popover>${NOTE1}</span> ${S2}</p>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(claimUrls(r)).toEqual([[URL1]]);
  });

  it('not a marker: a vote count button, a numbered pager, a word with a tooltip', () => {
    const r = scan(
      `<p>${S1} <button class="vote">3</button> ${S2}<sup><a href="#" title="Jump to the comments">4</a></sup></p><nav><button aria-controls="results">2</button></nav><div id="results">Results of the search appear here.</div>` +
        `<p>The <abbr title="International Maritime Organization">IMO</abbr> agreed.</p>`,
    );
    expect(r.json.claims).toEqual([]);
  });

  it('not a marker: an exponent followed by a hidden box', () => {
    const r = scan(
      `<p>The flat has 50 m<sup>2</sup><span class="hidden-xs">of floor space on two levels</span> and a garden.</p>`,
    );
    expect(r.json.claims).toEqual([]);
  });
});
