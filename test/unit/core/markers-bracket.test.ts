import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, markerLabels, scan, sourceLabels, sourceUrls } from './helpers';

const REFS = (n: number) =>
  `<h2>References</h2><ol>${Array.from(
    { length: n },
    (_, i) => `<li><a href="https://example.org/ref-${i + 1}">Reference number ${i + 1}</a></li>`,
  ).join('')}</ol>`;

describe('plain-text bracket markers', () => {
  it('reads a plain [1] as one marker citing entry 1', () => {
    const r = scan(`<p>Water boils at 100 degrees at sea level.[1] It freezes at zero.</p>${REFS(1)}`);
    expect(claimTexts(r)).toEqual(['Water boils at 100 degrees at sea level.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(r.report.claims[0]?.markers[0]?.shape).toBe('bracket-text');
    expect(r.report.claims[0]?.markers[0]?.keys).toEqual(['1']);
    expect(sourceLabels(r)).toEqual(['1']);
    expect(sourceUrls(r)).toEqual(['https://example.org/ref-1']);
    expect(claimSourceLabels(r)).toEqual([['1']]);
  });

  it('reads [2][3] as two markers on one claim with two sources', () => {
    const r = scan(
      `<p>Intro sentence.[1]</p><p>The river floods every spring.[2][3] Farmers plan around it.</p>${REFS(3)}`,
    );
    expect(claimTexts(r)).toEqual(['Intro sentence.', 'The river floods every spring.']);
    expect(markerLabels(r)).toEqual([['1'], ['2', '3']]);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2', '3']]);
    expect(r.json.sources.find((s) => s.label === '3')?.url).toBe('https://example.org/ref-3');
  });

  it('reads [1–3] (en dash) as one marker whose keys expand to three sources', () => {
    const r = scan(`<p>Several studies agree on this.[1–3]</p>${REFS(3)}`);
    expect(markerLabels(r)).toEqual([['1–3']]);
    expect(r.report.claims[0]?.markers).toHaveLength(1);
    expect(r.report.claims[0]?.markers[0]?.keys).toEqual(['1', '2', '3']);
    expect(claimSourceLabels(r)).toEqual([['1', '2', '3']]);
    expect(claimTexts(r)).toEqual(['Several studies agree on this.']);
  });

  it('reads [1-3] (hyphen) as one marker whose keys expand to three sources', () => {
    const r = scan(`<p>Several studies agree on this.[1-3]</p>${REFS(3)}`);
    expect(markerLabels(r)).toEqual([['1-3']]);
    expect(r.report.claims[0]?.markers[0]?.keys).toEqual(['1', '2', '3']);
    expect(claimSourceLabels(r)).toEqual([['1', '2', '3']]);
  });

  it('reads [1, 4] as one marker citing entries 1 and 4', () => {
    const r = scan(`<p>Both reports say the same thing.[1, 4]</p>${REFS(4)}`);
    expect(markerLabels(r)).toEqual([['1, 4']]);
    expect(r.report.claims[0]?.markers[0]?.keys).toEqual(['1', '4']);
    expect(claimSourceLabels(r)).toEqual([['1', '4']]);
    expect(claimTexts(r)).toEqual(['Both reports say the same thing.']);
  });

  it('reads a letter marker [a] backed by an entry labelled a', () => {
    const r = scan(
      `<p>The castle was rebuilt twice.[a]</p><h2>Notes</h2><p>[a] The second rebuild is disputed; see <a href="https://example.org/castle">the castle survey</a>.</p>`,
    );
    expect(claimTexts(r)).toEqual(['The castle was rebuilt twice.']);
    expect(markerLabels(r)).toEqual([['a']]);
    expect(sourceLabels(r)).toEqual(['a']);
    expect(sourceUrls(r)).toEqual(['https://example.org/castle']);
  });

  it('reads [note 1] as one marker labelled "note 1"', () => {
    const r = scan(
      `<p>The figures were revised in March.[note 1]</p><h2>Notes</h2><p>[note 1] Revised by <a href="https://example.org/stats">the statistics office</a>.</p>`,
    );
    expect(claimTexts(r)).toEqual(['The figures were revised in March.']);
    expect(markerLabels(r)).toEqual([['note 1']]);
    expect(sourceLabels(r)).toEqual(['note 1']);
    expect(sourceUrls(r)).toEqual(['https://example.org/stats']);
  });

  it('reads a <br>-separated "[1] http://…<br>[2] http://…" list as sources (forum post)', () => {
    const r = scan(
      `<div class="post"><p>The bridge opened in 1932 [1]. It cost ten million dollars [2].</p>
       <p>Sources:<br>[1] http://example.org/bridge-history<br>[2] http://example.com/bridge-cost</p></div>`,
    );
    expect(claimTexts(r)).toEqual(['The bridge opened in 1932.', 'It cost ten million dollars.']);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
    expect(sourceLabels(r)).toEqual(['1', '2']);
    expect(sourceUrls(r)).toEqual(['http://example.org/bridge-history', 'http://example.com/bridge-cost']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('reads a <br>-separated sources list in the same paragraph as the markers, with links', () => {
    const r = scan(
      `<div class="post"><p>The bridge opened in 1932 [1]. It cost ten million dollars [2].<br><br>[1] <a href="http://example.org/bridge-history">http://example.org/bridge-history</a><br>[2] <a href="http://example.com/bridge-cost">http://example.com/bridge-cost</a></p></div>`,
    );
    expect(claimTexts(r)).toEqual(['The bridge opened in 1932.', 'It cost ten million dollars.']);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
    expect(sourceUrls(r)).toEqual(['http://example.org/bridge-history', 'http://example.com/bridge-cost']);
  });
});
