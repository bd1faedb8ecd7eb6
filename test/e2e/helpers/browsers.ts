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
import { evaluateInCardChromium, evaluateInCardFirefox, type InCard } from './closed-shadow';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const GECKO_ID = 'citelens@citelens.dev';
/** Fixed so the tests know the moz-extension:// origin (Firefox otherwise picks a random one per profile). */
const FIREFOX_EXTENSION_UUID = '6f1d2a8e-3c1b-4f0e-9a57-2e8b4c0d7a11';

/**
 * The test servers' names, under `.test` (reserved for testing): both browsers resolve them to 127.0.0.1, and
 * the test build reads them (src/background/test-build.ts), but not loopback addresses themselves.
 * `sources.citelens.test` and `elsewhere.test` are two sites.
 */
export const TEST_HOSTS = ['sources.citelens.test', 'elsewhere.test'];
/** Names Firefox resolves to 127.0.0.1 in the tests' profile (network.dns.localDomains). */
export const FIREFOX_TEST_HOSTS = TEST_HOSTS;
/**
 * A name that is not a test server's and resolves to 127.0.0.1 in the Firefox profile: a public-looking name
 * pointing into the reader's own machine, which the test build must refuse like the readers' build.
 */
export const LOOPBACK_ALIAS = 'loopback-alias.example';

export const VIEWPORT = { width: 1200, height: 900 };

