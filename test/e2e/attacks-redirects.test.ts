/**
 * Attacks on the source fetch through redirects (issue 7), in real Chromium and real Firefox ESR with the test
 * build. The test build reads only the test servers' names (`*.test`, resolved to 127.0.0.1 by the browsers),
 * never loopback addresses or other names pointing at them, so these play the real policy:
 *  (a) a site the reader allowed redirects through a site the reader never allowed (and back): the hop is
 *      refused before it is asked, and nothing is read;
 *  (b) a site the reader allowed redirects to http://127.0.0.1: refused, never asked;
 *  (c) Firefox: a source on a name that is no test server's and resolves to 127.0.0.1: refused (browser.dns).
 * And the control that keeps them honest: a redirect between pages of an allowed site is followed and read, so
 * the browser did show CiteLens each redirect's Location.
 *
 * Each attack fails on the build before the fix: `CITELENS_DIST=<old tree>/dist npx vitest run <this file>`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type ExtensionBrowser,
  LOOPBACK_ALIAS,
  launch,
  type ReaderPage,
  TEST_HOSTS,
} from './helpers/browsers';
import { type PopupCheckView, readPopupCheck } from './helpers/check-reader';
import { Control, clickElement } from './helpers/reader';
import { sendHtml } from './helpers/respond';

const [ALLOWED, NEVER] = TEST_HOSTS as [string, string];

const SOURCE_PAGE = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>The river rose two metres overnight and the old bridge was closed to traffic on Monday, the council said.</p>'.repeat(6)}</article></body></html>`;

/** An article whose references point at `sources`, one claim citing each. */
function article(sources: string[]): string {
  const claims = sources
    .map((_, i) => `<p>The council reported event number ${i + 1} on the river this week [${i + 1}].</p>`)
    .join('\n');
  const references = sources
    .map((url, i) => `<p>[${i + 1}] River News — Report ${i + 1} — <a href="${url}">${url}</a></p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>River report</title></head><body><article><h1>River report</h1><div class="article-body">\n${claims}\n</div><section class="references"><h2>References</h2>\n${references}\n</section></article></body></html>`;
}

interface RedirectServer {
  port: number;
  /** Every request, as host:port/path. */
  readonly asked: string[];
  url(host: string, path: string): string;
  close(): Promise<void>;
}

/** One loopback server for every name; what it answers depends on the path, and it logs the Host asked. */
async function startRedirectServer(): Promise<RedirectServer> {
  const asked: string[] = [];
  let port = 0;
  const url = (host: string, path: string) => `http://${host}:${port}${path}`;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    asked.push(`${req.headers.host ?? ''}${path}`);
    const go = (location: string) => res.writeHead(302, { location, 'cache-control': 'no-store' }).end();
    const page = (body: string) => sendHtml(res, body);
    switch (path) {
      case '/article':
        return page(
          article([url(ALLOWED, '/moved/start'), url(ALLOWED, '/a/start'), url(ALLOWED, '/b/start')]),
        );
      case '/article-dns':
        return page(article([url(ALLOWED, '/c/ok'), url(LOOPBACK_ALIAS, '/c/inside')]));
      // The control: a move within the allowed site, relative Location and all.
      case '/moved/start':
        return go('/moved/page');
      case '/moved/page':
      case '/c/ok':
        return page(SOURCE_PAGE('River report, moved'));
      // (a) Out through a site the reader never allowed, and back to a page of the allowed one.
      case '/a/start':
        return go(url(NEVER, '/a/bounce'));
      case '/a/bounce':
        return go(url(ALLOWED, '/a/landing'));
      case '/a/landing':
        return page(SOURCE_PAGE('Landed after the bounce'));
      // (b) Into the reader's own machine.
      case '/b/start':
        return go(`http://127.0.0.1:${port}/b/inside`);
      case '/b/inside':
      case '/c/inside':
        return page(SOURCE_PAGE('Inside the reader’s machine'));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    asked,
    url,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s: every redirect hop is checked', (browserName) => {
  let server: RedirectServer;
  let browser: ExtensionBrowser;
  let control: Control;
  const pages: ReaderPage[] = [];

  /** Opens an article, lets the reader allow its sources' sites and check them in the popup; the result. */
  const checkArticle = async (path: string, sites: string[]): Promise<PopupCheckView> => {
    const page = await browser.newPage();
    pages.push(page);
    const url = server.url(ALLOWED, path);
    await page.goto(url);
    const tab = await control.tabId(url);
    await control.ready(tab, url);
    await browser.allowSites(sites.map((s) => `http://${s}/*`));
    const popup = await control.openPopup(tab);
    await clickElement(popup, 'button.check-sources');
    await popup.waitFor(
      () => document.querySelector('.check-panel')?.getAttribute('data-check') === 'done',
      null,
      30_000,
    );
    const view = await readPopupCheck(popup);
    await popup.close();
    return view;
  };
  let main: Promise<PopupCheckView>;

  beforeAll(async () => {
    server = await startRedirectServer();
    browser = await launch(browserName, 'test');
    control = await Control.open(browser);
    await control.setSettings(null);
    main = checkArticle('/article', [ALLOWED]);
    // A failed check fails the tests that read it, not the hook.
    main.catch(() => {});
  }, 90_000);

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  const source = async (label: string) => {
    const view = await main;
    expect(view.check).toBe('done');
    const found = view.sources.find((s) => s.label === label);
    if (!found) throw new Error(`no source ${label} in ${JSON.stringify(view.sources)}`);
    return found;
  };
  const host = (name: string) => `${name}:${server.port}`;

  it('control: a redirect within the allowed site is followed hop by hop and read', async () => {
    expect((await source('1')).status).toBe('ok');
    expect(server.asked).toContain(`${host(ALLOWED)}/moved/page`);
  }, 60_000);

  it('(a) a redirect through a site the reader never allowed is refused before that site is asked', async () => {
    const bounced = await source('2');
    expect(bounced.status).toBe('refused');
    expect(bounced.statusText).toContain(`${NEVER} is not a site the reader allowed`);
    expect(server.asked.filter((a) => a.startsWith(host(NEVER)))).toEqual([]);
    expect(server.asked).not.toContain(`${host(ALLOWED)}/a/landing`);
  }, 60_000);

  it('(b) a redirect to a loopback address is refused, never asked', async () => {
    const inside = await source('3');
    expect(inside.status).toBe('refused');
    expect(inside.statusText).toContain('a loopback address');
    expect(server.asked.filter((a) => a.startsWith(`127.0.0.1:${server.port}`))).toEqual([]);
  }, 60_000);

  it.runIf(browserName === 'firefox')(
    '(c) a source whose name resolves to loopback (not a test server’s name) is refused, never asked',
    async () => {
      const view = await checkArticle('/article-dns', [ALLOWED, LOOPBACK_ALIAS]);
      expect(view.sources.map((s) => s.status)).toEqual(['ok', 'refused']);
      expect(view.sources[1]?.statusText).toContain(`${LOOPBACK_ALIAS} resolves to a loopback address`);
      expect(server.asked.filter((a) => a.startsWith(host(LOOPBACK_ALIAS)))).toEqual([]);
    },
    90_000,
  );
});
