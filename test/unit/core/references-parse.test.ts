import { describe, expect, it } from 'vitest';
import { claimSourceLabels, findingsOf, scan, sourceByLabel, sourceUrls } from './helpers';

describe('reading reference entries', () => {
  it('splits the seed’s plain lines "[n] Publisher — Title — URL" into title and publisher', () => {
    const r = scan(`
<article><p>The company moved its compute to Memphis [1]. Usage limits for Claude Code went up [2].</p>
<section class="references"><h2>References</h2>
<p>[1] Editorial_board — Original article — <a href="https://www.wired.com/story/anthropic-spacex-compute-deal-colossus/" target="_blank" rel="noopener">https://www.wired.com/story/anthropic-spacex-compute-deal-colossus/</a></p>
<p>[2] Ars Technica — Anthropic raises Claude Code usage limits, credits new deal with SpaceX — <a href="https://arstechnica.com/ai/2026/05/anthropic-raises-claude-code-usage-limits-credits-new-deal-with-spacex/" target="_blank" rel="noopener">https://arstechnica.com/ai/2026/05/anthropic-raises-claude-code-usage-limits-credits-new-deal-with-spacex/</a></p>
</section></article>`);
    expect(r.json.claims.map((c) => c.markers)).toEqual([['1'], ['2']]);
    expect(sourceByLabel(r, '1')).toMatchObject({
      title: 'Original article',
      publisher: 'Editorial_board',
      url: 'https://www.wired.com/story/anthropic-spacex-compute-deal-colossus/',
    });
    expect(sourceByLabel(r, '2')).toMatchObject({
      title: 'Anthropic raises Claude Code usage limits, credits new deal with SpaceX',
      publisher: 'Ars Technica',
      url: 'https://arstechnica.com/ai/2026/05/anthropic-raises-claude-code-usage-limits-credits-new-deal-with-spacex/',
    });
    // The "[1]" opening each line is the entry's label, not a marker.
    expect(r.json.claims).toHaveLength(2);
  });

  it('gives a short-form note ("Smith 2020, p. 5") the url of the full citation it links to', () => {
    const r = scan(`
<p>The theory was first proposed in 1950.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<h2>Notes</h2>
<ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text"><a href="#CITEREFSmith2020">Smith 2020</a>, p. 5.</span></li>
</ol>
<h2>Sources</h2>
<ul><li><cite id="CITEREFSmith2020" class="citation book cs1">Smith, John (2020). <a rel="nofollow" class="external text" href="https://books.example.org/theory-history"><i>A History of the Theory</i></a>. Example Press.</cite></li></ul>`);
    expect(claimSourceLabels(r)).toEqual([['1']]);
    expect(sourceByLabel(r, '1')?.url).toBe('https://books.example.org/theory-history');
    expect(sourceByLabel(r, '1')?.title).toBe('A History of the Theory');
  });

  it('prefers the original link over a web.archive.org copy in the same entry', () => {
    const r = scan(`
<p>The museum reopened in 2019.[1]</p>
<h2>References</h2>
<ol><li><a href="https://web.archive.org/web/20200101000000/https://museum.example.org/reopening">"Museum reopens"</a> (archived copy). <a href="https://museum.example.org/reopening">"Museum reopens"</a>. City News.</li></ol>`);
    expect(sourceUrls(r)).toEqual(['https://museum.example.org/reopening']);
  });

  it('keeps an archive link when it is the only link', () => {
    const r = scan(`
<p>The museum reopened in 2019.[1]</p>
<h2>References</h2>
<ol><li><a href="https://web.archive.org/web/20200101000000/https://museum.example.org/reopening">"Museum reopens"</a>. City News.</li></ol>`);
    expect(sourceUrls(r)).toEqual([
      'https://web.archive.org/web/20200101000000/https://museum.example.org/reopening',
    ]);
  });

  it('gives a relative link url null when the page has no base', () => {
    const r = scan(`
<p>The annual report shows a loss.[1]</p>
<h2>References</h2>
<ol><li><a href="reports/annual-2023.pdf">Annual report 2023</a></li></ol>`);
    expect(r.json.url).toBeNull();
    expect(sourceUrls(r)).toEqual([null]);
    expect(findingsOf(r, 'source-without-link')).toHaveLength(1);
  });

  it('makes a relative link absolute against <base href>', () => {
    const r = scan(
      `
<p>The annual report shows a loss.[1]</p>
<h2>References</h2>
<ol><li><a href="reports/annual-2023.pdf">Annual report 2023</a></li></ol>`,
      { head: '<base href="https://company.example.com/investors/">' },
    );
    expect(sourceUrls(r)).toEqual(['https://company.example.com/investors/reports/annual-2023.pdf']);
    expect(sourceByLabel(r, '1')?.title).toBe('Annual report 2023');
  });

  it('never makes javascript: or data: links a url, and reports each as unsafe-link', () => {
    const r = scan(`
<p>The first claim is here.[1] The second claim is here.[2]</p>
<h2>References</h2>
<ol>
<li><a href="javascript:alert(document.cookie)">Click for the study</a></li>
<li><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Open the report</a></li>
</ol>`);
    expect(sourceUrls(r)).toEqual([null, null]);
    const unsafe = findingsOf(r, 'unsafe-link');
    expect(unsafe).toHaveLength(2);
    expect(unsafe[0]?.message).toContain('javascript:');
    expect(unsafe[0]?.sources).toEqual([sourceByLabel(r, '1')?.id]);
    expect(unsafe[1]?.message).toContain('data:');
    expect(unsafe[1]?.sources).toEqual([sourceByLabel(r, '2')?.id]);
    expect(JSON.stringify(r.json)).not.toMatch(/"url":"(?:javascript|data):/);
  });
});
