import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, scanDocumentInSlices, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { loadFixturePages } from '../../support/fixture-pages';

/**
 * The content script names sites with the public suffix list loaded only when a page's prose links to another
 * host (`loadSiteOf`, src/core/links/site.ts). Its gate must never be narrower than the scan's own: on every saved
 * page, the report is the one the list given up front gives, and the list is asked for only on pages that link out.
 */
const pages = loadFixturePages();

async function lazily(html: string): Promise<{ json: ReturnType<typeof toJsonReport>; loads: number }> {
  let loads = 0;
  const report = await scanDocumentInSlices(parseHtml(html), {
    sliceMs: 1_000,
    yieldToHost: async () => {},
    loadSiteOf: async () => {
      loads++;
      return siteByPublicSuffix;
    },
  });
  return { json: toJsonReport(report), loads };
}

describe('the public suffix list loaded only for pages that link out', () => {
  for (const page of pages) {
    it(page.name, async () => {
      const eager = toJsonReport(scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix }));
      const { json, loads } = await lazily(page.html);
      expect(json).toEqual(eager);
      expect(loads).toBeLessThanOrEqual(1);
      if (eager.sources.some((s) => s.kind === 'linked')) expect(loads).toBe(1);
    }, 60_000);
  }

  it('is not loaded for a page whose prose links only to its own host', async () => {
    const html = `<!doctype html><html><head><link rel="canonical" href="https://news.example.com/a"></head><body><article>
      <p>The council met on Tuesday, <a href="https://news.example.com/earlier">as we reported</a>, and talked.</p>
      <p>Nobody agreed on the roads, <a href="/roads">our earlier story</a> says, and the meeting ended late.</p>
      </article></body></html>`;
    expect((await lazily(html)).loads).toBe(0);
  });

  it('is loaded for a page whose prose links to another host', async () => {
    const html = `<!doctype html><html><head><link rel="canonical" href="https://news.example.com/a"></head><body><article>
      <p>The council met on Tuesday, <a href="https://other.example.org/minutes">the minutes say</a>, and talked.</p>
      </article></body></html>`;
    expect((await lazily(html)).loads).toBe(1);
  });
});
