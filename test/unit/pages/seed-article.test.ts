import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { FIXTURE_PAGES_DIR } from '../../support/fixture-pages';

const html = readFileSync(join(FIXTURE_PAGES_DIR, 'seed-article', 'source.html'), 'utf8');

describe('the seed article', () => {
  const report = toJsonReport(scanDocument(parseHtml(html), { siteOf: siteByPublicSuffix }));

  it('has exactly the 41 cited sentences', () => {
    expect(report.claims).toHaveLength(41);
    expect(report.claims[0]?.text).toBe(
      "The announcement landed like a thunderclap at Anthropic's Code with Claude developer conference on Wednesday: the AI safety company was partnering with SpaceX to gain access to an entire data center in Memphis, Tennessee.",
    );
    for (const claim of report.claims) {
      expect(claim.markers).toHaveLength(1);
      expect(claim.text).not.toMatch(/\[\d\]/);
    }
  });

  it('lists its 4 sources exactly as its References section gives them', () => {
    expect(report.sources.map((s) => [s.label, s.publisher, s.title, s.url])).toEqual([
      [
        '1',
        'Editorial_board',
        'Original article',
        'https://www.wired.com/story/anthropic-spacex-compute-deal-colossus/',
      ],
      [
        '2',
        'Ars Technica',
        'Anthropic raises Claude Code usage limits, credits new deal with SpaceX',
        'https://arstechnica.com/ai/2026/05/anthropic-raises-claude-code-usage-limits-credits-new-deal-with-spacex/',
      ],
      [
        '3',
        'TechCrunch',
        'Anthropic and OpenAI are both launching joint ventures for enterprise AI services',
        'https://techcrunch.com/2026/05/04/anthropic-and-openai-are-both-launching-joint-ventures-for-enterprise-ai-services/',
      ],
      [
        '4',
        'VentureBeat',
        '200,000 MCP servers expose a command execution flaw that Anthropic calls a feature',
        'https://venturebeat.com/security/mcp-stdio-flaw-200000-ai-agent-servers-exposed-ox-security-audit',
      ],
    ]);
  });

  it('counts 19, 9, 6 and 7 claims per source', () => {
    expect(report.sources.map((s) => s.claims.length)).toEqual([19, 9, 6, 7]);
  });

  it('flags that 46% of the claims rest on source [1]', () => {
    const concentration = report.findings.filter((f) => f.kind === 'source-concentration');
    expect(concentration).toHaveLength(1);
    expect(concentration[0]?.sources).toEqual(['s1']);
    expect(concentration[0]?.claims).toHaveLength(19);
    expect(concentration[0]?.message).toContain('46%');
  });

  it('reads every claim from the page text itself', () => {
    const text = (parseHtml(html).body?.textContent ?? '').replace(/\s+/g, ' ').replace(/ ?\[\d\]/g, '');
    for (const claim of report.claims) expect(text).toContain(claim.text.slice(0, -1));
  });
});
