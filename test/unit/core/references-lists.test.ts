import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, scan, sourceByLabel, sourceLabels, sourceUrls } from './helpers';

/**
 * A numbered list that is not a reference list sits between the claim and the real one, so the real list is found
 * only by its heading or markup (a marker otherwise takes the nearest numbered entry after it).
 */
const DECOY = '<h3>Method</h3><ol><li>Preheat the oven.</li><li>Mix the flour.</li></ol>';

const HEADINGS = [
  'References',
  'Sources',
  'Notes',
  'Footnotes',
  'Bibliography',
  'Citations',
  'Einzelnachweise',
  'Quellen',
  'Références',
  'Referencias',
  'Note',
  'Fonti',
  'Referências',
  'Bronnen',
];

describe('reference lists found by their heading', () => {
  for (const heading of HEADINGS) {
    it(`"${heading}" with a numbered ol`, () => {
      const r = scan(`
<p>The harbour was dredged in 1921.[1] Ships grew larger.[2]</p>${DECOY}
<h2>${heading}</h2>
<ol>
<li><a href="https://archive-news.example.org/harbour">Harbour works</a>, Port Gazette.</li>
<li><a href="https://ships.example.com/sizes">Ship sizes</a>, Maritime Review.</li>
</ol>`);
      expect(claimTexts(r)).toEqual(['The harbour was dredged in 1921.', 'Ships grew larger.']);
      expect(sourceLabels(r)).toEqual(['1', '2']);
      expect(sourceUrls(r)).toEqual([
        'https://archive-news.example.org/harbour',
        'https://ships.example.com/sizes',
      ]);
      expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
    });

    it(`"${heading}" with [n] paragraphs`, () => {
      const r = scan(`
<p>The harbour was dredged in 1921.[1] Ships grew larger.[2]</p>${DECOY}
<h2>${heading}</h2>
<p>[1] <a href="https://archive-news.example.org/harbour">Harbour works</a>, Port Gazette.</p>
<p>[2] <a href="https://ships.example.com/sizes">Ship sizes</a>, Maritime Review.</p>`);
      expect(claimTexts(r)).toEqual(['The harbour was dredged in 1921.', 'Ships grew larger.']);
      expect(sourceLabels(r)).toEqual(['1', '2']);
      expect(sourceUrls(r)).toEqual([
        'https://archive-news.example.org/harbour',
        'https://ships.example.com/sizes',
      ]);
    });
  }
});

describe('reference lists found by their markup', () => {
  const LIST = `<ol>
<li><a href="https://archive-news.example.org/harbour">Harbour works</a>, Port Gazette.</li>
<li><a href="https://ships.example.com/sizes">Ship sizes</a>, Maritime Review.</li>
</ol>`;

  it('role="doc-endnotes"', () => {
    const r = scan(
      `<p>The harbour was dredged in 1921.[1] Ships grew larger.[2]</p>${DECOY}<div role="doc-endnotes">${LIST}</div>`,
    );
    expect(sourceUrls(r)).toEqual([
      'https://archive-news.example.org/harbour',
      'https://ships.example.com/sizes',
    ]);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('ol.references', () => {
    const r = scan(
      `<p>The harbour was dredged in 1921.[1] Ships grew larger.[2]</p>${DECOY}${LIST.replace('<ol>', '<ol class="references">')}`,
    );
    expect(sourceUrls(r)).toEqual([
      'https://archive-news.example.org/harbour',
      'https://ships.example.com/sizes',
    ]);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('section.footnotes', () => {
    const r = scan(
      `<p>The harbour was dredged in 1921.[1] Ships grew larger.[2]</p>${DECOY}<section class="footnotes">${LIST}</section>`,
    );
    expect(sourceUrls(r)).toEqual([
      'https://archive-news.example.org/harbour',
      'https://ships.example.com/sizes',
    ]);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('honours <ol start> when numbering entries', () => {
    const r = scan(`<p>The harbour was dredged in 1921.[4]</p><h2>References</h2><ol start="3">
<li><a href="https://three.example.org/">Three</a></li><li><a href="https://four.example.org/">Four</a></li></ol>`);
    expect(sourceByLabel(r, '4')?.url).toBe('https://four.example.org/');
    expect(claimSourceLabels(r)).toEqual([['4']]);
  });
});
