import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, markerLabels, scan, sourceLabels, sourceUrls } from './helpers';

const LIST = (n: number, heading = '<h2>References</h2>') =>
  `${heading}<ol>${Array.from(
    { length: n },
    (_, i) =>
      `<li>Author ${i + 1}. <a href="https://example.org/paper-${i + 1}">Paper ${i + 1}</a>. 2020.</li>`,
  ).join('')}</ol>`;

describe('superscript markers', () => {
  it('reads <sup>1</sup> backed by a numbered list below', () => {
    const r = scan(`<p>Coffee contains caffeine.<sup>1</sup> Many people drink it.</p>${LIST(1)}`);
    expect(claimTexts(r)).toEqual(['Coffee contains caffeine.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(r.report.claims[0]?.markers[0]?.shape).toBe('superscript');
    expect(sourceLabels(r)).toEqual(['1']);
    expect(sourceUrls(r)).toEqual(['https://example.org/paper-1']);
  });

  it('reads <sup>1,2</sup> as one marker citing two entries', () => {
    const r = scan(`<p>Tea contains caffeine too.<sup>1,2</sup></p>${LIST(2)}`);
    expect(claimTexts(r)).toEqual(['Tea contains caffeine too.']);
    expect(markerLabels(r)).toEqual([['1,2']]);
    expect(r.report.claims[0]?.markers[0]?.keys).toEqual(['1', '2']);
    expect(claimSourceLabels(r)).toEqual([['1', '2']]);
  });

  it('reads <sup>4–6</sup> as one marker whose range expands to three sources', () => {
    const r = scan(
      `<p>Coffee is popular.<sup>1</sup> Tea is older.<sup>2,3</sup> Cocoa contains theobromine.<sup>4–6</sup></p>${LIST(6)}`,
    );
    expect(claimTexts(r)).toEqual(['Coffee is popular.', 'Tea is older.', 'Cocoa contains theobromine.']);
    expect(markerLabels(r)).toEqual([['1'], ['2,3'], ['4–6']]);
    expect(r.report.claims[2]?.markers[0]?.keys).toEqual(['4', '5', '6']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2', '3'], ['4', '5', '6']]);
    expect(sourceUrls(r)).toHaveLength(6);
  });
});

describe('Unicode superscript markers', () => {
  it('reads ¹ after a full stop as marker 1', () => {
    const r = scan(`<p>Coffee contains caffeine.¹ Many people drink it daily.</p>${LIST(1)}`);
    expect(claimTexts(r)).toEqual(['Coffee contains caffeine.']);
    expect(markerLabels(r)).toEqual([['1']]);
    expect(r.report.claims[0]?.markers[0]?.shape).toBe('unicode-superscript');
    expect(sourceUrls(r)).toEqual(['https://example.org/paper-1']);
  });

  it('reads ¹ after a word as marker 1', () => {
    const r = scan(`<p>Coffee contains caffeine¹ and is widely drunk.</p>${LIST(1)}`);
    expect(claimTexts(r)).toEqual(['Coffee contains caffeine and is widely drunk.']);
    expect(markerLabels(r)).toEqual([['1']]);
  });

  it('reads a run ²³ as one marker labelled 23', () => {
    const r = scan(`<p>Tea is older than coffee.²³ It came from China.</p>${LIST(23)}`);
    expect(claimTexts(r)).toEqual(['Tea is older than coffee.']);
    expect(markerLabels(r)).toEqual([['23']]);
    expect(claimSourceLabels(r)).toEqual([['23']]);
    expect(r.json.sources.find((s) => s.label === '23')?.url).toBe('https://example.org/paper-23');
  });
});
