/**
 * The background's redirect-aware fetch, against a fake browser: a platform fetch that answers a manual redirect
 * as browsers answer extensions (an "opaqueredirect" with no Location) and a fake `webRequest.onHeadersReceived`
 * that reports the 3xx before or after the fetch resolves, or never. Then with the core's manual loop: every hop
 * checked against the reader's consent and the host policy.
 */
import { describe, expect, it } from 'vitest';
import {
  type HeadersReceivedDetails,
  type HeadersReceivedEvent,
  redirectAwareFetch,
} from '../../../src/background/redirect-aware-fetch';
import { fetchSource } from '../../../src/core/fetch/fetch-source';

const OWN = 'chrome-extension://abcdefghijklmnop/';
const PAGE = `<!doctype html><html><head><title>Joint ventures</title></head><body><article>${'<p>The two companies formed a joint venture to build data centres in Tennessee and elsewhere.</p>'.repeat(6)}</article></body></html>`;

class FakeEvents implements HeadersReceivedEvent {
  listeners: ((details: HeadersReceivedDetails) => void)[] = [];
  filters: unknown[] = [];
  addListener(
    listener: (details: HeadersReceivedDetails) => void,
    filter: { urls: string[]; tabId?: number },
    extraInfoSpec?: string[],
  ) {
    this.listeners.push(listener);
    this.filters.push({ filter, extraInfoSpec });
  }
  removeListener(listener: (details: HeadersReceivedDetails) => void) {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  emit(details: Partial<HeadersReceivedDetails> & { url: string }) {
    const full: HeadersReceivedDetails = {
      statusCode: 302,
      tabId: -1,
      initiator: OWN.slice(0, -1),
      ...details,
    };
    for (const l of this.listeners) l(full);
  }
}

/** What a browser's fetch gives an extension for a manual redirect. */
const opaqueRedirect = () =>
  ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null, url: '' }) as unknown as Response;

const redirect = (url: string, location: string, status = 302) => ({
  url,
  statusCode: status,
  responseHeaders: [
    { name: 'Content-Type', value: 'text/html' },
    { name: 'Location', value: location },
  ],
});

type When = 'before' | 'after' | 'never';

/**
 * A fake browser: `routes` maps a URL to a page (a string) or a redirect's Location; `when` says when the network
 * event for each redirect arrives relative to the fetch's answer. `asked` lists the URLs fetched, in order.
 */
function fakeBrowser(routes: Record<string, string | { location: string }>, when: When = 'before') {
  const events = new FakeEvents();
  const asked: string[] = [];
  const platformFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(url);
    const route = routes[url];
    if (route === undefined) return new Response('not found', { status: 404 });
    if (typeof route === 'string')
      return new Response(route, { status: 200, headers: { 'content-type': 'text/html' } });
    if (init?.redirect !== 'manual') throw new Error('this fake follows nothing');
    const details = redirect(url.replace(/#.*$/, ''), route.location);
    if (when === 'before') events.emit(details);
    if (when === 'after') setTimeout(() => events.emit(details), 5);
    return opaqueRedirect();
  }) as typeof fetch;
  const wrapped = redirectAwareFetch({ events, ownOrigin: OWN, fetch: platformFetch, waitMs: 200 });
  return { events, asked, fetch: wrapped };
}

describe('redirectAwareFetch', () => {
  it.each<When>(['before', 'after'])(
    'turns an opaque redirect into a 3xx with its Location when the event comes %s the answer',
    async (when) => {
      const { fetch } = fakeBrowser({ 'https://a.example/start': { location: '/next' } }, when);
      const response = await fetch('https://a.example/start', { redirect: 'manual' });
      expect(response.type).not.toBe('opaqueredirect');
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/next');
    },
  );

  it('keeps a redirect whose Location never shows opaque, after a bounded wait', async () => {
    const { fetch } = fakeBrowser({ 'https://a.example/start': { location: '/next' } }, 'never');
    const started = Date.now();
    const response = await fetch('https://a.example/start', { redirect: 'manual' });
    expect(response.type).toBe('opaqueredirect');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops waiting when the request is aborted', async () => {
    const { fetch } = fakeBrowser({ 'https://a.example/start': { location: '/next' } }, 'never');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const started = Date.now();
    const response = await fetch('https://a.example/start', {
      redirect: 'manual',
      signal: controller.signal,
    });
    expect(response.type).toBe('opaqueredirect');
    expect(Date.now() - started).toBeLessThan(150);
  });

  it('ignores redirects seen in tabs, started by others, without a Location or not a redirect', async () => {
    const events = new FakeEvents();
    const url = 'https://a.example/start';
    const wrapped = redirectAwareFetch({
      events,
      ownOrigin: OWN,
      waitMs: 50,
      fetch: (async () => {
        events.emit({ ...redirect(url, 'https://tab.example/'), tabId: 7 });
        events.emit({ ...redirect(url, 'https://other.example/'), initiator: 'chrome-extension://zzzz' });
        events.emit({ ...redirect(url, 'https://page.example/'), initiator: 'https://a.example' });
        events.emit({ url, statusCode: 302, responseHeaders: [] });
        events.emit({ ...redirect(url, 'https://ok.example/'), statusCode: 200 });
        return opaqueRedirect();
      }) as typeof fetch,
    });
    expect((await wrapped(url, { redirect: 'manual' })).type).toBe('opaqueredirect');
  });

  it("reads Firefox's originUrl as well as Chrome's initiator", async () => {
    const events = new FakeEvents();
    const own = 'moz-extension://6f1d2a8e/';
    const url = 'https://a.example/start';
    const wrapped = redirectAwareFetch({
      events,
      ownOrigin: own,
      fetch: (async () => {
        events.emit({
          ...redirect(url, 'https://b.example/'),
          initiator: undefined,
          originUrl: `${own}_generated_background_page.html`,
        });
        return opaqueRedirect();
      }) as typeof fetch,
    });
    expect((await wrapped(url, { redirect: 'manual' })).headers.get('location')).toBe('https://b.example/');
  });

  it('gives two answers for the same URL one event each, in order', async () => {
    const events = new FakeEvents();
    const url = 'https://a.example/start';
    const wrapped = redirectAwareFetch({
      events,
      ownOrigin: OWN,
      fetch: (async () => opaqueRedirect()) as typeof fetch,
    });
    const first = wrapped(url, { redirect: 'manual' });
    const second = wrapped(url, { redirect: 'manual' });
    setTimeout(() => {
      events.emit(redirect(url, '/one'));
      events.emit(redirect(url, '/two'));
    }, 5);
    const locations = (await Promise.all([first, second])).map((r) => r.headers.get('location'));
    expect(locations).toEqual(['/one', '/two']);
  });

  it('listens to the extension’s own requests with their response headers, and passes other fetches through', async () => {
    const { fetch, events } = fakeBrowser({ 'https://a.example/page': PAGE });
    const response = await fetch('https://a.example/page');
    expect(response.status).toBe(200);
    expect(events.listeners).toHaveLength(0);
    await fetch('https://a.example/page', { redirect: 'manual' });
    await fetch('https://a.example/page', { redirect: 'manual' });
    expect(events.filters).toEqual([
      { filter: { urls: ['http://*/*', 'https://*/*'], tabId: -1 }, extraInfoSpec: ['responseHeaders'] },
    ]);
  });
});

