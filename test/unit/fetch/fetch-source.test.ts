import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/core/fetch/fetch-source';
import { FetchQueue } from '../../../src/core/fetch/queue';

const ARTICLE = `<!doctype html><html><head><title>MCP flaw</title></head><body><article><h1>MCP flaw</h1>${'<p>Researchers found 200000 servers exposing a command execution flaw in the protocol used by AI agents.</p>'.repeat(6)}</article></body></html>`;
const html = (body: string, title = 'Page') =>
  `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

let server: Server;
let base: string;
const hits = new Map<string, number>();
let largeBytesSent = 0;

function route(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const send = (
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  switch (path) {
    case '/article':
      return send(200, 'text/html; charset=utf-8', ARTICLE);
    case '/missing':
      return send(404, 'text/html', html('<p>Not here</p>', 'Not found'));
    case '/gone':
      return send(410, 'text/html', html('<p>Gone</p>'));
    case '/soft404':
      return send(
        200,
        'text/html',
        html(
          `<h1>Page not found</h1><p>${'Try the search box or our home page. '.repeat(20)}</p>`,
          'Page not found | News',
        ),
      );
    case '/loop':
      res.writeHead(302, { location: '/loop-b' });
      return void res.end();
    case '/loop-b':
      res.writeHead(302, { location: '/loop' });
      return void res.end();
    case '/slow': {
      const timer = setTimeout(() => send(200, 'text/html', ARTICLE), 3000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case '/large': {
      // Streams up to 50 MB in 64 KB chunks, stopping as soon as the client hangs up.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let closed = false;
      res.on('close', () => {
        closed = true;
      });
      const pump = () => {
        while (!closed && largeBytesSent < 50 * 1024 * 1024) {
          largeBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!closed) res.end();
      };
      return pump();
    }
    case '/declared-large':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(40 * 1024 * 1024) });
      return void res.end();
    case '/paper.pdf':
      return send(200, 'application/pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
    case '/untyped-pdf':
      return send(200, 'application/octet-stream', Buffer.from('%PDF-1.4\n'));
    case '/busy':
      if ((hits.get(path) ?? 0) === 1) return send(429, 'text/plain', 'slow down', { 'retry-after': '1' });
      return send(200, 'text/html', ARTICLE);
    case '/always-busy':
      return send(503, 'text/plain', 'down');
    case '/busy-long':
      return send(429, 'text/plain', 'come back tomorrow', { 'retry-after': '86400' });
    case '/login':
      return send(
        200,
        'text/html',
        html(
          '<form><input name="user"><input type="password" name="pw"></form><p>Sign in to continue.</p>',
          'Log in',
        ),
      );
    case '/forbidden':
      return send(403, 'text/html', html('<p>Forbidden</p>'));
    case '/latin1': {
      // "Café." with é as the single byte 0xE9, as Latin-1 writes it.
      const [head = '', tail = ''] = ARTICLE.split('</article>');
      return send(
        200,
        'text/html; charset=iso-8859-1',
        Buffer.concat([
          Buffer.from(`${head}<p>Caf`),
          Buffer.from([0xe9]),
          Buffer.from(`.</p></article>${tail}`),
        ]),
      );
    }
    default:
      return send(500, 'text/plain', 'no such route');
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local = { allowPrivateHosts: true };

describe('fetchSource against a local server', () => {
  it('reads a supporting page', async () => {
    const status = await fetchSource(`${base}/article`, local);
    expect(status.kind).toBe('ok');
    if (status.kind !== 'ok') return;
    expect(status.html).toContain('200000 servers');
    expect(status.finalUrl).toBe(`${base}/article`);
  });

  it('decodes the charset the server names', async () => {
    const status = await fetchSource(`${base}/latin1`, local);
    expect(status.kind === 'ok' && status.html.includes('Café.')).toBe(true);
  });

  it('reports 404 and 410 as dead', async () => {
    expect(await fetchSource(`${base}/missing`, local)).toMatchObject({
      kind: 'dead',
      reason: 'not-found',
      httpStatus: 404,
    });
    expect(await fetchSource(`${base}/gone`, local)).toMatchObject({
      kind: 'dead',
      reason: 'gone',
      httpStatus: 410,
    });
  });

  it('reports a “page not found” served with 200 as dead', async () => {
    expect(await fetchSource(`${base}/soft404`, local)).toMatchObject({
      kind: 'dead',
      reason: 'soft-404',
      httpStatus: 200,
    });
  });

  it('reports a redirect loop', async () => {
    expect(await fetchSource(`${base}/loop`, local)).toMatchObject({ kind: 'redirect-loop' });
  });

  it('gives up on a slow server at the timeout', async () => {
    const started = Date.now();
    expect(await fetchSource(`${base}/slow`, { ...local, timeoutMs: 200 })).toMatchObject({
      kind: 'timeout',
      afterMs: 200,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('cuts a large body at the cap without reading it all', async () => {
    const cap = 1024 * 1024;
    expect(await fetchSource(`${base}/large`, { ...local, maxBytes: cap })).toMatchObject({
      kind: 'too-large',
      limitBytes: cap,
    });
    // The server may have buffered a little past the cap before it saw the hang-up, never the 50 MB.
    expect(largeBytesSent).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a declared length over the cap before reading', async () => {
    expect(await fetchSource(`${base}/declared-large`, local)).toMatchObject({ kind: 'too-large' });
  });

  it('says “pdf” for a PDF, declared or sniffed', async () => {
    expect(await fetchSource(`${base}/paper.pdf`, local)).toEqual({
      kind: 'not-html',
      url: `${base}/paper.pdf`,
      format: 'pdf',
    });
    expect(await fetchSource(`${base}/untyped-pdf`, local)).toMatchObject({
      kind: 'not-html',
      format: 'pdf',
    });
  });

  it('waits as asked after a 429, then reads the page', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const status = await fetchSource(`${base}/busy`, { ...local, sleep });
    expect(status.kind).toBe('ok');
    expect(waits).toEqual([1000]);
    expect(hits.get('/busy')).toBe(2);
  });

  it('stops retrying after a bounded number of attempts, backing off', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const status = await fetchSource(`${base}/always-busy`, { ...local, sleep, retries: 2, backoffMs: 100 });
    expect(status).toMatchObject({ kind: 'error', httpStatus: 503 });
    expect(waits).toEqual([100, 200]);
    expect(hits.get('/always-busy')).toBe(3);
  });

  it('does not wait for a Retry-After past the cap', async () => {
    const waits: number[] = [];
    const status = await fetchSource(`${base}/busy-long`, {
      ...local,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(status).toMatchObject({ kind: 'error', httpStatus: 429 });
    expect(waits).toEqual([]);
  });

  it('reports a login wall and a 403 as blocked', async () => {
    expect(await fetchSource(`${base}/login`, local)).toMatchObject({
      kind: 'blocked',
      reason: 'login-wall',
    });
    expect(await fetchSource(`${base}/forbidden`, local)).toMatchObject({
      kind: 'blocked',
      reason: 'forbidden',
      httpStatus: 403,
    });
  });

  it('refuses the loopback server by default and never asks it', async () => {
    const before = hits.get('/article') ?? 0;
    expect(await fetchSource(`${base}/article`)).toMatchObject({ kind: 'refused' });
    expect(hits.get('/article') ?? 0).toBe(before);
  });

  it('refuses a public name that resolves into a private network', async () => {
    const status = await fetchSource('https://rebind.example/', {
      resolveHost: async () => ['93.184.216.34', '10.0.0.5'],
    });
    expect(status).toMatchObject({ kind: 'refused' });
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await fetchSource(`http://127.0.0.1:${port}/`, local)).toMatchObject({ kind: 'error' });
  });
});

