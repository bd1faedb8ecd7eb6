import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, scanDocumentInSlices, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { page } from './helpers';

const WIKI_LIKE = page(`
<p>Mozilla was founded in 1998.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> Firefox came later.[2] Growth was 5%<sup>3</sup>.</p>
<p>The moon is cheese.[citation needed]</p>
<h2>References</h2>
<ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <cite class="citation"><a href="https://example.org/moz">"Mozilla"</a>. <i>Example</i>.</cite></li>
<li><a href="javascript:void(0)">Firefox</a></li>
<li><a href="https://example.org/growth">Growth</a></li>
</ol>`);

describe('scan behaviour', () => {
  // How fast is the bench's business (npm run bench), measured against a baseline in the same run, not here.
  it('gives an empty report for a page with no markers', () => {
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `<p>Paragraph ${i} talks about nothing in particular, with no citation at all.</p>`,
    ).join('');
    const doc = parseHtml(page(`<h1>Plain page</h1>${paragraphs}`));
    const report = scanDocument(doc, { siteOf: siteByPublicSuffix, url: 'https://plain.example.org/page' });
    expect(toJsonReport(report)).toEqual({
      url: 'https://plain.example.org/page',
      title: 'Test page',
      claims: [],
      sources: [],
      findings: [],
    });
  });

  it('never modifies the document', () => {
    const doc = parseHtml(WIKI_LIKE);
    const before = doc.documentElement.outerHTML;
    const report = scanDocument(doc, { siteOf: siteByPublicSuffix });
    expect(report.claims.length).toBeGreaterThan(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('scanDocumentInSlices gives the same report as scanDocument and yields more than once on a large page', async () => {
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) =>
        `<p>Fact number ${i} is stated here with some words around it.[${(i % 5) + 1}] More text follows.</p>`,
    ).join('');
    const refs = `<h2>References</h2><ol>${[1, 2, 3, 4, 5]
      .map((n) => `<li><a href="https://example.org/ref-${n}">Reference ${n}</a></li>`)
      .join('')}</ol>`;
    const html = page(paragraphs + refs);
    const whole = toJsonReport(scanDocument(parseHtml(html), { siteOf: siteByPublicSuffix }));
    let yields = 0;
    const sliced = toJsonReport(
      await scanDocumentInSlices(parseHtml(html), {
        siteOf: siteByPublicSuffix,
        sliceMs: 1,
        yieldToHost: async () => {
          yields++;
        },
      }),
    );
    expect(whole.claims).toHaveLength(3000);
    expect(whole.claims[0]?.text).toBe('Fact number 0 is stated here with some words around it.');
    expect(sliced).toEqual(whole);
    expect(yields).toBeGreaterThan(1);
  });
});
