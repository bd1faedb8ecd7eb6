/**
 * The extension build, once per browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` →
 * dist/firefox. The manifest differences are made by `manifestFor` in src/shared/browser-differences.ts.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { type ManifestInput, manifestFor, type TargetBrowser } from './src/shared/browser-differences';

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;

export default defineConfig(({ mode }) => {
  if (mode !== 'chrome' && mode !== 'firefox') {
    throw new Error(`vite.config.ts: build with --mode chrome or --mode firefox (got "${mode}")`);
  }
  const browser: TargetBrowser = mode;
  const { version } = readJson<{ version: string }>('./package.json');
  const manifest = manifestFor(browser, readJson<ManifestInput>('./manifest.json'), version);
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifest as unknown as ManifestV3Export,
        browser,
        // One self-contained file for the content script: no loader, no web-accessible module for pages to see.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    define: { __CITELENS_BROWSER__: JSON.stringify(browser) },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'chrome' ? 'chrome128' : 'firefox140',
      // The content script is parsed on every page the reader opens: keep it small.
      minify: true,
      sourcemap: false,
    },
  };
});
