import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckResult, runCheck, savedFileName } from '../../../src/cli/commands/check';

const PAGE = `<!doctype html><html><head><title>AI agents at risk</title></head><body><article>
<p>A scan found 200,000 AI agent servers exposed to the flaw.<sup><a href="#fn1">1</a></sup></p>
<p>MCP now exceeds 150 million downloads.<sup><a href="#fn2">2</a></sup></p>
<p>The company was founded in Lisbon in 1999.<sup><a href="#fn3">3</a></sup></p>
<h2>References</h2>
<ol>
<li id="fn1"><a href="https://example.org/scan">The scan</a>, Example News.</li>
<li id="fn2"><a href="https://example.com/downloads?year=2025">Downloads report</a>.</li>
<li id="fn3"><a href="https://example.net/missing">Company history</a>.</li>
</ol></article></body></html>`;

const SCAN = `<html><head><title>The scan</title></head><body><article><h1>Scan finds exposed servers</h1>
${'<p>Researchers said their scan found 200000 servers used by AI agents that were exposed to the command execution flaw. The scan ran for a week.</p>'.repeat(3)}
</article></body></html>`;

let dir: string;
let pagePath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citelens-check-'));
  const sources = join(dir, 'sources');
  pagePath = join(dir, 'page.html');
  await writeFile(pagePath, PAGE);
  await mkdir(sources);
  // One source through index.json, one by its sanitised name (plain text), one absent.
  await writeFile(join(sources, 'index.json'), JSON.stringify({ 'https://example.org/scan': 'scan.html' }));
  await writeFile(join(sources, 'scan.html'), SCAN);
  await writeFile(
    join(sources, `${savedFileName('https://example.com/downloads?year=2025')}.txt`),
    'The registry reports that MCP packages have now passed 150,000,000 downloads.\n\nGrowth slowed in May.',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await runCheck(args, { stdin: new PassThrough(), stdout, stderr: new PassThrough() });
  return { code, out };
}

describe('citelens check with saved sources', () => {
  it('names saved copies by a sanitised URL', () => {
    expect(savedFileName('https://example.org/a/b?x=1#top')).toBe('example.org_a_b_x_1');
  });

  it('judges every claim against its sources, as JSON', async () => {
    const { code, out } = await run([pagePath, '--sources', join(dir, 'sources'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as CheckResult;
    expect(result.sources.map((s) => s.status)).toEqual(['ok', 'ok', 'error']);
    const verdicts = result.claims.map((c) => c.judgements.map((j) => j.verdict));
    expect(verdicts).toEqual([['supported'], ['supported'], ['unavailable']]);
    expect(result.claims[0]?.judgements[0]?.passages[0]?.text).toContain('200000 servers');
  });

  it('prints a readable report', async () => {
    const { out } = await run([pagePath, '--sources', join(dir, 'sources')]);
    expect(out).toContain('AI agents at risk');
    expect(out).toContain('[1] supported');
    expect(out).toContain('[3] source unavailable');
    expect(out).toMatch(/3\s+error \(no saved copy/);
  });
});
