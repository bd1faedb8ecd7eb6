import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyseClaim, analyseText } from '../../../src/core/verify/analyse';
import { coverageOf } from '../../../src/core/verify/coverage';
import { judgeSupport } from '../../../src/core/verify/judge';
import { indexSource, rankPassages } from '../../../src/core/verify/rank';
import { extractSourceText, fromPlainText } from '../../../src/core/verify/source-text';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

const MCP_SOURCE = fromPlainText(
  [
    'Security researchers published their findings on Tuesday.',
    'The scan found 200000 AI agent servers running the Model Context Protocol with a command execution flaw.',
    'Anthropic said the behaviour is a feature of the protocol, not a bug.',
    'The weather in San Francisco was mild.',
    'The MCP packages have passed 150,000,000 downloads, according to the registry.',
    'Other protocols were not affected.',
  ].join(' '),
);

describe('passage ranking', () => {
  it('ranks the passage holding the claim first', () => {
    const index = indexSource(MCP_SOURCE);
    const claim = analyseClaim('About 200,000 MCP servers expose a command execution flaw.');
    const [best] = rankPassages(index, claim);
    expect(index.passages[best?.id ?? -1]?.text).toContain('200000 AI agent servers');
  });

  it('finds stems and spelled-out numbers', () => {
    const index = indexSource(
      fromPlainText('Nothing here. The registry counted 150 million downloads of the package. Fine.'),
    );
    const [best] = rankPassages(index, analyseClaim('The package was downloaded 150,000,000 times.'));
    expect(index.passages[best?.id ?? -1]?.text).toBe(
      'The registry counted 150 million downloads of the package.',
    );
  });
});

describe('term matching', () => {
  it('matches word families the stemmer leaves apart, but not short stems', () => {
    const claim = analyseClaim('The democratic reforms of the army.');
    const covered = coverageOf(claim, analyseText('Democracy came with reform after the armistice.'));
    expect([...covered.stems].sort()).toEqual(['democrat', 'reform']);
  });
});

describe('judgeSupport', () => {
  it('supports the seed article’s claim against a source that writes the number differently', () => {
    const j = judgeSupport(
      'The flaw affects 200,000 AI agent servers running the Model Context Protocol.',
      MCP_SOURCE,
    );
    expect(j.verdict).toBe('supported');
    expect(j.missingNumbers).toEqual([]);
    expect(j.passages[0]?.text).toContain('200000 AI agent servers');
    expect(j.passages[0]?.matchedTerms).toContain('200,000');
  });

  it('supports “150 million downloads” against “150,000,000 downloads”', () => {
    const j = judgeSupport('MCP packages have exceeded 150 million downloads.', MCP_SOURCE);
    expect(j.verdict).toBe('supported');
    expect(j.missingNumbers).toEqual([]);
  });

  it('does not support a claim whose number the source contradicts', () => {
    const j = judgeSupport('The scan found 900,000 servers running the Model Context Protocol.', MCP_SOURCE);
    expect(j.verdict).not.toBe('supported');
    expect(j.missingNumbers).toEqual(['900,000']);
  });

  it('does not support a claim the source negates', () => {
    const source = fromPlainText(
      'The regulator did not approve the Zentrix vaccine for children in 2021. Trials continue.',
    );
    const negated = judgeSupport('The regulator approved the Zentrix vaccine for children in 2021.', source);
    expect(negated.verdict).not.toBe('supported');
    const affirmed = judgeSupport(
      'The regulator approved the Zentrix vaccine for children in 2021.',
      fromPlainText('The regulator approved the Zentrix vaccine for children in 2021. Trials continue.'),
    );
    expect(affirmed.verdict).toBe('supported');
  });

  it('names the missing name', () => {
    const j = judgeSupport(
      'Anthropic and OpenAI both called the flaw a feature of the protocol.',
      MCP_SOURCE,
    );
    expect(j.missingNames).toEqual(['OpenAI']);
    expect(j.verdict).not.toBe('supported');
    const without = judgeSupport('Anthropic called the flaw a feature of the protocol.', MCP_SOURCE);
    expect(j.score).toBeLessThan(without.score);
  });

  it('finds nothing in an unrelated source', () => {
    const j = judgeSupport('The quarterback threw four touchdowns in the final.', MCP_SOURCE);
    expect(j.verdict).toBe('not_found');
  });

  it('calls a source with no text unavailable', () => {
    expect(judgeSupport('Anything at all.', { sentences: [] }).verdict).toBe('unavailable');
  });

  it('returns at most three passages, best first, without overlaps', () => {
    const j = judgeSupport(
      'Anthropic said the MCP flaw on 200,000 servers is a feature, with 150 million downloads.',
      MCP_SOURCE,
    );
    expect(j.passages.length).toBeLessThanOrEqual(3);
    expect(j.passages.length).toBeGreaterThan(1);
    const scores = j.passages.map((p) => p.score);
    expect(scores[0]).toBe(Math.max(...scores));
  });
});

describe('extractSourceText', () => {
  it('reads the article and leaves the navigation out', () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1} says the scan found 200000 servers with the flaw. It was published by the researchers on Tuesday.</p>`,
    ).join('');
    const html = `<html><head><title>Scan finds flaw | Site</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Scan finds flaw</h1>${paragraphs}</article><footer>© Site</footer></body></html>`;
    const text = extractSourceText(html, 'https://example.org/a', parse);
    expect(text.title).toContain('Scan finds flaw');
    expect(text.sentences).toContain('Paragraph 1 says the scan found 200000 servers with the flaw.');
    expect(text.text).not.toContain('World');
    expect(text.passages.length).toBeGreaterThan(text.sentences.length);
  });

  it('falls back to the body when there is no article, and keeps blocks apart', () => {
    const text = extractSourceText(
      '<html><body><h2>Heading</h2><div>Short note here</div></body></html>',
      '',
      parse,
    );
    expect(text.sentences).toEqual(['Heading', 'Short note here']);
  });
});
