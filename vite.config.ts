/**
 * The extension build, once per browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` →
 * dist/firefox. The manifest differences are made by `manifestFor` in src/shared/browser-differences.ts.
 *
 * `--mode chrome-test` / `firefox-test` → dist/test/<browser>: the same extension with the one test-only switch
 * on (`__CITELENS_TEST_BUILD__`: sources on loopback and private addresses are read, for the end-to-end tests'
 * local source pages). Only the end-to-end tests load these builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { type ManifestInput, manifestFor, type TargetBrowser } from './src/shared/browser-differences';
import { highlightStylesheet } from './src/shared/highlight-style';

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;

/**
 * The `::highlight()` rules, written from src/shared/highlight-style.ts before the manifest that declares them
 * with the content script is read (rewritten only when they changed; a unit test checks the copy in the tree).
 */
function writeHighlightStylesheet(): void {
  const path = new URL('./src/content/highlights.generated.css', import.meta.url);
  const css = highlightStylesheet();
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // Not written yet.
  }
  if (current !== css) writeFileSync(path, css);
}

export default defineConfig(({ mode }) => {
  const [browser, variant] = mode.split('-') as [string, string | undefined];
  if ((browser !== 'chrome' && browser !== 'firefox') || (variant !== undefined && variant !== 'test')) {
    throw new Error(
      `vite.config.ts: build with --mode chrome, firefox, chrome-test or firefox-test (got "${mode}")`,
    );
  }
  const target: TargetBrowser = browser;
  const testBuild = variant === 'test';
  writeHighlightStylesheet();
  const { version } = readJson<{ version: string }>('./package.json');
  const manifest = manifestFor(target, readJson<ManifestInput>('./manifest.json'), version);
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifest as unknown as ManifestV3Export,
        browser: target,
        // One self-contained file for the content script: no loader, no web-accessible module for pages to see.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    resolve: {
      // linkedom's CSS parser serves only `<style>.sheet`, which nothing in the background reads.
      alias: {
        'cssomnom/parse': new URL('./src/background/stubs/no-css-parser.ts', import.meta.url).pathname,
      },
    },
    define: {
      __CITELENS_BROWSER__: JSON.stringify(target),
      __CITELENS_TEST_BUILD__: JSON.stringify(testBuild),
    },
    build: {
      outDir: testBuild ? `dist/test/${target}` : `dist/${target}`,
      emptyOutDir: true,
      target: target === 'chrome' ? 'chrome128' : 'firefox140',
      // The content script is parsed on every page the reader opens: keep it small.
      minify: true,
      sourcemap: false,
      rollupOptions: {
        // The consent page is opened by the background, not named in the manifest.
        input: { consent: 'src/consent/index.html' },
      },
    },
  };
});
