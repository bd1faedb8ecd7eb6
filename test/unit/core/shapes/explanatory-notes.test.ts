/**
 * Issue 10, shape 7: an explanatory footnote (an aside with no link and nothing of a bibliographic reference) is a
 * note, not a source: kind 'note', left out of the "cannot be checked online" finding and of the CLI's source count.
 * A note with a link, or a reference without one (author, year, title), stays a source.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../../src/cli/commands/scan';
import { findingsOf, type Scanned, scan } from '../helpers';

const S1 = 'Minimum description length favours simpler models.';
const S2 = 'The method was introduced in 1978.';
const S3 = 'Later work refined it.';

const footnotes = (notes: string[]) =>
  `<p>${S1}<sup><a href="#fn1" id="fnref1">1</a></sup> ${S2}<sup><a href="#fn2" id="fnref2">2</a></sup> ${S3}<sup><a href="#fn3" id="fnref3">3</a></sup></p>` +
  `<div class="footnotes"><ol>${notes.map((n, i) => `<li id="fn${i + 1}">${n} <a href="#fnref${i + 1}">↩</a></li>`).join('')}</ol></div>`;

function kinds(r: Scanned): (string | undefined)[] {
  return r.json.sources.map((s) => s.kind);
}

describe('shape 7: explanatory footnotes are notes', () => {
  it('Substack-style asides are notes; a dated reference without a link stays a source', () => {
    const r = scan(
      footnotes([
        'That’s not to say the model is wrong, only that it is hard to apply.',
        'Rissanen, J. (1978). Modeling by shortest data description. Automatica.',
        'I am not fully clear on why they needed this step at all.',
      ]),
    );
    expect(kinds(r)).toEqual(['note', 'reference', 'note']);
    const linkless = findingsOf(r, 'source-without-link');
    expect(linkless).toHaveLength(1);
    expect(linkless[0]?.sources).toEqual([r.json.sources[1]?.id]);
  });

  it('an aside with a link is a source', () => {
    const r = scan(
      footnotes([
        'That’s not to say the model is wrong; <a href="https://example.org/mdl">this post</a> explains why.',
        'A short remark that needs no citation at all.',
        'Another remark with nothing to check in it.',
      ]),
    );
    expect(kinds(r)).toEqual(['reference', 'note', 'note']);
    expect(findingsOf(r, 'source-without-link')).toEqual([]);
  });

  it('titles in italics, quoted titles, identifiers and short forms are references', () => {
    const r = scan(
      footnotes([
        'See the discussion in <i>Information and Complexity</i> for the long version.',
        'As argued in “The minimum description length principle” at some length.',
        'Grünwald, Peter, chapter three, with the proofs of the main bounds.',
      ]),
    );
    expect(kinds(r)).toEqual(['reference', 'reference', 'reference']);
  });

  it('the CLI counts notes apart from sources, and writes "(note)" for them', () => {
    const r = scan(
      footnotes([
        'That’s not to say the model is wrong, only that it is hard to apply.',
        'Rissanen, J. (1978). Modeling by shortest data description. Automatica.',
        'I am not fully clear on why they needed this step at all.',
      ]),
    );
    const text = formatReport(r.json);
    expect(text).toContain('3 cited claims, 1 source, 2 notes, 1 finding');
    expect(text).toContain('(note)');
  });

  it('a page resting on notes has no source concentration', () => {
    const r = scan(
      `<p>One.<sup><a href="#fn1">1</a></sup> Two.<sup><a href="#fn1">1</a></sup> Three.<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">All three sentences here are my own speculation, nothing more.</li></ol>`,
    );
    expect(findingsOf(r, 'source-concentration')).toEqual([]);
  });
});
