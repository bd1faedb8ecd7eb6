import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, scanDocumentInSlices, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { FIXTURE_PAGES_DIR } from '../../support/fixture-pages';
import { page } from './helpers';

const URL = 'https://www.paper.example.com/2024/story';
const FILL =
  '<p>The council met on Tuesday and talked for a long time about the budget, the schools and the roads.</p>';

function linked(body: string, options: { countOwnSiteLinks?: boolean; links?: boolean } = {}) {
  const report = toJsonReport(
    scanDocument(parseHtml(page(`<article>${body}${FILL.repeat(4)}</article>`)), {
      siteOf: siteByPublicSuffix,
      url: URL,
      ...options,
    }),
  );
  const byId = new Map(report.sources.map((s) => [s.id, s]));
  return {
    report,
    claims: report.claims.map((c) => ({ text: c.text, sources: c.sources.map((id) => byId.get(id)?.url) })),
  };
}

describe('linked claims', () => {
  it('makes several links in one sentence one claim, and one URL linked twice one source', () => {
    const { report, claims } = linked(
      `<p>Prices rose, <a href="https://stats.gov.example/cpi">official data</a> and <a href="https://www.nature.com/a#fig1">a study</a> show. Nothing else here is linked at all.</p>
       <p>Later <a href="https://www.nature.com/a">the same study</a> was cited again by the mayor in a speech.</p>`,
    );
    expect(claims).toEqual([
      {
        text: 'Prices rose, official data and a study show.',
        sources: ['https://stats.gov.example/cpi', 'https://www.nature.com/a'],
      },
      {
        text: 'Later the same study was cited again by the mayor in a speech.',
        sources: ['https://www.nature.com/a'],
      },
    ]);
    const nature = report.sources.find((s) => s.url === 'https://www.nature.com/a');
    expect(nature).toMatchObject({ kind: 'linked', label: 'nature.com', claims: ['c1', 'c2'] });
    expect(report.claims[0]?.links?.[1]).toMatchObject({
      href: 'https://www.nature.com/a#fig1',
      text: 'a study',
    });
  });

  it('counts a link inside a block quote or a list of the body, not in a related list or a share bar', () => {
    const { claims } = linked(
      `<blockquote><p>We will act, <a href="https://gov.example.org/statement">the minister said</a> on Monday.</p></blockquote>
       <ul><li>Schools reopen next week, <a href="https://schools.example.net/notice">the district said</a>.</li></ul>
       <ul class="related-links"><li><a href="https://other.example.net/story">Another story entirely</a></li></ul>
       <div class="share-bar"><a href="https://twitter.com/intent/tweet?url=x">Tweet this story to your followers now</a></div>`,
    );
    expect(claims.map((c) => c.text)).toEqual([
      'We will act, the minister said on Monday.',
      'Schools reopen next week, the district said.',
    ]);
  });

  it('leaves the page’s own site out unless the option is on, and gives nothing with links off', () => {
    const body = `<p>As <a href="/2023/earlier">we reported last year</a>, the bridge is closing for repairs.</p>`;
    expect(linked(body).claims).toEqual([]);
    expect(linked(body, { countOwnSiteLinks: true }).claims).toEqual([
      {
        text: 'As we reported last year, the bridge is closing for repairs.',
        sources: ['https://www.paper.example.com/2023/earlier'],
      },
    ]);
    expect(
      linked(`<p>See <a href="https://a.example.org/x">this</a> report on the bridge.</p>`, { links: false })
        .claims,
    ).toEqual([]);
  });

  it('gives a sentence with a marker and a link both sources, in one claim', () => {
    const html =
      page(`<article><p>Water levels fell by a third<sup><a href="#n1">1</a></sup> and <a href="https://river.example.org/levels">gauges</a> agree.</p>${FILL.repeat(4)}
      <ol><li id="n1"><a href="https://hydro.example.org/report">Hydrology report</a></li></ol></article>`);
    const report = toJsonReport(scanDocument(parseHtml(html), { siteOf: siteByPublicSuffix, url: URL }));
    expect(report.claims).toHaveLength(1);
    const kinds = report.claims[0]?.sources.map((id) => report.sources.find((s) => s.id === id)?.kind);
    expect(kinds).toEqual(['reference', 'linked']);
  });

  it('is found the same way in slices', async () => {
    const body = Array.from(
      { length: 400 },
      (_, i) =>
        `<p>Item ${i} was reported by <a href="https://site${i % 7}.example.org/${i}">a source</a> this week, with more words.</p>`,
    ).join('');
    const html = page(`<article>${body}</article>`);
    const whole = toJsonReport(scanDocument(parseHtml(html), { siteOf: siteByPublicSuffix, url: URL }));
    let yields = 0;
    const sliced = toJsonReport(
      await scanDocumentInSlices(parseHtml(html), {
        siteOf: siteByPublicSuffix,
        url: URL,
        sliceMs: 0,
        yieldToHost: async () => void yields++,
      }),
    );
    expect(whole.claims).toHaveLength(400);
    expect(sliced).toEqual(whole);
    expect(yields).toBeGreaterThan(10);
  });
  it('finds the article where a broken page leaves it outside the parsed body (a <div> before <body>)', () => {
    // Browsers open the body at the <div> and ignore the late <body> tag; linkedom puts that <body> inside the div.
    const html = `<!doctype html><html lang="en"><head><title>Story</title></head><div id="holder">
<body><div class="article-content"><p>The plan was <a href="https://ec.europa.eu/deal">announced in Brussels</a> on Monday by the commission.</p>${FILL.repeat(4)}</div></body></div></html>`;
    const doc = parseHtml(html);
    const report = toJsonReport(scanDocument(doc, { siteOf: siteByPublicSuffix, url: URL }));
    expect(report.claims.map((c) => c.text)).toEqual([
      'The plan was announced in Brussels on Monday by the commission.',
    ]);
  });
  it('leaves out a "read also" box even without a colon (Le Monde diplomatique\'s "Lire aussi …" under a figure)', () => {
    const html = readFileSync(join(FIXTURE_PAGES_DIR, 'footnote-spip-mondediplo', 'source.html'), 'utf8');
    const report = toJsonReport(scanDocument(parseHtml(html), { siteOf: siteByPublicSuffix }));
    expect(report.claims.filter((c) => c.links?.length)).toEqual([]);
  });

  it('reads a sentence set as a heading in the body, not a title, and leaves out a photo credit', () => {
    const { claims } = linked(
      `<h3>Up until now, the only credible plan to tackle it is <a href="https://plan.example.org/">the Green New Deal</a>.</h3>
       <h2><a href="https://other.example.org/">A title that links somewhere</a></h2>
       <p>Photo Source: Markus Spiske from <a href="https://www.pexels.com/photo/1">Pexels</a>.</p>`,
    );
    expect(claims.map((c) => c.text)).toEqual([
      'Up until now, the only credible plan to tackle it is the Green New Deal.',
    ]);
  });
  it('leaves out a "read also" line in a paragraph even without a colon', () => {
    const { claims } = linked(
      `<p>Lire aussi Martine Bulard, « <a href="https://www.other-paper.example.org/58769">En Corée, la politique du rayon de soleil</a> », Le Monde, mai 2000.</p>
       <p>The minister <a href="https://gov.example.org/speech">said on Monday</a> that the plan would go ahead.</p>`,
    );
    expect(claims.map((c) => c.text)).toEqual(['The minister said on Monday that the plan would go ahead.']);
  });
});
