import { describe, expect, it } from 'vitest';
import {
  claimSourceLabels,
  claimTexts,
  findingKinds,
  markerLabels,
  scan,
  sourceByLabel,
  sourceLabels,
  sourceUrls,
} from './helpers';

describe('footnote-link markers', () => {
  it('reads Wikipedia sup.reference links, ol.references with cite.citation, and a grouped note [a]', () => {
    const r = scan(`
<div class="mw-parser-output">
<p>Mozilla was founded in 1998 by members of Netscape.<sup id="cite_ref-history_1-0" class="reference"><a href="#cite_note-history-1"><span class="cite-bracket">[</span>1<span class="cite-bracket">]</span></a></sup> Its best-known product is Firefox.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2"><span class="cite-bracket">[</span>2<span class="cite-bracket">]</span></a></sup><sup id="cite_ref-3" class="reference"><a href="#cite_note-3"><span class="cite-bracket">[</span>a<span class="cite-bracket">]</span></a></sup></p>
<div class="mw-heading mw-heading2"><h2 id="Notes">Notes</h2></div>
<div class="reflist reflist-lower-alpha"><ol class="references">
<li id="cite_note-3"><span class="mw-cite-backlink"><b><a href="#cite_ref-3">^</a></b></span> <span class="reference-text">Firefox was first released under the name Phoenix.</span></li>
</ol></div>
<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>
<div class="reflist"><ol class="references">
<li id="cite_note-history-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-history_1-0"><sup><i><b>a</b></i></sup></a></span> <span class="reference-text"><cite class="citation web cs1">Doe, Jane (2020). <a rel="nofollow" class="external text" href="https://news.example.com/mozilla-history">"The history of Mozilla"</a>. <i>The Example Times</i>. Retrieved 1 May 2021.</cite></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text"><cite class="citation news cs1"><a rel="nofollow" class="external text" href="https://tech.example.org/firefox-at-20">"Firefox at 20"</a>. <i>Tech Review</i>. 2024.</cite></span></li>
</ol></div>
</div>`);
    expect(claimTexts(r)).toEqual([
      'Mozilla was founded in 1998 by members of Netscape.',
      'Its best-known product is Firefox.',
    ]);
    expect(markerLabels(r)).toEqual([['1'], ['2', 'a']]);
    expect(r.report.claims[0]?.markers[0]?.shape).toBe('footnote-link');
    expect(r.report.claims[0]?.markers[0]?.target).toBe('cite_note-history-1');
    expect(claimSourceLabels(r)).toEqual([['1'], ['2', 'a']]);
    expect(sourceByLabel(r, '1')).toMatchObject({
      title: 'The history of Mozilla',
      publisher: 'The Example Times',
      url: 'https://news.example.com/mozilla-history',
    });
    expect(sourceByLabel(r, '2')).toMatchObject({
      title: 'Firefox at 20',
      publisher: 'Tech Review',
      url: 'https://tech.example.org/firefox-at-20',
    });
    expect(sourceByLabel(r, 'a')?.url).toBeNull();
    expect(sourceLabels(r).sort()).toEqual(['1', '2', 'a']);
    expect(r.report.sources.find((s) => s.label === 'a')?.text).toBe(
      'Firefox was first released under the name Phoenix.',
    );
  });

  it('reads markdown-it footnotes (sup.footnote-ref, section.footnotes, a.footnote-backref)', () => {
    const r = scan(`
<p>The library parses CommonMark.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> It is fast.<sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup></p>
<hr class="footnotes-sep">
<section class="footnotes"><ol class="footnotes-list">
<li id="fn1" class="footnote-item"><p>See <a href="https://spec.example.org/commonmark">the CommonMark spec</a>. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li>
<li id="fn2" class="footnote-item"><p><a href="https://bench.example.org/parsers">Parser benchmarks</a> <a href="#fnref2" class="footnote-backref">↩︎</a></p></li>
</ol></section>`);
    expect(claimTexts(r)).toEqual(['The library parses CommonMark.', 'It is fast.']);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
    expect(sourceLabels(r)).toEqual(['1', '2']);
    expect(sourceUrls(r)).toEqual([
      'https://spec.example.org/commonmark',
      'https://bench.example.org/parsers',
    ]);
    expect(r.report.sources[0]?.text).not.toContain('↩');
  });

  it('reads Pandoc footnotes (a.footnote-ref role=doc-noteref, section#footnotes role=doc-endnotes)', () => {
    const r = scan(`
<p>Pandoc converts between formats.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
<ol><li id="fn1"><p><a href="https://pandoc.example.org/manual">Pandoc manual</a>.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol>
</section>`);
    expect(claimTexts(r)).toEqual(['Pandoc converts between formats.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(r.report.claims[0]?.markers[0]?.shape).toBe('footnote-link');
    expect(sourceUrls(r)).toEqual(['https://pandoc.example.org/manual']);
    expect(sourceLabels(r)).toEqual(['1']);
  });

  it('reads GFM footnotes (a[data-footnote-ref] to li#user-content-fn-1, data-footnote-backref)', () => {
    const r = scan(`
<p>GitHub renders footnotes.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>
<section data-footnotes class="footnotes"><h2 id="footnote-label" class="sr-only">Footnotes</h2>
<ol><li id="user-content-fn-1"><p><a href="https://gh.example.com/footnotes-blog">Footnotes now supported</a> <a href="#user-content-fnref-1" data-footnote-backref aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol>
</section>`);
    expect(claimTexts(r)).toEqual(['GitHub renders footnotes.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(sourceUrls(r)).toEqual(['https://gh.example.com/footnotes-blog']);
    expect(r.json.sources[0]?.title).toBe('Footnotes now supported');
  });

  it('reads kramdown footnotes (sup#fnref:1 > a.footnote[href="#fn:1"] to li#fn:1)', () => {
    const r = scan(`
<p>Jekyll uses kramdown by default.<sup id="fnref:1"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>
<div class="footnotes"><ol>
<li id="fn:1"><p><a href="https://jekyll.example.org/docs/markdown">Jekyll docs</a> <a href="#fnref:1" class="reversefootnote">&#8617;</a></p></li>
</ol></div>`);
    expect(claimTexts(r)).toEqual(['Jekyll uses kramdown by default.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(r.report.claims[0]?.markers[0]?.target).toBe('fn:1');
    expect(sourceUrls(r)).toEqual(['https://jekyll.example.org/docs/markdown']);
  });

  it('reads Substack footnotes (absolute a.footnote-anchor to div.footnote with a.footnote-number backlink)', () => {
    const r = scan(`
<div class="body markup"><p>The newsletter grew fast last year.<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-1" href="https://site.example/p/x#footnote-1" target="_self">1</a></p>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="https://site.example/p/x#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a><div class="footnote-content"><p>Per <a href="https://stats.example.com/newsletters">the growth report</a>.</p></div></div></div>`);
    expect(claimTexts(r)).toEqual(['The newsletter grew fast last year.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(sourceLabels(r)).toEqual(['1']);
    expect(sourceUrls(r)).toEqual(['https://stats.example.com/newsletters']);
  });

  it('reads WordPress footnotes (sup.fn[data-fn] > a[href="#uuid"] to li#uuid)', () => {
    const r = scan(`
<p>The block editor added footnotes in 2023.<sup data-fn="0b1f5c1e-3f5a-4c1b-9c2e-1a2b3c4d5e6f" class="fn"><a href="#0b1f5c1e-3f5a-4c1b-9c2e-1a2b3c4d5e6f" id="0b1f5c1e-3f5a-4c1b-9c2e-1a2b3c4d5e6f-link">1</a></sup></p>
<ol class="wp-block-footnotes"><li id="0b1f5c1e-3f5a-4c1b-9c2e-1a2b3c4d5e6f"><a href="https://wp.example.org/news/footnotes">Footnotes in WordPress 6.3</a> <a href="#0b1f5c1e-3f5a-4c1b-9c2e-1a2b3c4d5e6f-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>`);
    expect(claimTexts(r)).toEqual(['The block editor added footnotes in 2023.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(sourceUrls(r)).toEqual(['https://wp.example.org/news/footnotes']);
    expect(sourceLabels(r)).toEqual(['1']);
  });

  it('reads Springer-style <sup>1,2</sup> of two links (a[href="#ref-CR1"] to li#ref-CR1), comma left out of the claim', () => {
    const r = scan(`
<p>Protein folding was long unsolved.<sup><a data-track="click" data-track-action="reference anchor" aria-label="Reference 1" href="#ref-CR1" id="ref-link-section-d1">1</a>,<a data-track="click" data-track-action="reference anchor" aria-label="Reference 2" href="#ref-CR2" id="ref-link-section-d2">2</a></sup></p>
<h2>References</h2>
<ol class="c-article-references">
<li class="c-article-references__item" id="ref-CR1">Smith J (2020) Folding. Nature 1:1–2. <a href="https://doi.org/10.1000/fold1">Article</a></li>
<li class="c-article-references__item" id="ref-CR2">Jones K (2021) Structure. Science 2:3–4. <a href="https://doi.org/10.1000/fold2">Article</a></li>
</ol>`);
    expect(claimTexts(r)).toEqual(['Protein folding was long unsolved.']);
    expect(markerLabels(r)).toEqual([['1', '2']]);
    expect(r.report.claims[0]?.markers.map((m) => m.target)).toEqual(['ref-CR1', 'ref-CR2']);
    expect(sourceUrls(r)).toEqual(['https://doi.org/10.1000/fold1', 'https://doi.org/10.1000/fold2']);
    expect(sourceLabels(r)).toEqual(['1', '2']);
  });

  it('reads a bare Springer-style link "<a href=#ref-CR1>1</a>" as a marker', () => {
    const r = scan(`
<p>Enzymes speed up reactions <a href="#ref-CR1" id="ref-link-section-d1">1</a>. Some work in cold water <a href="#ref-CR2" id="ref-link-section-d2">2</a>.</p>
<h2>References</h2>
<ol class="c-article-references">
<li id="ref-CR1">Lee A (2019) Enzymes. Cell 5:10–20. <a href="https://doi.org/10.1000/enz1">Article</a></li>
<li id="ref-CR2">Kim B (2022) Cold enzymes. Cell 9:1–9. <a href="https://doi.org/10.1000/enz2">Article</a></li>
</ol>`);
    expect(claimTexts(r)).toEqual(['Enzymes speed up reactions.', 'Some work in cold water.']);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
    expect(sourceUrls(r)).toEqual(['https://doi.org/10.1000/enz1', 'https://doi.org/10.1000/enz2']);
  });

  it('reads a Tufte sidenote (label.margin-toggle.sidenote-number + input + span.sidenote)', () => {
    const r = scan(`
<article><section><p>Edward Tufte<label for="sn-1" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1" class="margin-toggle"/><span class="sidenote">See <a href="https://tufte.example.org/envisioning">Envisioning Information</a>, 1990.</span> favoured notes in the margin. Nobody disagreed.</p></section></article>`);
    expect(claimTexts(r)).toEqual(['Edward Tufte favoured notes in the margin.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(r.report.claims[0]?.markers[0]?.shape).toBe('inline-note');
    expect(sourceLabels(r)).toEqual(['1']);
    expect(sourceUrls(r)).toEqual(['https://tufte.example.org/envisioning']);
    expect(findingKinds(r)).toEqual([]);
  });
});
