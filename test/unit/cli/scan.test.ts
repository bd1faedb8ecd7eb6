import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES_DIR } from '../../support/fixture-pages';
import { runCli } from '../../support/run-cli';

const seed = join(FIXTURE_PAGES_DIR, 'seed-article', 'source.html');

const run = runCli;

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'citelens-')), name);
  writeFileSync(file, content);
  return file;
}

describe('citelens scan', () => {
  it('prints the report as JSON of exactly the documented shape', async () => {
    const { code, out, err } = await run(['scan', seed, '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['url', 'title', 'claims', 'sources', 'findings']);
    expect(Object.keys(report.claims[0])).toEqual(['id', 'text', 'markers', 'sources']);
    expect(Object.keys(report.sources[0])).toEqual([
      'id',
      'kind',
      'label',
      'title',
      'publisher',
      'url',
      'claims',
    ]);
    expect(report.sources[0].kind).toBe('reference');
    expect(Object.keys(report.findings[0])).toEqual(['kind', 'message', 'claims', 'sources']);
    expect(report.claims).toHaveLength(41);
    expect(report.url).toBeNull();
  });

  it('includes linked claims: kind on every source, the site as a linked source’s label, the links of a claim', async () => {
    const news = join(FIXTURE_PAGES_DIR, 'news-observer-lvmh', 'source.html');
    const { code, out } = await run(['scan', news, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.sources.length).toBeGreaterThan(0);
    for (const s of report.sources) {
      expect(s.kind).toBe('linked');
      expect(s.label).toBe(new URL(s.url).hostname.replace(/^(?:www|news)\./, ''));
    }
    expect(report.sources.map((s: { label: string }) => s.label)).toContain('lefigaro.fr');
    const claim = report.claims.find((c: { links?: unknown[] }) => c.links?.length);
    expect(Object.keys(claim)).toEqual(['id', 'text', 'markers', 'sources', 'links']);
    expect(Object.keys(claim.links[0])).toEqual(['source', 'text', 'href']);
  });

  it('--no-links prints the report of markers only, as it was before linked claims (no kind field)', async () => {
    const news = join(FIXTURE_PAGES_DIR, 'news-observer-lvmh', 'source.html');
    const off = JSON.parse((await run(['scan', news, '--json', '--no-links'])).out);
    expect(off.claims).toEqual([]);
    expect(off.sources).toEqual([]);
    const seedOff = JSON.parse((await run(['scan', seed, '--json', '--no-links'])).out);
    const seedOn = JSON.parse((await run(['scan', seed, '--json'])).out);
    expect(Object.keys(seedOff.sources[0])).toEqual(['id', 'label', 'title', 'publisher', 'url', 'claims']);
    expect(seedOff.claims).toEqual(seedOn.claims);
    expect(seedOff.sources).toEqual(seedOn.sources.map(({ kind: _, ...rest }: { kind: string }) => rest));
    const table = await run(['scan', news, '--no-links']);
    expect(table.out).toContain('No citation markers found on this page.');
  });

  it('prints a readable table of sources and the findings', async () => {
    const { code, out } = await run(['scan', seed]);
    expect(code).toBe(0);
    expect(out).toContain('41 cited claims, 4 sources');
    expect(out).toMatch(
      /2\s+Anthropic raises Claude Code usage limits.*Ars Technica\s+https:\/\/arstechnica\.com/,
    );
    expect(out).toContain('source-concentration: 46% of the claims (19 of 41)');
  });

  it('says so when a page has no markers', async () => {
    const file = tempFile('plain.html', '<html><body><p>Nothing cited here [sic].</p></body></html>');
    const { code, out } = await run(['scan', file]);
    expect(code).toBe(0);
    expect(out).toContain('No citation markers found');
  });

  it.each([
    ['a missing file', ['scan', '/nonexistent/page.html'], /no such file/],
    ['a file that is not HTML', ['scan', tempFile('x.txt', 'just words\n')], /is not an HTML file/],
    ['an empty file', ['scan', tempFile('empty.html', '  \n')], /is empty/],
    ['a page with no text', ['scan', tempFile('blank.html', '<html><body></body></html>')], /has no text/],
    ['a non-http URL', ['scan', 'ftp://example.com/x'], /only files and http\(s\) URLs/],
    ['an unreachable URL', ['scan', 'http://127.0.0.1:9/'], /could not be reached/],
    ['no argument', ['scan'], /usage/],
  ])('fails on %s with one line and no stack trace', async (_name, args, message) => {
    const { code, out, err } = await run(args);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('runs as a process', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/bin.ts', 'scan', seed, '--json']);
    expect(JSON.parse(stdout).sources).toHaveLength(4);
  });
});
