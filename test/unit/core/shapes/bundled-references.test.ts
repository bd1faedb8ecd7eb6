/**
 * Issue 10, shape 4: one note that cites several works, each with its own link (Wikipedia's bundled citations, a
 * note reading "See A; B; C", works one per line) gives every one of them as a source of the claim.
 */
import { describe, expect, it } from 'vitest';
import { claimTexts, type Scanned, scan } from '../helpers';

const S1 = 'The species was first described in 1758.';
const A = 'https://example.org/linnaeus-systema';
const B = 'https://example.org/catalogue-of-life';
const C = 'https://example.org/species-review';

/** The URLs of each claim's sources, in order. */
function claimUrls(r: Scanned): (string | null)[][] {
  const url = new Map(r.json.sources.map((s) => [s.id, s.url]));
  return r.json.claims.map((c) => c.sources.map((id) => url.get(id) ?? null));
}

const cite = (url: string, title: string) =>
  `<cite class="citation book cs1">Author (2001). <a class="external text" href="${url}"><i>${title}</i></a>. Publisher. ISBN 978-0-00-000000-0.</cite>`;

describe('shape 4: a note that bundles several works', () => {
  it('Wikipedia bundled citation: one note, a list of citations', () => {
    const r = scan(
      `<p>${S1}<sup id="cite_ref-25" class="reference"><a href="#cite_note-25">[25]</a></sup></p>` +
        `<h2>References</h2><ol class="references"><li id="cite_note-25"><span class="mw-cite-backlink"><a href="#cite_ref-25">^</a></span> <span class="reference-text">Multiple sources:<ul>` +
        `<li>${cite(A, 'Systema Naturae')}</li><li>${cite(B, 'Catalogue of Life')}</li><li>${cite(C, 'A review of the species')}</li></ul></span></li></ol>`,
    );
    expect(claimTexts(r)).toEqual([S1]);
    expect(claimUrls(r)).toEqual([[A, B, C]]);
    // The note's own source is the first work; the others are parts of it, with its label.
    const [first, ...rest] = r.json.sources;
    expect(first?.partOf).toBeUndefined();
    expect(rest.map((s) => [s.label, s.partOf])).toEqual([
      ['25', first?.id],
      ['25', first?.id],
    ]);
  });

  it('“See A; B; C” in free text', () => {
    const r = scan(
      `<p>${S1}<sup><a href="#fn1" id="fnref1">1</a></sup></p><ol class="footnotes"><li id="fn1">See <a href="${A}">Linnaeus, Systema Naturae</a>; <a href="${B}">the Catalogue of Life entry</a>; <a href="${C}">a recent species review</a>. <a href="#fnref1">↩</a></li></ol>`,
    );
    expect(claimUrls(r)).toEqual([[A, B, C]]);
  });

  it('works one per line in a note', () => {
    const r = scan(
      `<p>${S1}[1]</p><h2>Sources</h2><ol><li><a href="${A}">Systema Naturae</a><br><a href="${B}">Catalogue of Life</a></li></ol>`,
    );
    expect(claimUrls(r)).toEqual([[A, B]]);
  });

  it('one work: its archive copy, its DOI and its editors “Wilson; Reeder” are no second work', () => {
    const r = scan(
      `<p>${S1}<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p><ol class="references"><li id="cite_note-1"><cite class="citation book">Wozencraft, W.C. (2005). <a class="external text" href="${A}">"Order Carnivora"</a>. In Wilson, D.E.; Reeder, D.M. (eds.). <a class="external text" href="${B}">Mammal Species of the World</a>. <a href="https://doi.org/10.1000/182">10.1000/182</a>. <a href="https://web.archive.org/web/2010/${A}">Archived</a></cite></li></ol>`,
    );
    expect(claimUrls(r)).toEqual([[A]]);
    expect(r.json.sources).toHaveLength(1);
  });
});
