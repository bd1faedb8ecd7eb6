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
import { build, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import { CONTENT_CARD_FILE, CONTENT_MAIN_FILE, CONTENT_SITES_FILE } from './src/content/lazy-files';
import {
  contentScriptResources,
  type ManifestInput,
  manifestFor,
  type TargetBrowser,
  type WebAccessibleResources,
} from './src/shared/browser-differences';
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

/** The content script's parts loaded after its entry, each built as one self-contained ES module. */
const LAZY_CONTENT_PARTS: [entry: string, fileName: string][] = [
  ['src/content/main.ts', CONTENT_MAIN_FILE],
  ['src/content/card.ts', CONTENT_CARD_FILE],
  ['src/content/sites.ts', CONTENT_SITES_FILE],
];

/**
 * The content script's lazy parts (src/content/lazy-files.ts): its main part and the card, imported at run time
 * by address (`runtime.getURL`), and made web-accessible to http(s) pages as each browser takes the manifest key
 * (src/shared/browser-differences.ts). Each is one file with its imports inlined: under Chrome's
 * `use_dynamic_url` a module's relative imports resolve against the extension's fixed address, which is refused,
 * so a lazy part must import nothing relative.
 */
function lazyContentScript(target: TargetBrowser): Plugin & {
  renderCrxManifest(manifest: { web_accessible_resources?: WebAccessibleResources[] }): unknown;
} {
  let config: ResolvedConfig;
  return {
    name: 'citelens:lazy-content-script',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // Before crxjs writes the manifest, which wants every web-accessible file in the bundle.
      order: 'pre',
      async handler() {
        for (const [entry, fileName] of LAZY_CONTENT_PARTS) {
          const result = await build({
            configFile: false,
            logLevel: 'warn',
            root: config.root,
            mode: config.mode,
            define: config.define,
            build: {
              write: false,
              emptyOutDir: false,
              minify: config.build.minify,
              sourcemap: false,
              target: config.build.target,
              // Not lib mode: Vite leaves a library's ES output unminified (and with each module's path in a
              // comment, which made the Firefox reviewers' rebuild differ from folder to folder).
              rollupOptions: {
                input: entry,
                preserveEntrySignatures: 'strict',
                output: { format: 'es', entryFileNames: fileName, codeSplitting: false },
              },
            },
          });
          const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
            'output' in r ? r.output : [],
          );
          const chunk = outputs.find((o) => o.type === 'chunk' && o.isEntry);
          if (chunk?.type !== 'chunk') throw new Error(`vite.config.ts: ${entry} built no module`);
          this.emitFile({ type: 'asset', fileName, source: chunk.code });
        }
      },
    },
    renderCrxManifest(manifest) {
      const files = LAZY_CONTENT_PARTS.map(([, fileName]) => fileName);
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        contentScriptResources(target, files),
      ];
      return manifest;
    },
  };
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
      lazyContentScript(target),
      crx({
        manifest: manifest as unknown as ManifestV3Export,
        browser: target,
        // The content script's entry is one self-contained file (no loader module to fetch on every page); it
        // imports its main part (src/content/main.ts) only where the page may cite.
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
        // The consent page is opened by the background, not named in the manifest; the side panel's page is named
        // only under Firefox's `sidebar_action`, which crxjs does not read (it reads Chrome's `side_panel`).
        input: { consent: 'src/consent/index.html', panel: 'src/panel/index.html' },
      },
    },
  };
});
