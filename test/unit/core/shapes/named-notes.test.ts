/**
 * Issue 10, shape 3: markers whose link is not a normal link (`javascript:`, `#`, none) but which name their note by
 * id in `onclick`, `aria-controls`, `aria-describedby` or a `data-*` attribute. Pages written after Wikidot
 * (`footnoteref-1` → `footnote-1`), accessible footnote scripts and single-page-app footnotes. A `javascript:` link
 * is never a source's URL.
 */
import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, findingKinds, markerLabels, type Scanned, scan } from '../helpers';

const S1 = 'The bridge opened to traffic in 1932.';
const S2 = 'It carries six lanes today.';
const U1 = 'https://example.org/bridge-1932';
const U2 = 'https://example.org/bridge-lanes';

function urls(r: Scanned): (string | null)[] {
  return r.json.sources.map((s) => s.url);
}

describe('shape 3: markers that name their note', () => {
  it('Wikidot: javascript: links, onclick naming footnote-N, the note’s own backlink', () => {
    const marker = (n: number) =>
      `<sup class="footnoteref"><a id="footnoteref-${n}" href="javascript:;" class="footnoteref" onclick="WIKIDOT.page.utils.scrollToReference('footnote-${n}')">${n}</a></sup>`;
    const note = (n: number, url: string) =>
      `<div class="footnote-footer" id="footnote-${n}"><a href="javascript:;" onclick="WIKIDOT.page.utils.scrollToReference('footnoteref-${n}')">${n}</a>. City archive, <a href="${url}">record ${n}</a></div>`;
    const r = scan(
      `<div id="page-content"><p>${S1}${marker(1)} ${S2}${marker(2)}</p><div class="footnotes-footer"><div class="title">Footnotes</div>${note(1, U1)}${note(2, U2)}</div></div>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
    expect(urls(r)).toEqual([U1, U2]);
    expect(findingKinds(r)).not.toContain('unsafe-link');
    expect(findingKinds(r)).not.toContain('dangling-marker');
  });

  it('Wikidot copied without its scripts: only the id pair footnoteref-N / footnote-N names the note', () => {
    const r = scan(
      `<article><p>${S1}<sup class="footnoteref"><a id="footnoteref-1" class="footnoteref">1</a></sup> ${S2}</p>` +
        `<div class="footnotes-footer"><div class="title">Footnotes</div><div class="footnote-footer" id="footnote-1"><a>1</a>. Harbour board, <a href="${U1}">opening day report</a>.</div></div></article>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(urls(r)).toEqual([U1]);
  });

  it('a # link naming its note with aria-describedby', () => {
    const r = scan(
      `<p>${S1}<sup><a href="#" aria-describedby="note-a">1</a></sup> ${S2}<sup><a href="#" aria-describedby="note-b">2</a></sup></p>` +
        `<h2>Notes</h2><ol><li id="note-a"><a href="${U1}">Opening day report</a></li><li id="note-b"><a href="${U2}">Traffic survey</a></li></ol>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(urls(r)).toEqual([U1, U2]);
  });

  it('a link without href naming its note in a data attribute', () => {
    const r = scan(
      `<p>${S1}<a class="fn-link" data-footnote-id="fn-x1">[1]</a> ${S2}<a class="fn-link" data-footnote-id="fn-x2">[2]</a></p>` +
        `<section class="footnotes"><p id="fn-x1">1. <a href="${U1}">Opening day report</a></p><p id="fn-x2">2. <a href="${U2}">Traffic survey</a></p></section>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
    expect(urls(r)).toEqual([U1, U2]);
  });

  it('a javascript: call naming the note; the call is never a source URL', () => {
    const r = scan(
      `<p>${S1}<sup><a href="javascript:showNote('n1')">1</a></sup> ${S2}</p><ol class="notes"><li id="n1">Harbour board minutes, 12 March 1932 (no link).</li></ol>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(urls(r)).toEqual([null]);
    expect(JSON.stringify(r.json)).not.toContain('javascript');
  });

  it('not a marker: a # link with a number that names nothing, a menu toggle', () => {
    const r = scan(
      `<p>${S1}<a href="#">2</a> ${S2}</p><button aria-controls="menu">Menu</button><ul id="menu"><li>Home</li></ul>`,
    );
    expect(r.json.claims).toEqual([]);
  });
});
