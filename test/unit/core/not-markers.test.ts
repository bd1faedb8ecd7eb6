import { describe, expect, it } from 'vitest';
import { findingsOf, scan } from './helpers';

/** A reference list that could back markers 1–3, so only the context decides. */
const REFS = `<h2>References</h2><ol>
<li><a href="https://example.org/one">First source</a></li>
<li><a href="https://example.org/two">Second source</a></li>
<li><a href="https://example.org/three">Third source</a></li>
</ol>`;

function expectNoClaims(body: string) {
  const r = scan(body);
  expect(r.json.claims).toEqual([]);
  expect(r.json.sources).toEqual([]);
  return r;
}

describe('brackets that are not markers', () => {
  it('ignores [1] inside code', () => {
    expectNoClaims(`<p>Write <code>[1]</code> to make a one-element list.</p>${REFS}`);
  });

  it('ignores [1] inside pre', () => {
    expectNoClaims(`<pre>items = load()\nprint("first item [1] loaded")</pre>${REFS}`);
  });

  it('ignores [1] inside script', () => {
    expectNoClaims(`<p>Plain prose here.</p><script>var label = "Claim.[1]";</script>${REFS}`);
  });

  it('ignores [1] inside style', () => {
    expectNoClaims(`<style>a.cite::after { content: "[1]"; }</style><p>Plain prose here.</p>${REFS}`);
  });

  it('ignores [1] inside math', () => {
    expectNoClaims(`<p>The interval <math><mtext>[1]</mtext></math> is closed.</p>${REFS}`);
  });

  it('ignores [sic]', () => {
    expectNoClaims(`<p>The sign read "Their [sic] going home." It was soon replaced.</p>${REFS}`);
  });

  it('ignores […]', () => {
    expectNoClaims(`<p>He wrote that "the plan […] will fail." Nobody listened.</p>${REFS}`);
  });

  it("ignores [Editor's note]", () => {
    expectNoClaims(`<p>[Editor's note] This piece was updated in May. The figures changed.</p>${REFS}`);
  });

  it('ignores array[1] indexing in prose on a page with no reference list', () => {
    expectNoClaims(`<p>Read array[1] before you read array[2] in the loop.</p><p>Then stop.</p>`);
  });

  it('ignores array[1] = … and array[2].name indexing even with a numbered list below', () => {
    expectNoClaims(`<p>Set array[1] = 0 and then read array[2].name twice.</p>${REFS}`);
  });

  it('ignores notebook prompts "In [6]:" on a page with no reference list', () => {
    expectNoClaims(`
<div class="cell"><div class="prompt input_prompt">In [5]:</div><div class="input">load the data</div></div>
<div class="cell"><div class="prompt input_prompt">In [6]:</div><div class="input">plot the data</div></div>
<div class="cell"><div class="prompt output_prompt">Out [6]:</div><div class="output">A plot.</div></div>`);
  });

  it('ignores exponents x<sup>2</sup> even with a numbered list below', () => {
    expectNoClaims(`<p>The area grows as x<sup>2</sup> when the side grows.</p>${REFS}`);
  });

  it('ignores km² units even with a numbered list below', () => {
    expectNoClaims(`<p>The lake covers 12 km² in summer.</p>${REFS}`);
  });

  it('keeps km² in the claim text and takes only the real markers on a cited page', () => {
    const r = scan(`<p>The lake, at 12 km², is small.[1] Its area is x<sup>2</sup> metres.[2]</p>${REFS}`);
    expect(r.json.claims.map((c) => c.text)).toEqual([
      'The lake, at 12 km², is small.',
      'Its area is x2 metres.',
    ]);
    expect(r.json.claims.map((c) => c.markers)).toEqual([['1'], ['2']]);
  });

  it('ignores a bracketed number with no entry and no link on a page with no other markers', () => {
    const r = expectNoClaims(`<p>Substituting into equation [3] gives the result.</p><p>That is all.</p>`);
    expect(r.json.findings).toEqual([]);
  });

  it('ignores theorem cross-references (<a href="#thm-1">1</a>) to headings', () => {
    expectNoClaims(`
<h3 id="thm-1">Theorem 1</h3><p>Every bounded sequence has a convergent subsequence.</p>
<h3 id="thm-2">Theorem 2</h3><p>By Theorem (<a href="#thm-1">1</a>) the limit exists. Hence (<a href="#thm-2">2</a>) holds.</p>`);
  });

  it('ignores author-affiliation superscripts linking #Aff1', () => {
    expectNoClaims(`
<p class="authors">Jane Doe<sup><a href="#Aff1">1</a></sup>, John Roe<sup><a href="#Aff2">2</a></sup></p>
<ol class="affiliations"><li id="Aff1">University of Example, Exampletown</li><li id="Aff2">Example Institute, Sampleville</li></ol>
<p>We study the folding of proteins.</p>`);
  });

  it('turns [citation needed] into no claim but a citation-needed finding with the sentence', () => {
    const r = expectNoClaims(`<p>The moon is made of cheese.[citation needed] Mice disagree.</p>`);
    const found = findingsOf(r, 'citation-needed');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('“The moon is made of cheese.”');
    expect(r.json.findings.map((f) => f.kind)).toEqual(['citation-needed']);
  });

  it("turns Wikipedia's [citation needed] template into a citation-needed finding", () => {
    const r = expectNoClaims(
      `<p>The town was founded by sailors.<sup class="noprint Inline-Template Template-Fact" style="white-space:nowrap;">[<i><a href="/wiki/Wikipedia:Citation_needed" title="Wikipedia:Citation needed"><span title="This claim needs references to reliable sources.">citation needed</span></a></i>]</sup> It grew quickly.</p>`,
    );
    const found = findingsOf(r, 'citation-needed');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('“The town was founded by sailors.”');
  });
});
