import { describe, expect, it } from 'vitest';
import { claimTexts, findingKinds, findingsOf, scan, sourceByLabel } from './helpers';

const refs = (labels: number[], url = (n: number) => `https://example.org/ref-${n}`) =>
  `<h2>References</h2>${labels.map((n) => `<p>[${n}] <a href="${url(n)}">Reference ${n}</a></p>`).join('')}`;

describe('findings', () => {
  it('dangling-marker: a [5] with no entry 5 on a page whose [n] markers are otherwise backed', () => {
    const r = scan(`
<p>Alpha is first.[1] Beta is second.[2] Gamma is third.[3] Epsilon is fifth.[5]</p>${refs([1, 2, 3])}`);
    expect(claimTexts(r)).toEqual([
      'Alpha is first.',
      'Beta is second.',
      'Gamma is third.',
      'Epsilon is fifth.',
    ]);
    const dangling = findingsOf(r, 'dangling-marker');
    expect(dangling).toHaveLength(1);
    expect(dangling[0]?.message).toContain('[5]');
    expect(dangling[0]?.claims).toEqual([r.json.claims[3]?.id]);
    expect(r.json.claims[3]?.sources).toEqual([]);
  });

  it('dangling-marker: a declared footnote link to a missing id', () => {
    const r = scan(`
<p>Alpha is first.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> Beta is second.<sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup></p>
<section class="footnotes"><ol><li id="fn1"><p><a href="https://example.org/alpha">Alpha source</a> <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>`);
    expect(claimTexts(r)).toEqual(['Alpha is first.', 'Beta is second.']);
    const dangling = findingsOf(r, 'dangling-marker');
    expect(dangling).toHaveLength(1);
    expect(dangling[0]?.message).toContain('[2]');
    expect(dangling[0]?.claims).toEqual([r.json.claims[1]?.id]);
  });

  it('uncited-source: an entry of the cited list that nothing cites', () => {
    const r = scan(`<p>Alpha is first.[1] Beta is second.[2]</p>${refs([1, 2, 3])}`);
    expect(r.json.sources.map((s) => s.label)).toEqual(['1', '2', '3']);
    const uncited = findingsOf(r, 'uncited-source');
    expect(uncited).toHaveLength(1);
    expect(uncited[0]?.sources).toEqual([sourceByLabel(r, '3')?.id]);
    expect(uncited[0]?.message).toContain('[3]');
  });

  it('source-concentration: one source behind at least 40% of three or more claims', () => {
    const r = scan(`<p>Alpha is first.[1] Beta is second.[1] Gamma is third.[2]</p>${refs([1, 2])}`);
    const found = findingsOf(r, 'source-concentration');
    expect(found).toHaveLength(1);
    expect(found[0]?.sources).toEqual([sourceByLabel(r, '1')?.id]);
    expect(found[0]?.claims).toEqual(['c1', 'c2']);
    expect(found[0]?.message).toContain('67%');
  });

  it('source-concentration: exactly 40% (2 of 5 claims) is flagged', () => {
    const r = scan(
      `<p>Alpha is first.[1] Beta is second.[1] Gamma is third.[2] Delta is fourth.[3] Epsilon is fifth.[4]</p>${refs([1, 2, 3, 4])}`,
    );
    const found = findingsOf(r, 'source-concentration');
    expect(found.map((f) => f.sources)).toEqual([[sourceByLabel(r, '1')?.id]]);
  });

  it('source-concentration: not below 40% (1 of 3 claims each)', () => {
    const r = scan(`<p>Alpha is first.[1] Beta is second.[2] Gamma is third.[3]</p>${refs([1, 2, 3])}`);
    expect(r.json.claims).toHaveLength(3);
    expect(findingsOf(r, 'source-concentration')).toEqual([]);
  });

  it('source-concentration: not with fewer than three claims', () => {
    const r = scan(`<p>Alpha is first.[1] Beta is second.[1]</p>${refs([1])}`);
    expect(r.json.claims).toHaveLength(2);
    expect(findingsOf(r, 'source-concentration')).toEqual([]);
  });

  it('duplicate-source: the same URL under two numbers', () => {
    const r = scan(
      `<p>Alpha is first.[1] Beta is second.[2] Gamma is third.[3]</p>${refs([1, 2, 3], (n) =>
        n === 3 ? 'https://example.org/other' : 'https://example.org/same-story',
      )}`,
    );
    const found = findingsOf(r, 'duplicate-source');
    expect(found).toHaveLength(1);
    expect(found[0]?.sources).toEqual([sourceByLabel(r, '1')?.id, sourceByLabel(r, '2')?.id]);
    expect(found[0]?.claims).toEqual(['c1', 'c2']);
  });

  it('source-without-link: a cited entry with no link', () => {
    const r = scan(`
<p>Alpha is first.[1] Beta is second.[2]</p>
<h2>References</h2>
<p>[1] Smith, J. (2020). <i>A Book of Alphas</i>. Example Press.</p>
<p>[2] <a href="https://example.org/beta">Beta report</a></p>`);
    expect(sourceByLabel(r, '1')?.url).toBeNull();
    const found = findingsOf(r, 'source-without-link');
    expect(found).toHaveLength(1);
    expect(found[0]?.sources).toEqual([sourceByLabel(r, '1')?.id]);
    expect(found[0]?.claims).toEqual(['c1']);
  });

  it('raises no finding on a clean page', () => {
    const r = scan(`<p>Alpha is first.[1] Beta is second.[2] Gamma is third.[3]</p>${refs([1, 2, 3])}`);
    expect(findingKinds(r)).toEqual([]);
  });

  it('citation-needed: the flagged sentence, next to real claims', () => {
    const r = scan(`<p>Alpha is first.[1] Beta was never checked.[citation needed]</p>${refs([1])}`);
    expect(claimTexts(r)).toEqual(['Alpha is first.']);
    const found = findingsOf(r, 'citation-needed');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('“Beta was never checked.”');
  });
});
