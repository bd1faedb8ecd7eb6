import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentScriptResources,
  GECKO_ID,
  isRestrictedUrl,
  type ManifestInput,
  manifestFor,
} from '../../../src/shared/browser-differences';

const base = JSON.parse(
  readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'),
) as ManifestInput;

describe('manifestFor', () => {
  it('gives Chrome a service worker and no Gecko settings', () => {
    const m = manifestFor('chrome', base, '1.2.3');
    expect(m.version).toBe('1.2.3');
    expect(m.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.minimum_chrome_version).toBe('128');
  });

  it('gives Firefox background scripts and its Gecko id, minimum version and data collection', () => {
    const m = manifestFor('firefox', base, '1.2.3');
    expect(m.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('observes its own redirects in both browsers (webRequest) and resolves names in Firefox only (dns)', () => {
    const chrome = manifestFor('chrome', base, '1.2.3');
    const firefox = manifestFor('firefox', base, '1.2.3');
    expect(chrome.permissions).toEqual(['storage', 'activeTab', 'webRequest', 'contextMenus', 'sidePanel']);
    expect(firefox.permissions).toEqual(['storage', 'activeTab', 'webRequest', 'contextMenus', 'dns']);
    // The root manifest is shared: the Firefox-only permission is added, never written there.
    expect(base.permissions).not.toContain('dns');
  });

  it("gives each browser its own side panel: Chrome's side_panel, Firefox's sidebar_action, one page", () => {
    const chrome = manifestFor('chrome', base, '1.2.3');
    const firefox = manifestFor('firefox', base, '1.2.3');
    expect(chrome.side_panel).toEqual({ default_path: 'src/panel/index.html' });
    expect(chrome.sidebar_action).toBeUndefined();
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'src/panel/index.html' });
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
  });

  it('names the home page in both browsers and the author where the browser reads it (Firefox)', () => {
    const chrome = manifestFor('chrome', base, '1.2.3');
    const firefox = manifestFor('firefox', base, '1.2.3');
    expect(chrome.homepage_url).toMatch(/^https:\/\//);
    expect(firefox.homepage_url).toBe(chrome.homepage_url);
    expect(firefox.author).toBe('The CiteLens developers');
    expect(chrome.author).toBeUndefined();
  });

  it('leaves the shared manifest untouched', () => {
    const before = JSON.stringify(base);
    manifestFor('chrome', base, '9.9.9');
    manifestFor('firefox', base, '9.9.9');
    expect(JSON.stringify(base)).toBe(before);
  });

  it('declares the next and previous claim commands with keys the reader can rebind', () => {
    const commands = base.commands as Record<
      string,
      { suggested_key: { default: string }; description?: string }
    >;
    expect(commands['next-claim']?.suggested_key.default).toMatch(/^Alt\+Shift\+/);
    expect(commands['previous-claim']?.suggested_key.default).toMatch(/^Alt\+Shift\+/);
  });
});

describe('isRestrictedUrl', () => {
  it.each([
    [undefined, 'chrome', true],
    ['chrome://extensions/', 'chrome', true],
    ['about:addons', 'firefox', true],
    ['moz-extension://x/popup.html', 'firefox', true],
    ['view-source:https://example.org/', 'chrome', true],
    ['https://chromewebstore.google.com/detail/x', 'chrome', true],
    ['https://chrome.google.com/webstore/detail/x', 'chrome', true],
    ['https://chrome.google.com/search', 'chrome', false],
    ['https://addons.mozilla.org/en-US/firefox/', 'firefox', true],
    ['https://addons.mozilla.org/en-US/firefox/', 'chrome', false],
    ['https://example.org/story', 'firefox', false],
    ['http://127.0.0.1:8788/seed', 'chrome', false],
  ] as const)('%s in %s → %s', (url, browser, restricted) => {
    expect(isRestrictedUrl(url, browser)).toBe(restricted);
  });
});

describe('Firefox reads http sources as http', () => {
  it("declares its own extension CSP, without Firefox's default upgrade-insecure-requests", () => {
    const m = manifestFor('firefox', { background: { scripts: ['bg.js'] } }, '1.0.0') as {
      content_security_policy?: { extension_pages?: string };
    };
    expect(m.content_security_policy?.extension_pages).toMatch(/script-src 'self'/);
    expect(m.content_security_policy?.extension_pages).not.toMatch(/upgrade-insecure-requests/);
    expect(
      'content_security_policy' in manifestFor('chrome', { background: { scripts: ['bg.js'] } }, '1.0.0'),
    ).toBe(false);
  });
});

describe('the content script parts loaded after its entry', () => {
  it('are web-accessible to http(s) pages, in Chrome only under a per-session address', () => {
    const files = ['assets/content-main.js', 'assets/content-card.js'];
    expect(contentScriptResources('chrome', files)).toEqual({
      resources: files,
      matches: ['http://*/*', 'https://*/*'],
      use_dynamic_url: true,
    });
    const firefox = contentScriptResources('firefox', files);
    expect(firefox).toEqual({ resources: files, matches: ['http://*/*', 'https://*/*'] });
    expect('use_dynamic_url' in firefox).toBe(false);
  });
});
