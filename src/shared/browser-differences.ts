/**
 * Every difference between Chrome and Firefox lives in this file, so the rest of the tree is one program.
 *
 * Two halves:
 *  1. `manifestFor(browser, base)`: the build-time manifest transform. The root `manifest.json` is written for
 *     both browsers at once and this function turns it into each browser's manifest (vite.config.ts calls it).
 *  2. Runtime facts (`TARGET_BROWSER`, restricted pages, the extension API without the polyfill). The build
 *     defines `__CITELENS_BROWSER__`, so the dead branch for the other browser is dropped from each bundle.
 *
 * This module imports no extension API: it runs in Node (the build, tests) as well as in the extension, and reads
 * the browser's global only when `extensionApi()` is called.
 */
import type Browser from 'webextension-polyfill';

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
  side_panel?: unknown;
  sidebar_action?: unknown;
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
    // The side panel: Chrome's is `side_panel` (with the `sidePanel` permission); Firefox's sidebar is its own.
    delete manifest.sidebar_action;
  } else {
    // Firefox MV3 runs the background as an event page (a document with scripts), not a service worker.
    // @crxjs/vite-plugin in firefox mode also needs `scripts` in its input to emit the right loader.
    manifest.background = { scripts: [entry], type: 'module' };
    delete manifest.minimum_chrome_version;
    // The side panel: Firefox's is `sidebar_action`, and it knows neither Chrome's key nor its permission.
    delete manifest.side_panel;
    const permissions = (manifest.permissions ?? []).filter((p) => p !== 'sidePanel');
    // Firefox's MV3 default CSP for extension pages (the background included) ends in `upgrade-insecure-requests`,
    // so every http source would be asked for as https and fail. The same policy, without the upgrade: cited
    // pages on http are read as http (Chrome's default has no upgrade).
    manifest.content_security_policy = { extension_pages: "script-src 'self'; object-src 'self'" };
    // `dns`: only Firefox lets an extension resolve names (Chrome's `dns` API is on the dev channel only, and
    // Chrome warns about a permission it does not know), so only Firefox refuses a source, or a redirect hop,
    // whose name resolves to a loopback or private address. See HAS_DNS_API.
    manifest.permissions = [...permissions, 'dns'];
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

/** A `web_accessible_resources` entry of a Manifest V3 manifest. */
export interface WebAccessibleResources {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

/**
 * What the content script imports after its entry (its main part, the card, the chunks they share), which the
 * browsers fetch with the page as initiator and so serve only when web-accessible to http(s) pages.
 *
 * A web-accessible file lets any page probe for the extension by loading its address. Chrome serves these only
 * under `use_dynamic_url`'s per-session address, which `runtime.getURL` gives the content script and a page cannot
 * guess. Firefox has no `use_dynamic_url` (web-ext lint refuses the key); its `moz-extension://` address is a
 * random id per installation already, which a page does not know either.
 */
export function contentScriptResources(browser: TargetBrowser, files: string[]): WebAccessibleResources {
  const entry: WebAccessibleResources = { resources: files, matches: ['http://*/*', 'https://*/*'] };
  if (browser === 'chrome') entry.use_dynamic_url = true;
  return entry;
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

/**
 * The extension API as the browser gives it, without webextension-polyfill: for the code the content script's
 * entry runs on every page (messages, settings), where setting the polyfill up cost more than the entry's own
 * work. What that code uses returns promises natively in both browsers (Chrome's MV3 `chrome.*`, Firefox's
 * `browser.*`); the one gap, answering a message, is bridged by `messageListener` below. Typed as the polyfill's
 * API, of which it uses only that common part.
 */
export function extensionApi(): typeof Browser {
  const global = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
  const api = TARGET_BROWSER === 'firefox' ? (global.browser ?? global.chrome) : global.chrome;
  if (!api) throw new Error('CiteLens: no extension API in this context');
  return api;
}

/** How a message listener answers: a promise of the answer, or undefined to leave the message to others. */
export type PromiseListener = (
  message: unknown,
  sender: Browser.Runtime.MessageSender,
) => Promise<unknown> | undefined;

/**
 * A refusal as it crosses to a sender in Chrome: the polyfill's own shape, so that a sender with the polyfill and
 * one without (`unwrapAnswer`) both hear it as a rejection.
 */
const REJECTED = '__mozWebExtensionPolyfillReject__';

/**
 * `listener` as the browser's onMessage wants it. Firefox takes a promise as the answer. Chrome (before 146) does
 * not: it answers through `sendResponse` after `return true`, and a rejection crosses as the polyfill's shape.
 */
export function messageListener(
  listener: PromiseListener,
): (
  message: unknown,
  sender: Browser.Runtime.MessageSender,
  sendResponse: (answer: unknown) => void,
) => unknown {
  if (TARGET_BROWSER === 'firefox') return listener;
  return (message, sender, sendResponse) => {
    const answer = listener(message, sender);
    if (!answer) return undefined;
    answer.then(sendResponse, (error: unknown) =>
      sendResponse({ [REJECTED]: true, message: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}

/**
 * What a sender makes of an answer without the polyfill: Chrome's refusal shape as a rejection, and (as the
 * polyfill does) no answer at all as undefined rather than an error.
 */
export async function unwrapAnswer(sent: Promise<unknown>): Promise<unknown> {
  let answer: unknown;
  try {
    answer = await sent;
  } catch (error) {
    if (
      error instanceof Error &&
      error.message.includes('The message port closed before a response was received')
    )
      return undefined;
    throw error;
  }
  if (typeof answer === 'object' && answer !== null && (answer as Record<string, unknown>)[REJECTED] === true)
    throw new Error(String((answer as { message?: unknown }).message));
  return answer;
}

/** The little of each browser's side-panel API CiteLens calls (neither is in webextension-polyfill's types). */
interface SidePanelGlobals {
  chrome?: { sidePanel?: { open(options: { windowId: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
}

/**
 * Opens CiteLens's side panel in a window: Chrome's `sidePanel.open`, Firefox's `sidebarAction.open`. Both
 * browsers accept it only inside the handler of the reader's act (a click in the popup, a context-menu item, a
 * keyboard command), so it must be called synchronously there, before any `await`. The answer settles once the
 * browser has handled the call, and never rejects: a browser that has no side panel (Firefox for Android) or
 * refuses the call leaves things as they were.
 */
export function openSidePanel(
  windowId: number | undefined,
  browser: TargetBrowser = TARGET_BROWSER,
): Promise<void> {
  const api = globalThis as unknown as SidePanelGlobals;
  const failed = (error: unknown) => console.warn('CiteLens: the side panel did not open:', error);
  try {
    const opening =
      browser === 'chrome'
        ? windowId === undefined
          ? undefined
          : api.chrome?.sidePanel?.open({ windowId })
        : api.browser?.sidebarAction?.open();
    return Promise.resolve(opening).catch(failed);
  } catch (error) {
    failed(error);
    return Promise.resolve();
  }
}
