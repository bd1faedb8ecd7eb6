/**
 * Firefox's review rebuilds minified add-ons from their source: the archive `npm run package` writes must give
 * back dist/firefox byte for byte when built as its BUILDING.md says.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/serve-pages.mjs';
import { sourceFiles, writeSourceArchive } from '../../scripts/source-archive.mjs';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('the source archive for Firefox review', () => {
  const work = mkdtempSync(join(tmpdir(), 'citelens-source-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the build instructions and the store files, and no test fixtures', () => {
    const files = sourceFiles(repoRoot);
    for (const f of [
      'BUILDING.md',
      'LICENSE',
      'PRIVACY.md',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
    ])
      expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('test/fixtures/'))).toBe(false);
  });

  it('rebuilds dist/firefox byte for byte', () => {
    const built = join(repoRoot, 'dist/firefox');
    expect(existsSync(join(built, 'manifest.json')), 'run `npm run build` first').toBe(true);
    const archive = writeSourceArchive(repoRoot, work, 'source.tar.gz');
    const unpacked = join(work, 'unpacked');
    execFileSync('mkdir', ['-p', unpacked]);
    execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
    // `npm ci` would install exactly these packages from package-lock.json; linking the installed ones keeps the
    // test off the network.
    symlinkSync(join(repoRoot, 'node_modules'), join(unpacked, 'node_modules'), 'dir');
    // As a reviewer's shell would run it: without the NODE_ENV=test and VITEST* variables vitest sets.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')),
    );
    execFileSync('npx', ['vite', 'build', '--mode', 'firefox'], { cwd: unpacked, stdio: 'ignore', env });
    const rebuilt = join(unpacked, 'dist/firefox');
    const files = listFiles(built);
    expect(listFiles(rebuilt)).toEqual(files);
    for (const f of files) {
      expect(readFileSync(join(rebuilt, f)).equals(readFileSync(join(built, f))), f).toBe(true);
    }
  }, 120_000);
});
