/**
 * The README promises that `src/core` uses no extension API and nothing from the shells, so the same code runs in
 * the content script, the background, the CLI and the tests. biome.json enforces it; this test makes sure the
 * rule still bites (a config edit that quietly turned it off would otherwise go unnoticed).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const biome = join(root, 'node_modules/.bin/biome');
const work = mkdtempSync(join(tmpdir(), 'citelens-boundary-'));
copyFileSync(join(root, 'biome.json'), join(work, 'biome.json'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The rules biome reports for one file placed at `path` in a copy of the project's lint setup. */
function lintRules(path: string, source: string): string[] {
  const file = join(work, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  let output = '';
  try {
    output = execFileSync(biome, ['lint', '--reporter=json', path], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const report = JSON.parse(output.slice(output.indexOf('{'))) as { diagnostics: { category: string }[] };
  return report.diagnostics.map((d) => d.category);
}

describe('the core boundary, as the linter enforces it', () => {
  it('refuses an extension API in src/core', () => {
    expect(
      lintRules(
        'src/core/a.ts',
        "import browser from 'webextension-polyfill';\n\nexport const a = browser;\n",
      ),
    ).toContain('lint/style/noRestrictedImports');
    expect(lintRules('src/core/b.ts', 'export const b = chrome.runtime.id;\n')).toContain(
      'lint/style/noRestrictedGlobals',
    );
  });

  it('refuses an import from a shell in src/core', () => {
    for (const shell of ['background', 'content', 'shared', 'cli', 'popup']) {
      expect(
        lintRules(
          `src/core/deep/${shell}.ts`,
          `import { x } from '../../${shell}/thing';\n\nexport const y = x;\n`,
        ),
      ).toContain('lint/style/noRestrictedImports');
    }
  });

  it('lets the shells use extension APIs and the core', () => {
    const rules = lintRules(
      'src/background/c.ts',
      "import browser from 'webextension-polyfill';\nimport { z } from '../core/z';\n\nexport const c = [browser, z];\n",
    );
    expect(rules).not.toContain('lint/style/noRestrictedImports');
  });
});
