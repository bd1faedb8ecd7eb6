/**
 * A loopback server of cited pages for the check tests: the pages in test/e2e/fixtures/sources, and the cases
 * only a server can play (a 404, a redirect loop, a redirect to another site, a slow page, a 50 MB page streamed
 * without a length, a PDF). It also serves the check page: a copy of the seed article whose references point
 * here, with one paragraph added that cites the rest. It counts what was asked, so the tests can see that
 * nothing is read before the reader asks, and how much of the 50 MB page went out before the reader hung up.
 */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { repoRoot, seedArticlePath } from '../../../scripts/serve-pages.mjs';
import { TEST_HOSTS } from './browsers';

const fixtures = join(repoRoot, 'test/e2e/fixtures/sources');

/** The claims the added paragraph cites, with the source each one's reference points to. */
export const EXTRA_CLAIMS: { marker: string; text: string; path: string; publisher: string }[] = [
  {
    marker: '5',
    text: 'The deal was first rumoured in March.',
    path: '/sources/missing',
    publisher: 'Gone Daily',
  },
  {
    marker: '6',
    text: 'SpaceX declined to comment on the deal.',
    path: '/sources/soft-404.html',
    publisher: 'Soft News',
  },
  {
    marker: '7',
    text: 'Analysts expect more such partnerships this year.',
    path: '/sources/loop',
    publisher: 'Loop Times',
  },
  {
    marker: '8',
    text: 'The Memphis site draws 150 megawatts of power.',
    path: '/sources/slow',
    publisher: 'Slow Post',
  },
  {
    marker: '9',
    text: 'The keynote transcript runs to 40 pages.',
    path: '/sources/huge',
    publisher: 'Huge Review',
  },
  {
    marker: '10',
    text: 'The company published a technical report on the deal.',
    path: '/sources/report.pdf',
    publisher: 'Paper Trail',
  },
  {
    marker: '11',
    text: 'Subscribers were told about the deal a day early.',
    path: '/sources/login.html',
    publisher: 'Wall Street Wire',
  },
];

/**
 * The reference that lives on the other site (the named server's second name): so the reader allows that site
 * too, and the page moved there (3) is read there. On the loopback server both are the same site.
 */
const ELSEWHERE_SOURCE = '4';

/** Where the seed's own four references point instead. */
export const SEED_SOURCES: Record<string, string> = {
  '1': '/sources/compute-deal.html',
  '2': '/sources/gardening.html',
  '3': '/sources/moved',
  '4': '/sources/mcp-flaw.html',
};

const HUGE_BYTES = 50 * 1024 * 1024;
/** The slow page trickles for longer than the 15 s fetch timeout. */
const SLOW_MS = 25_000;

function checkPage(origin: string, elsewhere: string): string {
  const seed = readFileSync(seedArticlePath(), 'utf8');
  const references = /<section class="references">[\s\S]*?<\/section>/.exec(seed)?.[0];
  if (!references) throw new Error('the seed article has no references section');
  const local = references.replace(
    /<p>\[(\d+)\] ([^<]*?)<a href="[^"]*"[^>]*>[^<]*<\/a><\/p>/g,
    (_m, n: string, before: string) => {
      const url = `${n === ELSEWHERE_SOURCE ? elsewhere : origin}${SEED_SOURCES[n] ?? '/sources/missing'}`;
      return `<p>[${n}] ${before}<a href="${url}">${url}</a></p>`;
    },
  );
  const added = EXTRA_CLAIMS.map(
    (c) =>
      `<p>[${c.marker}] ${c.publisher} — Further reading ${c.marker} — <a href="${origin}${c.path}">${origin}${c.path}</a></p>`,
  ).join('\n');
  const paragraph = `<p>${EXTRA_CLAIMS.map((c) => `${c.text.replace(/\.$/, '')} [${c.marker}].`).join(' ')}</p>\n`;
  return seed
    .replace(references, local.replace('</section>', `${added}\n</section>`))
    .replace(/(<\/div>\s*<section class="references">)/, `${paragraph}$1`)
    .replace(/<title>/, '<title>[check] ');
}

/**
 * The linked claims of the news page: each sentence links to a page on the other site (elsewhere.test), which is
 * what makes it a linked claim; `verdict` is what a check of that page should find.
 */
export const NEWS_LINKED: {
  text: string;
  linkText: string;
  path: string;
  title?: string;
  verdict: 'supported' | 'not_found' | 'unavailable';
}[] = [
  {
    text: 'Anthropic is partnering with SpaceX to gain access to an entire data center in Memphis, Tennessee, the Test Wire reported.',
    linkText: 'the Test Wire reported',
    path: '/sources/compute-deal.html',
    verdict: 'supported',
  },
  {
    text: 'A survey published this spring found that 62 percent of adults read news on their phones every day.',
    linkText: 'A survey published this spring',
    path: '/sources/linked-survey.html',
    title: 'Survey of 4,000 adults',
    verdict: 'supported',
  },
  {
    text: 'The city council voted on Monday to close three public libraries, according to one report.',
    linkText: 'according to one report',
    path: '/sources/gardening.html',
    verdict: 'not_found',
  },
  {
    text: 'The deal was first rumoured in March, as one outlet wrote at the time.',
    linkText: 'one outlet wrote',
    path: '/sources/missing',
    verdict: 'unavailable',
  },
];

/**
 * A small news page on the sources' site that cites by linking, as newsrooms do: the sentences of NEWS_LINKED
 * link to pages on elsewhere.test; one sentence links to this site's own earlier story (not a linked claim by
 * default); the navigation and the share bar link elsewhere too, but are not the article's prose.
 */
