import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { count, FINDINGS } from '../../../src/cli/words';
import { runCli } from '../../support/run-cli';

const run = runCli;

/** A page whose sources live on `.invalid`, a name that never resolves: what a check sees offline. */
const UNREACHABLE_PAGE = `<!doctype html><html><head><title>Offline</title></head><body><article>
<p>A scan found 200,000 servers exposed to the flaw.<sup><a href="#fn1">1</a></sup></p>
<p>MCP now exceeds 150 million downloads.<sup><a href="#fn2">2</a></sup></p>
<h2>References</h2><ol>
<li id="fn1"><a href="https://scan.example.invalid/report">The scan</a>, Example News.</li>
<li id="fn2"><a href="https://downloads.example.invalid/2025">Downloads report</a>.</li>
</ol></article></body></html>`;

const SOURCE = `<html><body><article>${'<p>Researchers said their scan found 200000 servers that were exposed to the flaw. The scan ran for a week.</p>'.repeat(3)}</article></body></html>`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citelens-cli-'));
  await writeFile(join(dir, 'page.html'), UNREACHABLE_PAGE);
  await writeFile(join(dir, 'not-a-folder.txt'), 'x');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('citelens: help and version for every command', () => {
  it.each([['--version'], ['scan', '--version'], ['check', '--version'], ['score', '--version']])(
    '%s %s prints the version',
    async (...args) => {
      const { code, out } = await run(args.filter(Boolean));
      expect(code).toBe(0);
      expect(out).toBe(`citelens ${packageJson.version}\n`);
    },
  );

  it.each(['scan', 'check', 'score'])('%s --help prints its own usage', async (name) => {
    const { code, out, err } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(new RegExp(`^usage: citelens ${name}\\b`));
  });
});

describe('citelens check', () => {
  it('refuses a --sources folder that does not exist, or is a file', async () => {
    const missing = await run(['check', join(dir, 'page.html'), '--sources', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/--sources .*nope: no such folder/);
    const file = await run(['check', join(dir, 'page.html'), '--sources', join(dir, 'not-a-folder.txt')]);
    expect(file.code).toBe(1);
    expect(file.err).toMatch(/is not a folder/);
  });

  it('ends with a summary line and exits 0 when sources were read', async () => {
    const sources = join(dir, 'sources');
    await import('node:fs/promises').then((fs) => fs.mkdir(sources, { recursive: true }));
    await writeFile(join(sources, 'scan.example.invalid_report.html'), SOURCE);
    const { code, out } = await run(['check', join(dir, 'page.html'), '--sources', sources]);
    expect(code).toBe(0);
    const last = out.trim().split('\n').at(-1);
    expect(last).toBe(
      'Summary: 2 cited claims: 1 supported, 0 partly supported, 0 not supported, 1 unreadable.',
    );
  });

  it('says nothing was checked, and exits 1, when no source could be reached', async () => {
    const { code, out } = await run(['check', join(dir, 'page.html')]);
    expect(code).toBe(1);
    expect(out).not.toMatch(/0 of \d+ claims supported/);
    expect(out.trim().split('\n').at(-1)).toBe(
      'Nothing checked: none of the 2 sources could be reached — are you offline?',
    );
  });
});

describe('citelens score', () => {
  it('exits 1 when every line failed, 0 when some were scored', async () => {
    const bad = await run(['score'], 'not json\n{"claim": ""}\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('2 of 2 lines could not be scored');
    const mixed = await run(
      ['score'],
      `not json\n${JSON.stringify({ claim: 'A b c.', source: 'A b c.' })}\n`,
    );
    expect(mixed.code).toBe(0);
    expect(mixed.err).toContain('1 of 2 lines could not be scored');
  });

  it('leaves quietly when the reader closes the pipe (score | head)', async () => {
    const line = `${JSON.stringify({ claim: 'The scan found 200,000 servers.', source: 'It found 200000 servers.' })}\n`;
    const child = spawn('npx', ['tsx', 'src/cli/bin.ts', 'score'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => {});
    child.stdin.end(line.repeat(20_000));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|at .*:\d+:\d+/);
    expect(code).toBe(0);
  }, 60_000);
});

describe('plurals', () => {
  it('picks the form by plural category', () => {
    expect(count(1, FINDINGS)).toBe('1 finding');
    expect(count(0, FINDINGS)).toBe('0 findings');
    expect(count(2, FINDINGS)).toBe('2 findings');
  });
});