// Both libraries type `evaluate` for their own handle types; the tests pass only plain data across.
type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
type PlaywrightWait = <A>(fn: (arg: A) => unknown, arg: A, options: { timeout: number }) => Promise<unknown>;

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
  /**
   * Runs `fn` with the card's (closed) shadow root, or null when no card is open, through the automation
   * protocol: the page's own scripts cannot do this (./closed-shadow.ts).
   */
  evaluateInCard<R, A>(fn: InCard<R, A>, arg: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** A real click; with `modifier`, that key is held down for it (a Ctrl-click opens a link in a new tab). */
  click(x: number, y: number, modifier?: 'Control' | 'Shift'): Promise<void>;
  /** Moves the real mouse there (hover). */
  hover(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /**
   * Evaluates a script's source text in the page as the automation protocol does (as developer tools' console
   * would), so an extension page's CSP, which forbids `eval`, does not stop it: to load axe-core into a page.
   */
  runScript(source: string): Promise<void>;
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
  /**
   * Makes the browser's answer to the extension's next `permissions.request` for these sites "allow", as a reader
   * would, without its prompt (which headless browsers cannot show): Chromium through chrome://extensions' own
   * site-access call, Firefox through its preference that skips optional-permission prompts (set at launch).
   */
  allowSites(patterns: string[]): Promise<void>;
  /** The addresses of every tab and window the browser has open (to see that no consent window opened). */
  pageUrls(): Promise<string[]>;
  /** The extension's own page that opens next (the consent window), once its selector is there. */
  waitForExtensionPage(pathPrefix: string, readySelector: string): Promise<ReaderPage>;
  close(): Promise<void>;
}

/** Which build to load: the one readers get, or the end-to-end tests' own (dist/test/<browser>). */
export type BuildKind = 'release' | 'test';

/**
 * How to start a browser: with or without the extension, which build, and in which language (a BCP 47 tag such
 * as "fr"; the browser's default, English, when absent). The browser needs its own strings for that language
 * (Debian's chromium-l10n, firefox-esr-l10n-<lang>), or it falls back to English and so does the extension.
 */
export interface LaunchOptions {
  extension?: boolean;
  build?: BuildKind;
  locale?: string;
}

/**
 * Where the builds are: this tree's dist, or CITELENS_DIST (another tree's dist, such as an old build the attack
 * tests must fail on).
 */
function buildDir(browser: 'chrome' | 'firefox', build: BuildKind): string {
  const dist = process.env.CITELENS_DIST || join(repoRoot, 'dist');
  return join(dist, build === 'test' ? `test/${browser}` : browser);
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
  evaluateInCard<R, A>(fn: InCard<R, A>, arg: A): Promise<R> {
    return evaluateInCardChromium(this.page, fn, arg);
  }
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs = 15_000) {
    await (this.page as unknown as { waitForFunction: PlaywrightWait }).waitForFunction(fn, arg, {
      timeout: timeoutMs,
    });
  }
  async click(x: number, y: number, modifier?: 'Control' | 'Shift') {
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.click(x, y);
    if (modifier) await this.page.keyboard.up(modifier);
  }
  hover(x: number, y: number) {
    return this.page.mouse.move(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  async runScript(source: string) {
    await this.page.evaluate(source);
  }
  async screenshot(path: string, clip?: Clip) {
    await this.page.screenshot({ path, ...(clip ? { clip } : {}) });
  }
  /** Playwright only: a script run in every document of the page before its own scripts. */
  addInitScript(fn: () => void) {
    return this.page.addInitScript(fn);
  }
  /**
   * Playwright only: evaluates an expression in the page's top frame inside the content-script world of the
   * extension at `extensionOrigin` (the isolated world CDP names by that origin), as a content script would.
   * Answers its value; a rejection comes back as an error.
   */
  async evaluateInContentScript<R>(extensionOrigin: string, expression: string): Promise<R> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const contexts: { id: number; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }[] =
        [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
      await cdp.send('Runtime.enable');
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const world = contexts.find(
        (c) =>
          c.origin === extensionOrigin &&
          c.auxData?.isDefault === false &&
          c.auxData.frameId === frameTree.frame.id,
      );
      if (!world) throw new Error(`no content-script world of ${extensionOrigin} in ${this.page.url()}`);
      const answer = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (answer.exceptionDetails)
        throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value as R;
    } finally {
      await cdp.detach().catch(() => {});
    }
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
  /** Runs a function in the extension's service worker (with one argument of plain data). */
  evaluateInWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Stops the extension's service worker, as Chrome does to an idle one; the next event starts it again. */
  stopWorker(): Promise<void>;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumBrowser> {
  requireBrowser(CHROMIUM_PATH, 'Chromium');
  const withExtension = options.extension !== false;
  const extensionDir = buildDir('chrome', options.build ?? 'release');
  if (withExtension) requireBuild(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'citelens-e2e-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    ignoreDefaultArgs: ['--disable-extensions'],
    // Chromium on Linux takes its interface language (and so the extension's _locales) from --lang or LANGUAGE;
    // `locale` also makes the pages' navigator.language and Intl agree with it.
    ...(options.locale ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale } } : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Hermetic: every host but the loopback test servers and their names fails at once.
      `--host-resolver-rules=${TEST_HOSTS.map((h) => `MAP ${h} 127.0.0.1, `).join('')}MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
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
    async allowSites(patterns) {
      // What the reader does under "Site access" on chrome://extensions; the extension's own request then
      // resolves without a prompt.
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      const id = extensionOrigin.split('/')[2] ?? '';
      await page.evaluate(
        async ({ extensionId, hosts }) => {
          const api = (globalThis as unknown as { chrome: DeveloperPrivate }).chrome.developerPrivate;
          for (const host of hosts) await api.addHostPermission(extensionId, host);
        },
        { extensionId: id, hosts: patterns },
      );
      await page.close();
    },
    async pageUrls() {
      return context.pages().map((p) => p.url());
    },
    async waitForExtensionPage(pathPrefix, readySelector) {
      const url = `${extensionOrigin}/${pathPrefix}`;
      const page =
        context.pages().find((p) => p.url().startsWith(url)) ??
        (await context.waitForEvent('page', { predicate: (p) => p.url().startsWith(url), timeout: 15_000 }));
      await page.waitForSelector(readySelector, { timeout: 15_000 });
      return new ChromiumPage(page);
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async evaluateInWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
      if (!worker) throw new Error('no extension service worker');
      return (worker as unknown as { evaluate: Evaluate }).evaluate(fn, arg as A) as Promise<R>;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** chrome://extensions' own API, which the tests use to play the reader's "Site access" choice. */
/** The one call of Puppeteer's BiDi connection used here. */
interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
}

interface DeveloperPrivate {
  developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> };
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
  /**
   * Firefox ESR's remote agent can fail a navigation with "Address rejected" although the page itself loaded: a
   * saved page's embed (news-citylimits-nycha's video frames) to a site the tests' profile cannot reach shows an
   * error page, which the agent takes for the navigation's. Then the page counts as loaded once it is the
   * document asked for and has finished loading; anything else is still an error.
   */
  async goto(url: string) {
    try {
      await this.page.goto(url, { waitUntil: 'load' });
    } catch (error) {
      // Under load Firefox's remote agent sometimes reports the navigation aborted (NS_BINDING_ABORTED) when the
      // previous page was still settling: asking once more is what a reader pressing Enter again would do.
      if (/NS_BINDING_ABORTED/.test(String(error))) {
        await this.page.goto(url, { waitUntil: 'load' });
        return;
      }
      if (!/Address rejected/.test(String(error))) throw error;
      await this.waitFor(
        (wanted) => document.readyState === 'complete' && location.href === wanted,
        url,
        15_000,
      ).catch(() => {
        throw error;
      });
    }
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (this.page as unknown as { evaluate: Evaluate }).evaluate(fn, arg);
  }
  evaluateInCard<R, A>(fn: InCard<R, A>, arg: A): Promise<R> {
    return evaluateInCardFirefox(this.page, fn, arg);
  }
  /**
   * Polls with `evaluate`, not Puppeteer's `waitForFunction`: the latter rebuilds the predicate with `Function()`
   * inside the page, which an extension page's CSP (`script-src 'self'`) blocks in Firefox ESR 140.
   */
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown = null;
    for (;;) {
      try {
        if (await this.evaluate(fn, arg)) return;
        lastError = null;
      } catch (error) {
        lastError = error; // the page is navigating or its context is not ready yet
      }
      if (Date.now() > deadline)
        throw new Error(
          `Waiting failed: ${timeoutMs} ms exceeded${lastError ? ` (${String(lastError)})` : ''}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  async click(x: number, y: number, modifier?: 'Control' | 'Shift') {
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.click(x, y);
    if (modifier) await this.page.keyboard.up(modifier);
  }
  hover(x: number, y: number) {
    return this.page.mouse.move(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]);
  }
  /**
   * BiDi's own `browsingContext.setViewport`: Puppeteer's `setViewport` also sets the screen orientation, a
   * command Firefox ESR's remote agent does not know.
   */
  async setViewport(size: { width: number; height: number }) {
    const connection = (this.page.browser() as unknown as { connection: BidiConnection }).connection;
    const context = (this.page.mainFrame() as unknown as { _id: string })._id;
    await connection.send('browsingContext.setViewport', { context, viewport: size });
  }
  async runScript(source: string) {
    await this.page.evaluate(source);
  }
  async screenshot(path: string, clip?: Clip) {
    await this.page.screenshot({ path: path as `${string}.png`, ...(clip ? { clip } : {}) });
  }
  close() {
    return this.page.close();
  }
}

export async function launchFirefox(
  options: LaunchOptions = {},
): Promise<ExtensionBrowser & { installExtension(): Promise<void> }> {
  requireBrowser(FIREFOX_PATH, 'Firefox ESR');
  const extensionDir = buildDir('firefox', options.build ?? 'release');
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
      // Test host names that are not loopback names (Firefox exempts 127.0.0.1 and localhost from some rules, such
      // as the upgrade of http to https): resolved to 127.0.0.1 and not proxied.
      'network.dns.localDomains': [...FIREFOX_TEST_HOSTS, LOOPBACK_ALIAS].join(','),
      'network.proxy.no_proxies_on': [...FIREFOX_TEST_HOSTS, LOOPBACK_ALIAS].join(','),
      // A headless browser cannot show the optional-permission prompt: answer "allow" for the reader.
      'extensions.webextOptionalPermissionPrompts': false,
      // The interface language (and so the extension's _locales): needs the language pack installed.
      ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
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
      await waitForDocument(page, `${extensionOrigin}/`, readySelector, path);
      return new FirefoxPage(page);
    },
    async allowSites() {
      // extensions.webextOptionalPermissionPrompts is off in this profile: requests are granted as asked.
    },
    async pageUrls() {
      // page.url() can lag behind in Firefox: ask each document.
      const pages = await browser.pages();
      return Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => p.url())));
    },
    async waitForExtensionPage(pathPrefix, readySelector) {
      const url = `${extensionOrigin}/${pathPrefix}`;
      const until = Date.now() + 15_000;
      for (;;) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(url)) {
            await waitForDocument(page, url, readySelector, pathPrefix);
            return new FirefoxPage(page);
          }
        }
        if (Date.now() > until) throw new Error(`no ${pathPrefix} page opened after 15 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/** Polls until the document at `prefix` holds `selector` (page.url() can lag behind in Firefox). */
async function waitForDocument(page: PuppeteerPage, prefix: string, selector: string, what: string) {
  const until = Date.now() + 15_000;
  for (;;) {
    const found = await page
      .evaluate(
        (s, origin) => location.href.startsWith(origin) && document.querySelector(s) !== null,
        selector,
        prefix,
      )
      .catch(() => false);
    if (found) return;
    if (Date.now() > until) throw new Error(`${what}: no ${selector} after 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function launch(
  name: BrowserName,
  build: BuildKind = 'release',
  options: Omit<LaunchOptions, 'build'> = {},
): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium({ ...options, build }) : launchFirefox({ ...options, build });
}