function newsPage(origin: string, elsewhere: string): string {
  const sentence = (c: (typeof NEWS_LINKED)[number]) => {
    const at = c.text.indexOf(c.linkText);
    const title = c.title ? ` title="${c.title}"` : '';
    return `${c.text.slice(0, at)}<a href="${elsewhere}${c.path}"${title}>${c.linkText}</a>${c.text.slice(at + c.linkText.length)}`;
  };
  const [deal, survey, council, rumour] = NEWS_LINKED.map(sentence);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>[news] Compute, phones and libraries | Citelens Daily</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}nav a,.share a{margin-right:12px}</style>
</head><body>
<header><nav><a href="${origin}/">Home</a> <a href="${elsewhere}/partners">Our partners</a> <a href="${origin}/tech">Tech</a></nav></header>
<main><article>
<h1>Compute, phones and libraries: the week in review</h1>
<p class="byline">By a staff writer · May 8, 2026</p>
<p>It was a busy week for technology and for the city. ${deal} Neither company would say what the capacity costs or how long the agreement runs.</p>
<p>Readers are changing how they find the news. ${survey} Publishers have spent the year rebuilding their sites for small screens, and most say the work is far from done.</p>
<p>At home, the budget fight went on. ${council} Library staff said they learned of the plan from the evening news, and a protest is planned for Saturday.</p>
<p>Back in technology, the partnership had been expected for some time. ${rumour} An earlier story <a href="${origin}/news/earlier">on this site</a> looked at what the deal means for the region.</p>
<p>We will keep following all three stories in the coming weeks, and we welcome readers' letters about them.</p>
</article></main>
<div class="share"><a href="https://twitter.com/intent/tweet?url=${origin}/news">Share</a></div>
<footer><p>Citelens Daily · <a href="${elsewhere}/about">About our owners</a></p></footer>
</body></html>
`;
}

/** A one-page PDF, enough for a browser or a sniffer to know it is one. */
const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

export interface SourceServer {
  /** http://sources.citelens.test:<port> (named), or http://127.0.0.1:<port>. */
  origin: string;
  /** Another site on the same server: http://elsewhere.test:<port> (named), or the same as `origin`. */
  elsewhere: string;
  /** The paths of the cited pages asked for, in order. */
  readonly requests: string[];
  /** Bytes of the 50 MB page written before the client hung up (or all of them). */
  hugeBytesSent(): number;
  close(): Promise<void>;
}

/** Writes the 50 MB page in chunks, waiting whenever the client has not taken the last one yet. */
async function streamHuge(res: ServerResponse, sent: { bytes: number }): Promise<void> {
  const chunk = Buffer.from(
    `<p>${'The keynote transcript continues with more remarks about compute, partnerships and data centers. '.repeat(40)}</p>\n`,
  );
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write('<!doctype html><html><head><title>Keynote transcript</title></head><body><article>');
  while (sent.bytes < HUGE_BYTES && !res.destroyed) {
    sent.bytes += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          res.off('drain', go);
          res.off('close', go);
          resolve();
        };
        res.on('drain', go);
        res.on('close', go);
      });
    }
  }
  if (!res.destroyed) res.end('</article></body></html>');
}

function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write('<!doctype html><html><head><title>Slow page</title></head><body><article><p>');
  const timer = setInterval(() => res.write('slowly '), 500);
  const end = setTimeout(() => {
    clearInterval(timer);
    res.end('</p></article></body></html>');
  }, SLOW_MS);
  res.on('close', () => {
    clearInterval(timer);
    clearTimeout(end);
  });
}

/**
 * `named`: the pages go by the test servers' names (sources.citelens.test, and elsewhere.test as another site),
 * which the test build reads; otherwise by 127.0.0.1, which no build reads (the readers' build test), and the
 * moved page goes to "localhost".
 */
export function startSourceServer(options: { named?: boolean } = {}): Promise<SourceServer> {
  const requests: string[] = [];
  const huge = { bytes: 0 };
  let origin = '';
  let elsewhere = '';
  let movedTo = '';
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname.startsWith('/sources/')) requests.push(pathname);
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    switch (pathname) {
      case '/check':
        return send(200, 'text/html; charset=utf-8', checkPage(origin, elsewhere));
      case '/news':
        return send(200, 'text/html; charset=utf-8', newsPage(origin, elsewhere));
      case '/sources/missing':
        return send(
          404,
          'text/html; charset=utf-8',
          '<!doctype html><title>Not found</title><h1>Not found</h1>',
        );
      case '/sources/loop':
        return res.writeHead(302, { location: '/sources/loop' }).end();
      case '/sources/moved':
        // To another site: elsewhere.test, or "localhost", which is not "127.0.0.1".
        return res.writeHead(301, { location: `${movedTo}/sources/joint-ventures.html` }).end();
      case '/sources/slow':
        return trickle(res);
      case '/sources/huge':
        return void streamHuge(res, huge);
      case '/sources/report.pdf':
        return send(200, 'application/pdf', PDF);
    }
    const name = /^\/sources\/([a-z0-9-]+\.html)$/.exec(pathname)?.[1];
    if (name) {
      try {
        return send(200, 'text/html; charset=utf-8', readFileSync(join(fixtures, name), 'utf8'));
      } catch {
        // Falls through to 404.
      }
    }
    send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      origin = options.named ? `http://${TEST_HOSTS[0]}:${port}` : `http://127.0.0.1:${port}`;
      elsewhere = options.named ? `http://${TEST_HOSTS[1]}:${port}` : origin;
      movedTo = options.named ? elsewhere : `http://localhost:${port}`;
      resolve({
        origin,
        elsewhere,
        requests,
        hugeBytesSent: () => huge.bytes,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
