/**
 * Issue 10, shape 5: MediaWiki sub-references ([1.1], [1.2]: one main reference with page-level details) and group
 * notes ([a], [note 1], [lower-alpha 3], any group's name) kept apart from numbered references. Pages written after
 * the Cite extension's legacy HTML and Parsoid's.
 */
import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, markerLabels, type Scanned, scan, sourceLabels } from '../helpers';

const S1 = 'The castle was built in the twelfth century.';
const S2 = 'Its keep was rebuilt after a fire.';
const S3 = 'The chapel is the oldest part.';
const BOOK = 'https://example.org/castle-history';
const ref = (id: string, label: string) =>
  `<sup id="cite_ref-${id}" class="reference"><a href="#cite_note-${id}">[${label}]</a></sup>`;

function claimUrls(r: Scanned): (string | null)[][] {
  const url = new Map(r.json.sources.map((s) => [s.id, s.url]));
  return r.json.claims.map((c) => c.sources.map((id) => url.get(id) ?? null));
}

describe('shape 5: sub-references and group notes', () => {
  it('sub-references [1.1] and [1.2] take their main reference’s work', () => {
    const r = scan(
      `<p>${S1}${ref('2', '1.1')} ${S2}${ref('3', '1.2')}</p><h2>References</h2><ol class="references">` +
        `<li id="cite_note-1"><span class="reference-text">Smith, J. (1990). <a class="external text" href="${BOOK}">A History of the Castle</a>.</span>` +
        `<ol><li id="cite_note-2"><a href="#cite_ref-2">^</a> <span class="reference-text">p. 12</span></li><li id="cite_note-3"><a href="#cite_ref-3">^</a> <span class="reference-text">pp. 40–41</span></li></ol></li></ol>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(markerLabels(r)).toEqual([['1.1'], ['1.2']]);
    expect(claimSourceLabels(r)).toEqual([['1.1'], ['1.2']]);
    expect(claimUrls(r)).toEqual([[BOOK], [BOOK]]);
  });

  it('letter notes [a] in a lettered notelist, apart from numbered references [1]', () => {
    const r = scan(
      `<p>${S1}${ref('a', 'a')} ${S2}${ref('1', '1')}</p>` +
        `<h2>Notes</h2><div class="reflist" style="list-style-type: lower-alpha;"><ol class="references"><li id="cite_note-a">The date is disputed among historians of the region.</li><li id="cite_note-b">Not cited anywhere in the text of this article.</li></ol></div>` +
        `<h2>References</h2><div class="reflist"><ol class="references"><li id="cite_note-1"><a href="${BOOK}">A History of the Castle</a></li><li id="cite_note-2"><a href="https://example.org/other">Other</a></li></ol></div>`,
    );
    expect(claimSourceLabels(r)).toEqual([['a'], ['1']]);
    // The uncited note is "b", the uncited reference "2": no two sources share a label.
    expect(sourceLabels(r)).toEqual(['a', 'b', '1', '2']);
  });

  it('[note 1] and a group of any name ([Anm. 2], [x 3]) next to numbered references', () => {
    const r = scan(
      `<p>${S1}${ref('note-1', 'note 1')}${ref('1', '1')} ${S2}<sup class="reference"><a href="#cite_note-Anm-2" data-mw-group="Anm">[Anmerkung 2]</a></sup> ${S3}${ref('x-3', 'x 3')}</p>` +
        `<ol class="references"><li id="cite_note-note-1">A note on the name of the castle.</li><li id="cite_note-Anm-2">Eine Anmerkung zum Bergfried der Burg.</li><li id="cite_note-x-3">A note in group x about the chapel.</li></ol>` +
        `<ol class="references"><li id="cite_note-1"><a href="${BOOK}">A History of the Castle</a></li></ol>`,
    );
    expect(markerLabels(r)).toEqual([['note 1', '1'], ['Anmerkung 2'], ['x 3']]);
    expect(claimUrls(r)).toEqual([[null, BOOK], [null], [null]]);
  });

  it('Parsoid’s [lower-alpha 3] reads as the note “c” a reader sees', () => {
    const r = scan(
      `<p>${S1}<sup class="mw-ref reference" typeof="mw:Extension/ref"><a href="./Castle#cite_note-3" data-mw-group="lower-alpha"><span class="mw-reflink-text">[lower-alpha 3]</span></a></sup></p>` +
        `<ol class="mw-references references" data-mw-group="lower-alpha"><li id="cite_note-1">First note of the article.</li><li id="cite_note-2">Second note of the article.</li><li id="cite_note-3">The keep was rebuilt twice, in 1320 and 1410.</li></ol>`,
    );
    expect(markerLabels(r)).toEqual([['c']]);
    expect(claimSourceLabels(r)).toEqual([['c']]);
  });
});