describe('the core’s manual redirects with the redirect-aware fetch', () => {
  const allowed = (sites: string[]) => (url: string) => sites.includes(new URL(url).hostname);

  it.each<When>(['before', 'after'])(
    'follows hops on allowed sites and reads the last (event %s the answer)',
    async (when) => {
      const browser = fakeBrowser(
        {
          'https://a.example/start': { location: 'https://b.example/moved' },
          'https://b.example/moved': { location: '/page' },
          'https://b.example/page': PAGE,
        },
        when,
      );
      const status = await fetchSource('https://a.example/start', {
        fetch: browser.fetch,
        redirects: 'manual',
        mayRead: allowed(['a.example', 'b.example']),
      });
      expect(status.kind).toBe('redirected');
      expect(status.kind === 'redirected' && status.finalUrl).toBe('https://b.example/page');
      expect(browser.asked).toEqual([
        'https://a.example/start',
        'https://b.example/moved',
        'https://b.example/page',
      ]);
    },
  );

  it('refuses a hop to a site the reader never allowed, even one that redirects back, without asking it', async () => {
    const browser = fakeBrowser({
      'https://a.example/start': { location: 'https://never.example/bounce' },
      'https://never.example/bounce': { location: 'https://a.example/page' },
      'https://a.example/page': PAGE,
    });
    const status = await fetchSource('https://a.example/start', {
      fetch: browser.fetch,
      redirects: 'manual',
      mayRead: allowed(['a.example']),
    });
    expect(status).toEqual({
      kind: 'refused',
      url: 'https://a.example/start',
      reason: 'redirected: never.example is not a site the reader allowed',
    });
    expect(browser.asked).toEqual(['https://a.example/start']);
  });

  it('refuses a hop through loopback, and one whose name resolves to a private address', async () => {
    const browser = fakeBrowser({
      'https://a.example/start': { location: 'http://127.0.0.1:8080/admin' },
      'https://a.example/alias': { location: 'https://intranet.example/admin' },
    });
    const loopback = await fetchSource('https://a.example/start', {
      fetch: browser.fetch,
      redirects: 'manual',
    });
    expect(loopback.kind === 'refused' && loopback.reason).toMatch(/^redirected to .*loopback/);
    const alias = await fetchSource('https://a.example/alias', {
      fetch: browser.fetch,
      redirects: 'manual',
      resolveHost: async (host) => (host === 'intranet.example' ? ['10.0.0.5'] : ['93.184.216.34']),
    });
    expect(alias.kind === 'refused' && alias.reason).toMatch(/^redirected: intranet\.example resolves to /);
    expect(browser.asked).toEqual(['https://a.example/start', 'https://a.example/alias']);
  });

  it('refuses a redirect whose Location never showed, never following it blindly', async () => {
    const browser = fakeBrowser(
      { 'https://a.example/start': { location: 'https://b.example/page' }, 'https://b.example/page': PAGE },
      'never',
    );
    const status = await fetchSource('https://a.example/start', {
      fetch: browser.fetch,
      redirects: 'manual',
      mayRead: () => true,
    });
    expect(status).toEqual({
      kind: 'refused',
      url: 'https://a.example/start',
      reason: 'redirected, and the browser did not say where to (not followed)',
    });
    expect(browser.asked).toEqual(['https://a.example/start']);
  });

  it('caps the hops', async () => {
    const browser = fakeBrowser({ 'https://a.example/loop': { location: '/loop' } });
    const status = await fetchSource('https://a.example/loop', {
      fetch: browser.fetch,
      redirects: 'manual',
      maxHops: 3,
    });
    expect(status.kind).toBe('redirect-loop');
    expect(browser.asked).toHaveLength(4);
  });
});
