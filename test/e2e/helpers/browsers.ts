/**
 * Real browsers with the built extension loaded, behind one small interface so each end-to-end test body runs
 * unchanged in Chromium (playwright-core, CDP) and Firefox ESR (puppeteer-core, WebDriver BiDi).
 * See ../shared/TOOLCHAIN.md for the flags.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { repoRoot } from '../../../scripts/serve-pages.mjs';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const GECKO_ID = 'citelens@citelens.dev';
/** Fixed so the tests know the moz-extension:// origin (Firefox otherwise picks a random one per profile). */
const FIREFOX_EXTENSION_UUID = '6f1d2a8e-3c1b-4f0e-9a57-2e8b4c0d7a11';

export const VIEWPORT = { width: 1200, height: 900 };

// Both libraries type `evaluate` for their own handle types; the tests pass only plain data across.
type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
type PlaywrightWait = <A>(fn: (arg: A) => unknown, arg: A, options: { timeout: number }) => Promise<unknown>;
type PuppeteerWait = <A>(
  fn: (arg: A) => unknown,
  options: { timeout: number; polling: number },
  arg: A,
) => Promise<unknown>;

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ReaderPage {
  readonly url: string;
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string, clip?: Clip): Promise<void>;
  /** Uncaught errors of the page and console errors/warnings, each as text with its location. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>. */
  readonly extensionOrigin: string;
  newPage(): Promise<ReaderPage>;
  /** Opens one of the extension's own pages (e.g. "src/popup/index.html?tab=3") in a tab. */
  openExtensionPage(path: string, readySelector: string): Promise<ReaderPage>;
  close(): Promise<void>;
}

function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`npm run build\` before the end-to-end tests.`);
  }
}

function requireBrowser(path: string, what: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${what} is not installed at ${path}. Install the browsers with \`apt-get install chromium firefox-esr\` ` +
        '(as root; .ci/run does this), or point CHROME_PATH / FIREFOX_PATH at them.',
    );
  }
}

// ---------------------------------------------------------------- Chromium

export class ChromiumPage implements ReaderPage {
  readonly errors: string[] = [];
  constructor(private readonly page: PlaywrightPage) {
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.stack ?? e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        this.errors.push(`console.${m.type()}: ${m.text()}`);
    });
  }
  get url() {
    return this.page.url();
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (this.page as unknown as { evaluate: Evaluate }).evaluate(fn, arg);
  }
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs = 15_000) {
    await (this.page as unknown as { waitForFunction: PlaywrightWait }).waitForFunction(fn, arg, {
      timeout: timeoutMs,
    });
  }
  click(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  async screenshot(path: string, clip?: Clip) {
    await this.page.screenshot({ path, ...(clip ? { clip } : {}) });
  }
  /** Playwright only: a script run in every document of the page before its own scripts. */
  addInitScript(fn: () => void) {
    return this.page.addInitScript(fn);
  }
  /** Playwright only: the colour scheme the page sees. */
  emulateColorScheme(scheme: 'light' | 'dark') {
    return this.page.emulateMedia({ colorScheme: scheme });
  }
  setViewport(size: { width: number; height: number }) {
    return this.page.setViewportSize(size);
  }
  close() {
    return this.page.close();
  }
}

export interface ChromiumBrowser extends ExtensionBrowser {
  newPage(): Promise<ChromiumPage>;
  openExtensionPage(path: string, readySelector: string): Promise<ChromiumPage>;
}

export async function launchChromium(options: { extension?: boolean } = {}): Promise<ChromiumBrowser> {
  requireBrowser(CHROMIUM_PATH, 'Chromium');
  const withExtension = options.extension !== false;
  const extensionDir = join(repoRoot, 'dist/chrome');
  if (withExtension) requireBuild(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'citelens-e2e-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Hermetic: every host but the loopback test server fails at once.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  let extensionOrigin = '';
  if (withExtension) {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // new URL(...).origin is "null" for non-web schemes: cut the address instead.
    extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
  }
  for (const page of context.pages()) await page.close().catch(() => {});
  return {
    name: 'chromium',
    extensionOrigin,
    newPage: async () => new ChromiumPage(await context.newPage()),
    async openExtensionPage(path, readySelector) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      await page.waitForSelector(readySelector, { timeout: 15_000 });
      return new ChromiumPage(page);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- Firefox

class FirefoxPage implements ReaderPage {
  readonly errors: string[] = [];
  constructor(private readonly page: PuppeteerPage) {
    page.on('pageerror', (e) =>
      this.errors.push(`pageerror: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    );
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') this.errors.push(`console.${m.type()}: ${m.text()}`);
    });
  }
  get url() {
    return this.page.url();
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (this.page as unknown as { evaluate: Evaluate }).evaluate(fn, arg);
  }
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs = 15_000) {
    await (this.page as unknown as { waitForFunction: PuppeteerWait }).waitForFunction(
      fn,
      { timeout: timeoutMs, polling: 50 },
      arg,
    );
  }
  click(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]);
  }
  async screenshot(path: string, clip?: Clip) {
    await this.page.screenshot({ path: path as `${string}.png`, ...(clip ? { clip } : {}) });
  }
  close() {
    return this.page.close();
  }
}

export async function launchFirefox(
  options: { extension?: boolean } = {},
): Promise<ExtensionBrowser & { installExtension(): Promise<void> }> {
  requireBrowser(FIREFOX_PATH, 'Firefox ESR');
  const extensionDir = join(repoRoot, 'dist/firefox');
  requireBuild(extensionDir);
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    // Lets the tests open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // Hermetic: everything but localhost goes to a closed port (Firefox never proxies localhost).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
    },
  });
  const installExtension = async () => {
    await browser.installExtension(extensionDir);
  };
  if (options.extension !== false) await installExtension();
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  return {
    name: 'firefox',
    extensionOrigin,
    installExtension,
    newPage: async () => new FirefoxPage(await browser.newPage()),
    async openExtensionPage(path, readySelector) {
      const page = await browser.newPage();
      // page.goto to a moz-extension:// page may never settle ("Frame detached") although the page loads, and
      // waitForSelector can fail outright when it evaluates mid-navigation: poll, and let errors mean "not yet".
      void page.goto(`${extensionOrigin}/${path}`).catch(() => {});
      const until = Date.now() + 15_000;
      for (;;) {
        // (page.url() keeps saying about:blank after such a navigation: ask the document itself.)
        const found = await page
          .evaluate(
            (selector, origin) =>
              location.href.startsWith(origin) && document.querySelector(selector) !== null,
            readySelector,
            extensionOrigin,
          )
          .catch(() => false);
        if (found) break;
        if (Date.now() > until) throw new Error(`${path}: no ${readySelector} after 15 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return new FirefoxPage(page);
    },
    async close() {
      await browser.close();
    },
  };
}

export function launch(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
