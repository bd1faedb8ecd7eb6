/**
 * Every difference between Chrome and Firefox lives in this file, so the rest of the tree is one program.
 *
 * Two halves:
 *  1. `manifestFor(browser, base)`: the build-time manifest transform. The root `manifest.json` is written for
 *     both browsers at once and this function turns it into each browser's manifest (vite.config.ts calls it).
 *  2. Runtime facts (`TARGET_BROWSER`, restricted pages). The build defines `__CITELENS_BROWSER__`, so the
 *     dead branch for the other browser is dropped from each bundle.
 *
 * This module imports no extension API: it runs in Node (the build, tests) as well as in the extension.
 */

export type TargetBrowser = 'chrome' | 'firefox';

/** The subset of a manifest this transform reads and writes. Everything else passes through untouched. */
export interface ManifestInput {
  version?: string;
  background?: { service_worker?: string; scripts?: string[]; type?: 'module' };
  browser_specific_settings?: unknown;
  minimum_chrome_version?: string;
  content_security_policy?: { extension_pages?: string };
  author?: string;
  permissions?: string[];
  [key: string]: unknown;
}

/** Firefox's add-on id: fixed, so storage.sync and the store listing follow the add-on across installs. */
export const GECKO_ID = 'citelens@citelens.dev';

export function manifestFor<M extends ManifestInput>(browser: TargetBrowser, base: M, version: string): M {
  const manifest: M = structuredClone(base);
  manifest.version = version;
  const background = manifest.background ?? {};
  const entry = background.service_worker ?? background.scripts?.[0];
  if (!entry) throw new Error('manifest.json: background needs service_worker or scripts');

  if (browser === 'chrome') {
    // Chrome MV3 runs the background as a service worker and rejects `background.scripts`.
    manifest.background = { service_worker: entry, type: 'module' };
    // Chrome warns about keys it does not know.
    delete manifest.browser_specific_settings;
    // Chrome ignores `author` since 2024, and took it only as `{ "email" }`, never Firefox's string.
    delete manifest.author;
    // `document.caretPositionFromPoint` arrived in Chrome 128; the Custom Highlight API in 105.
    manifest.minimum_chrome_version = '128';
  } else {
    // Firefox MV3 runs the background as an event page (a document with scripts), not a service worker.
    // @crxjs/vite-plugin in firefox mode also needs `scripts` in its input to emit the right loader.
    manifest.background = { scripts: [entry], type: 'module' };
    delete manifest.minimum_chrome_version;
    // Firefox's MV3 default CSP for extension pages (the background included) ends in `upgrade-insecure-requests`,
    // so every http source would be asked for as https and fail. The same policy, without the upgrade: cited
    // pages on http are read as http (Chrome's default has no upgrade).
    manifest.content_security_policy = { extension_pages: "script-src 'self'; object-src 'self'" };
    // `dns`: only Firefox lets an extension resolve names (Chrome's `dns` API is on the dev channel only, and
    // Chrome warns about a permission it does not know), so only Firefox refuses a source, or a redirect hop,
    // whose name resolves to a loopback or private address. See HAS_DNS_API.
    manifest.permissions = [...(manifest.permissions ?? []), 'dns'];
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 140: the first release with the Custom Highlight API on by default; web-ext lint also wants >= 140
        // once `data_collection_permissions` is declared.
        strict_min_version: '140.0',
        // CiteLens sends nothing anywhere: the whole scan runs in the page.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learnt `data_collection_permissions` in 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}

declare const __CITELENS_BROWSER__: TargetBrowser | undefined;

/** The browser this bundle was built for (Chrome when run unbundled, e.g. in unit tests). */
export const TARGET_BROWSER: TargetBrowser =
  typeof __CITELENS_BROWSER__ === 'string' ? __CITELENS_BROWSER__ : 'chrome';

/**
 * Whether the background can resolve a name before asking it (`browser.dns`, Firefox only). Where it cannot
 * (Chrome), a public name that resolves to a private address is read: the README and PRIVACY.md say so.
 */
export const HAS_DNS_API: boolean = TARGET_BROWSER === 'firefox';

/**
 * Pages no extension may script. Chrome blocks its own schemes and the Chrome Web Store; Firefox blocks its own
 * schemes and addons.mozilla.org (and a few Mozilla hosts listed in `extensions.webextensions.restrictedDomains`).
 */
const RESTRICTED_HOSTS: Record<TargetBrowser, string[]> = {
  chrome: ['chromewebstore.google.com', 'chrome.google.com'],
  firefox: [
    'addons.mozilla.org',
    'accounts.firefox.com',
    'support.mozilla.org',
    'content-signature-2.cdn.mozilla.net',
    'install.mozilla.org',
  ],
};

/**
 * Whether CiteLens cannot run on a page with this address. `undefined` means the browser withheld the address,
 * which it does exactly for pages outside the extension's host permissions (http and https everywhere), so those
 * pages are restricted too.
 */
export function isRestrictedUrl(url: string | undefined, browser: TargetBrowser = TARGET_BROWSER): boolean {
  if (!url) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  if (browser === 'chrome' && parsed.hostname === 'chrome.google.com')
    return parsed.pathname.startsWith('/webstore');
  return RESTRICTED_HOSTS[browser].includes(parsed.hostname);
}