/** A fetch that answers from a table, with the final URL a real redirect would have left. */
function fakeFetch(finalUrl: string, body: string, type = 'text/html'): typeof fetch {
  return async () => {
    const response = new Response(body, { status: 200, headers: { 'content-type': type } });
    Object.defineProperty(response, 'url', { value: finalUrl });
    return response;
  };
}

describe('fetchSource with an injected fetch', () => {
  it('reports a redirect to another site with its final URL', async () => {
    const status = await fetchSource('https://old.example.org/story', {
      fetch: fakeFetch('https://example.com/new', ARTICLE),
    });
    expect(status).toMatchObject({ kind: 'redirected', finalUrl: 'https://example.com/new' });
  });

  it('treats a redirect within the site as ok', async () => {
    const status = await fetchSource('https://example.org/story', {
      fetch: fakeFetch('https://www.example.org/story/', ARTICLE),
    });
    expect(status.kind).toBe('ok');
  });

  it('refuses a page a redirect brought in from a private address', async () => {
    const status = await fetchSource('https://example.org/x', {
      fetch: fakeFetch('http://192.168.1.1/admin', ARTICLE),
    });
    expect(status).toMatchObject({ kind: 'refused' });
  });

  it('sends no credentials and follows redirects', async () => {
    let init: RequestInit | undefined;
    await fetchSource('https://example.org/x', {
      fetch: async (_url, i) => {
        init = i;
        return new Response(ARTICLE, { headers: { 'content-type': 'text/html' } });
      },
    });
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'follow' });
  });

  it('shares a queue that holds one host to its limit', async () => {
    const queue = new FetchQueue({ perHost: 1, total: 4 });
    let active = 0;
    let most = 0;
    const slowFetch: typeof fetch = async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      return new Response(ARTICLE, { headers: { 'content-type': 'text/html' } });
    };
    const urls = ['https://a.example.org/1', 'https://a.example.org/2', 'https://a.example.org/3'];
    const results = await Promise.all(urls.map((u) => fetchSource(u, { fetch: slowFetch, queue })));
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok']);
    expect(most).toBe(1);
  });
});
