import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runScore } from '../../../src/cli/commands/score';

async function score(
  input: string,
): Promise<{ code: number; lines: Record<string, unknown>[]; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  stdin.end(input);
  const code = await runScore({ stdin, stdout, stderr });
  return {
    code,
    err,
    lines: out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const line = (o: unknown) => `${JSON.stringify(o)}\n`;

describe('citelens score', () => {
  it('answers each line in order, with an error line in place of a bad one', async () => {
    const input = [
      line({
        claim: 'The scan found 200,000 servers.',
        source: 'Researchers found 200000 servers. The weather was fine.',
      }),
      'this is not json\n',
      '\n',
      line({ claim: 'A claim without a source.' }),
      line({
        id: 'x7',
        claim: 'MCP exceeds 150 million downloads.',
        source: '<html><body><p>MCP passed 150,000,000 downloads this week.</p></body></html>',
      }),
    ].join('');
    const { code, lines, err } = await score(input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      verdict: 'supported',
      passages: [{ text: 'Researchers found 200000 servers.' }],
    });
    expect(lines[1]).toEqual({ error: 'not a JSON object' });
    expect(lines[2]).toHaveProperty('error');
    // HTML is read as a page: the passage is the paragraph's text, tags gone.
    expect(lines[3]).toMatchObject({
      id: 'x7',
      verdict: 'supported',
      passages: [{ text: 'MCP passed 150,000,000 downloads this week.' }],
    });
    expect(err).toContain('2 of 4 lines');
  });

  it('says what the source lacks and what it says otherwise', async () => {
    const { lines } = await score(
      line({
        claim: 'The scan found 200,000 AI servers in Lisbon.',
        source: 'The scan found 20,000 AI servers in Lisbon. The weather was fine.',
      }),
    );
    expect(lines[0]).toMatchObject({
      verdict: 'not_found',
      missing: ['200,000'],
      conflict: { claim: '200,000', source: '20,000' },
    });
  });

  it('gives at most three passages, each with a text and a score', async () => {
    const source = Array.from(
      { length: 12 },
      (_, i) => `Servers in region ${i} were exposed to the flaw.`,
    ).join(' ');
    const { lines } = await score(
      line({ claim: 'Servers were exposed to the flaw in many regions.', source }),
    );
    const passages = lines[0]?.passages as { text: string; score: number }[];
    expect(passages.length).toBe(3);
    for (const p of passages) expect(Object.keys(p).sort()).toEqual(['score', 'text']);
  });

  // Its speed is measured by npm run bench; here only that every line of a long input is answered, and right.
  it('answers every one of thousands of lines', async () => {
    const source =
      'The council approved the budget on Tuesday. It includes 40 percent more for schools. Critics objected.';
    // A different source on every line, so nothing is served from the cache.
    const input = Array.from({ length: 2000 }, (_, i) =>
      line({
        claim: 'The council approved a budget with 40% more for schools.',
        source: `${source} Note ${i}.`,
      }),
    ).join('');
    const { lines } = await score(input);
    expect(lines).toHaveLength(2000);
    expect(lines.every((l) => l.verdict === 'supported')).toBe(true);
  }, 60_000);
});
