import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const firefoxBuild = join(import.meta.dirname, '..', '..', 'dist', 'firefox');

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

/**
 * `web-ext lint` on the Firefox build, as addons.mozilla.org runs it: no errors, and no warning but the ones
 * named in the README: Preact's `dangerouslySetInnerHTML` code path in its JSX runtime, which CiteLens never uses,
 * and, in the background's bundle only, linkedom's own `innerHTML`/`outerHTML` setters and Readability's use of
 * them: assignments inside the JavaScript DOM that cited pages are parsed into, never to a page a reader sees.
 * And the content script's two imports of its own later parts by address (`import(runtime.getURL(<constant>))`,
 * src/content/lazy-files.ts): the linter flags any `import()` of a computed address; this one is always a file of
 * the extension itself, never anything from a page.
 */
describe('web-ext lint', () => {
  it('passes on dist/firefox with only the known dependency warning', async () => {
    expect(existsSync(join(firefoxBuild, 'manifest.json')), 'run `npm run build` first').toBe(true);
    const { stdout } = await promisify(execFile)(
      'npx',
      ['web-ext', 'lint', '--source-dir', firefoxBuild, '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      errors: LintMessage[];
      warnings: LintMessage[];
      notices: LintMessage[];
    };
    expect(report.errors).toEqual([]);
    // The background's bundle, as its loader names it.
    const loader = readFileSync(join(firefoxBuild, 'service-worker-loader.js'), 'utf8');
    const background = /import ['"]\.\/(assets\/[\w.-]+\.js)['"]/.exec(loader)?.[1];
    expect(background).toBeTruthy();
    const lazyImport = (w: LintMessage) =>
      w.message === 'Unsafe call to import for argument 0' &&
      (w.file === 'src/content/index.js' || w.file === 'assets/content-main.js');
    const unexplained = report.warnings.filter(
      (w) =>
        !(
          w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
          (/^assets\/jsxRuntime-[\w-]+\.js$/.test(w.file ?? '') || w.file === background || lazyImport(w))
        ),
    );
    // Exactly the two imports by address: the entry's of the main part, and the main part's of its own lazy parts
    // (the card, the public suffix list: one `importContentPart`).
    // (In the linter's order, which follows its file scan: sorted here.)
    expect(
      report.warnings
        .filter(lazyImport)
        .map((w) => w.file)
        .sort(),
    ).toEqual(['assets/content-main.js', 'src/content/index.js']);
    expect(unexplained).toEqual([]);
  }, 120_000);
});
