/**
 * Every hop checked (issue 7): with `redirects: "manual"` (the CLI) each redirect's next address is judged by the
 * host policy, the reader's consent and what its name resolves to before it is asked. The fetch is a fake that
 * records what was asked, so a refused hop is one never requested.
 */
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/core/fetch/fetch-source';
import { privateAddressReason, privateHostReason } from '../../../src/core/fetch/host-policy';

const PAGE = `<!doctype html><html><head><title>A page</title></head><body><article>${'<p>A long enough paragraph of real article text for the page to count as a page.</p>'.repeat(8)}</article></body></html>`;

/** A fake web: each URL answers a redirect (string) or the page (null). */
function web(routes: Record<string, string | null>) {
  const asked: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const to = routes[url];
    if (to === undefined) return new Response('no', { status: 404 });
    if (to === null) return new Response(PAGE, { status: 200, headers: { 'content-type': 'text/html' } });
    return new Response(null, { status: 302, headers: { location: to } });
  }) as typeof globalThis.fetch;
  return { asked, fetch };
}
const publicDns = async () => ['93.184.215.14'];

describe('manual redirects: every hop checked before it is asked', () => {
  it('follows allowed hops and reports where it ended', async () => {
    const w = web({
      'https://a.example/1': '/2',
      'https://a.example/2': 'https://b.example/3',
      'https://b.example/3': null,
    });
    const status = await fetchSource('https://a.example/1', {
      fetch: w.fetch,
      redirects: 'manual',
      resolveHost: publicDns,
    });
    expect(status.kind).toBe('redirected');
    expect('finalUrl' in status && status.finalUrl).toBe('https://b.example/3');
    expect(w.asked).toEqual(['https://a.example/1', 'https://a.example/2', 'https://b.example/3']);
  });

  it('refuses a hop to a site the reader never allowed, without asking it', async () => {
    const w = web({ 'https://a.example/1': 'https://never.example/x', 'https://never.example/x': null });
    const mayRead = (url: string) => new URL(url).hostname === 'a.example';
    const status = await fetchSource('https://a.example/1', { fetch: w.fetch, redirects: 'manual', mayRead });
    expect(status.kind).toBe('refused');
    expect(status.kind === 'refused' && status.reason).toMatch(
      /never\.example is not a site the reader allowed/,
    );
    expect(w.asked).toEqual(['https://a.example/1']);
  });

  it('refuses a hop through loopback, a private address or an odd IPv4 spelling', async () => {
    for (const target of [
      'http://127.0.0.1/admin',
      'http://[::1]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://10.0.0.1/',
      'http://[64:ff9b::7f00:1]/',
    ]) {
      const w = web({ 'https://a.example/1': target });
      const status = await fetchSource('https://a.example/1', { fetch: w.fetch, redirects: 'manual' });
      expect(status.kind, target).toBe('refused');
      expect(w.asked, target).toEqual(['https://a.example/1']);
    }
  });

  it('resolves every hop and refuses a name that points at loopback', async () => {
    const w = web({ 'https://a.example/1': 'https://inside.example/', 'https://inside.example/': null });
    const resolveHost = async (host: string) =>
      host === 'inside.example' ? ['93.184.215.14', '127.0.0.1'] : ['93.184.215.14'];
    const status = await fetchSource('https://a.example/1', {
      fetch: w.fetch,
      redirects: 'manual',
      resolveHost,
    });
    expect(status.kind).toBe('refused');
    expect(status.kind === 'refused' && status.reason).toMatch(
      /inside\.example resolves to a loopback address/,
    );
    expect(w.asked).toEqual(['https://a.example/1']);
  });

  it('caps the hops', async () => {
    const routes: Record<string, string> = {};
    for (let i = 0; i < 30; i++) routes[`https://a.example/${i}`] = `/${i + 1}`;
    const w = web(routes);
    const status = await fetchSource('https://a.example/0', {
      fetch: w.fetch,
      redirects: 'manual',
      maxHops: 5,
    });
    expect(status.kind).toBe('redirect-loop');
    expect(w.asked).toHaveLength(6);
  });

  it('a platform that hides the Location (a browser) is refused, not followed blindly', async () => {
    const fetch = (async () => Response.error()) as unknown as typeof globalThis.fetch;
    const opaque = (async () =>
      ({
        type: 'opaqueredirect',
        status: 0,
        headers: new Headers(),
        body: null,
      }) as unknown as Response) as typeof globalThis.fetch;
    expect((await fetchSource('https://a.example/1', { fetch: opaque, redirects: 'manual' })).kind).toBe(
      'refused',
    );
    expect((await fetchSource('https://a.example/1', { fetch, redirects: 'manual', retries: 0 })).kind).toBe(
      'error',
    );
  });
});

describe('host policy: special-purpose ranges and spellings', () => {
  it.each([
    ['127.0.0.1'],
    ['198.18.0.1'],
    ['198.19.255.255'],
    ['192.0.0.8'],
    ['192.0.2.1'],
    ['198.51.100.7'],
    ['203.0.113.9'],
    ['240.0.0.1'],
    ['255.255.255.255'],
    ['100.64.0.1'],
    ['::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['64:ff9b::a00:1'],
    ['64:ff9b:1::1'],
    ['2002:7f00:1::'],
    ['2001:0:4136:e378::1'],
    ['2001:db8::1'],
    ['100::1'],
    ['fe80::1'],
    ['fd00::1'],
    ['ff02::1'],
    ['0177.0.0.1'],
    ['0x7f.0.0.1'],
    ['2130706433'],
    ['127.1'],
  ])('refuses %s', (address) => {
    expect(privateAddressReason(address)).not.toBeNull();
  });

  it.each([
    ['93.184.215.14'],
    ['8.8.8.8'],
    ['2606:4700::1111'],
    ['2a00:1450::1'],
    ['198.20.0.1'],
    ['2001:4860::8888'],
  ])('accepts the public %s', (address) => {
    expect(privateAddressReason(address)).toBeNull();
  });

  it('refuses double trailing dots and empty labels, accepts one rooting dot', () => {
    expect(privateHostReason('example.com..')).toBe('not a valid host name');
    expect(privateHostReason('example..com')).toBe('not a valid host name');
    expect(privateHostReason('example.com.')).toBeNull();
    expect(privateHostReason('localhost.')).toBe('a loopback name');
  });
});
