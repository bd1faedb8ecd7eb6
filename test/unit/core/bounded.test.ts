/**
 * Hostile sizes (issue 7): pages shaped to make the scan quadratic or overflow the stack must scan, with the right
 * answer. No timing here (the browser bench measures time); what is asserted is that the work finishes and is right.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { sentenceBounds } from '../../../src/core/claims/sentences';
import { scanDocument, scanDocumentInSlices, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { page } from './helpers';

function referenceList(n: number): string {
  const items: string[] = [];
  for (let i = 1; i <= n; i++) items.push(`<li>[${i}] Source ${i}. https://example.org/source/${i}</li>`);
  return `<h2>References</h2><ul>${items.join('')}</ul>`;
}

// Generous limits, not timings: linkedom in Node is slow at these sizes, and the machine may be busy.
const HUGE = { timeout: 120_000 };

describe('bounded scan', () => {
  it('scans 250,000 markers in one text node without overflowing the stack', HUGE, () => {
    const doc = parseHtml(page(`<p>${'x[1] '.repeat(250_000)}</p>${referenceList(1)}`));
    const report = scanDocument(doc, { siteOf: siteByPublicSuffix, url: null });
    const markers = report.claims.reduce((n, c) => n + c.markers.length, 0);
    expect(markers).toBe(250_000);
    expect(report.sources.map((s) => s.label)).toEqual(['1']);
    expect(report.sources[0]?.claimIds.length).toBe(report.claims.length);
  });

  it('reads one paragraph of 10,000 cited sentences as 10,000 claims, each its own sentence', HUGE, () => {
    const sentences: string[] = [];
    for (let i = 0; i < 10_000; i++) sentences.push(`Sentence ${i} states a fact.[${(i % 40) + 1}]`);
    const doc = parseHtml(page(`<p>${sentences.join(' ')}</p>${referenceList(40)}`));
    const json = toJsonReport(scanDocument(doc, { siteOf: siteByPublicSuffix, url: null }));
    expect(json.claims).toHaveLength(10_000);
    expect(json.claims[0]?.text).toBe('Sentence 0 states a fact.');
    expect(json.claims[9_999]?.text).toBe('Sentence 9999 states a fact.');
    expect(json.claims[9_999]?.markers).toEqual(['40']);
    expect(json.sources).toHaveLength(40);
  });

  it('resolves 4,000 markers against 4,000 distinct references, in slices as at once', HUGE, async () => {
    const body: string[] = [];
    for (let i = 0; i < 4000; i++) body.push(`<p>Claim ${i} says something.[${i + 1}] More follows.</p>`);
    const html = page(body.join('') + referenceList(4000));
    const whole = toJsonReport(scanDocument(parseHtml(html), { siteOf: siteByPublicSuffix, url: null }));
    expect(whole.claims).toHaveLength(4000);
    expect(whole.sources).toHaveLength(4000);
    expect(whole.claims[3999]?.sources).toEqual(['s4000']);
    const sliced = toJsonReport(
      await scanDocumentInSlices(parseHtml(html), {
        siteOf: siteByPublicSuffix,
        url: null,
        sliceMs: 0,
        yieldToHost: async () => {},
      }),
    );
    expect(sliced).toEqual(whole);
  });
});

describe('long text segmentation', () => {
  it('finds the same sentences in a long text, read window by window, as the segmenter does in one go', () => {
    const shapes = [
      (i: number) => `Plain sentence number ${i} ends here.`,
      (i: number) => `Does question ${i} end with a mark?`,
      (i: number) => `Exclamation ${i} is loud!`,
      (i: number) => `A line ${i} that breaks\nin the middle.`,
      (i: number) => `Numbers like 3.14 and ${i}.5 stay inside.`,
      (i: number) => `${'Long words go on and on '.repeat(i % 50)}until the end.`,
    ];
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push((shapes[i % shapes.length] as (i: number) => string)(i));
    const text = parts.join(' ');
    expect(text.length).toBeGreaterThan(100_000);
    const whole = Array.from(new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text), (s) => ({
      start: s.index,
      end: s.index + s.segment.length,
    }));
    expect(sentenceBounds(text, 'en')).toEqual(whole);
  });
});

describe('no spread of unbounded arrays', () => {
  // A spread into a call puts every item on the stack: past ~100,000 items it throws RangeError.
  const CALL_SPREAD =
    /(?:Math\.(?:max|min)|\.push|\.unshift|\.splice|new Highlight|String\.fromCharCode|String\.fromCodePoint)\((?:[^()[\]{}]*,)?\s*\.\.\.|\.apply\(/;

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('src spreads no array into Math.max/min, push, new Highlight and the like', () => {
    const offending = sources(join(import.meta.dirname, '../../../src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => CALL_SPREAD.test(line) && !line.trim().startsWith('//'))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
