// A loopback HTTP server for the demo and the end-to-end tests: the seed article and the fixture pages.
//
//   /                  an index of what is served
//   /seed              the seed article (../shared/seed/article.html, else test/fixtures/pages/seed-article/source.html)
//   /pages/<name>      test/fixtures/pages/<name>/source.html
//   /extra/<name>      pages handed to startPageServer({ extra }) (tests)
//   ?theme=dark        any page with a dark background and light text laid over it (screenshots, contrast checks)
//
// Run alone: `node scripts/serve-pages.mjs [port]`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const fixturesDir = join(repoRoot, 'test/fixtures/pages');

/** The seed article: the shared copy beside the repository, else the fixture copy. */
export function seedArticlePath() {
  const shared = resolve(repoRoot, '../shared/seed/article.html');
  if (existsSync(shared)) return shared;
  const fixture = join(fixturesDir, 'seed-article/source.html');
  if (existsSync(fixture)) return fixture;
  throw new Error(`No seed article: neither ${shared} nor ${fixture} exists`);
}

/** Fixture folders that hold a page (source.html), sorted. */
export function fixtureNames() {
  if (!existsSync(fixturesDir)) return [];
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(fixturesDir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

const DARK_THEME =
  '<style data-test-theme="dark">html,body{background:#16191e!important;color:#d9dee5!important}' +
  'a{color:#8ab4f8!important}.meta,.disclosure,footer{color:#a7afba!important;background:transparent!important}</style>';

function withDarkTheme(html) {
  const at = html.search(/<\/head>/i);
  return at < 0 ? DARK_THEME + html : html.slice(0, at) + DARK_THEME + html.slice(at);
}

/**
 * `savedPageCsp` is sent with the saved pages (/pages/): a saved page's own scripts, run away from their site, can
 * navigate elsewhere (one fixture sends the reader to its canonical site a second after load), which makes a
 * measurement of that page a race. A strict page CSP also proves CiteLens works where the page forbids scripts.
 * @param {{ port?: number, extra?: Record<string, string>, savedPageCsp?: string }} [options]
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export function startPageServer({ port = 0, extra = {}, savedPageCsp } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = null;
    try {
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/') {
        const links = [
          '<li><a href="/seed">seed article</a></li>',
          ...fixtureNames().map((n) => `<li><a href="/pages/${n}">${n}</a></li>`),
        ];
        body = `<!doctype html><meta charset="utf-8"><title>CiteLens pages</title><ul>${links.join('')}</ul>`;
      } else if (url.pathname === '/seed') {
        body = readFileSync(seedArticlePath(), 'utf8');
      } else if (url.pathname.startsWith('/pages/')) {
        const name = decodeURIComponent(url.pathname.slice('/pages/'.length));
        if (fixtureNames().includes(name))
          body = readFileSync(join(fixturesDir, name, 'source.html'), 'utf8');
      } else if (url.pathname.startsWith('/extra/')) {
        body = extra[decodeURIComponent(url.pathname.slice('/extra/'.length))] ?? null;
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      return;
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (url.searchParams.get('theme') === 'dark') body = withDarkTheme(body);
    // Every page here is UTF-8, and some saved pages do not say so themselves.
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (savedPageCsp && url.pathname.startsWith('/pages/')) headers['content-security-policy'] = savedPageCsp;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolveStart({
        origin: `http://127.0.0.1:${actualPort}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await startPageServer({ port: Number(process.argv[2] ?? 8788) });
  console.log(
    `Serving the seed article at ${origin}/seed and the fixture pages at ${origin}/ (Ctrl-C stops)`,
  );
}
