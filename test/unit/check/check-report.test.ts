import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  type CachedSource,
  type CheckInput,
  type CheckProgress,
  checkReport,
  MemorySourceCache,
  type SourceLoader,
} from '../../../src/core/check';
import type { LinkStatus } from '../../../src/core/fetch/types';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

const article = (body: string) =>
  `<html><head><title>Source</title></head><body><article><h1>Report</h1>${`<p>${body} The study ran for a week and was reviewed by independent experts.</p>`.repeat(3)}</article></body></html>`;

const PAGES: Record<string, LinkStatus> = {
  'https://a.example/scan': {
    kind: 'ok',
    url: 'https://a.example/scan',
    finalUrl: 'https://a.example/scan',
    html: article('Researchers found 200,000 AI agent servers exposed to the command execution flaw.'),
  },
  'https://b.example/downloads': {
    kind: 'ok',
    url: 'https://b.example/downloads',
    finalUrl: 'https://b.example/downloads',
    html: article('The registry says the package passed 90 million downloads this spring.'),
  },
  'https://c.example/gone': {
    kind: 'dead',
    url: 'https://c.example/gone',
    reason: 'not-found',
    httpStatus: 404,
  },
};

const INPUT: CheckInput = {
  url: 'https://news.example/story',
  title: 'Story',
  claims: [
    { id: 'c1', text: 'A flaw exposed 200,000 AI agent servers.', sources: ['s1'] },
    { id: 'c2', text: 'MCP now exceeds 150 million downloads.', sources: ['s2'] },
    { id: 'c3', text: 'The company was founded in 1999.', sources: ['s3', 's4'] },
    { id: 'c4', text: 'The servers were exposed to a command execution flaw.', sources: ['s1'] },
  ],
  sources: [
    { id: 's1', label: '1', title: 'Scan', url: 'https://a.example/scan' },
    { id: 's2', label: '2', title: 'Downloads', url: 'https://b.example/downloads' },
    { id: 's3', label: '3', title: 'History', url: 'https://c.example/gone' },
    { id: 's4', label: '4', title: 'Book', url: null },
    // The same page as [1] under another number and with a fragment: read once.
    { id: 's5', label: '5', title: 'Scan again', url: 'https://a.example/scan#results' },
  ],
};

function loader(calls: string[]): SourceLoader {
  return async (url) => {
    calls.push(url);
    return PAGES[url.replace(/#.*$/, '')] ?? { kind: 'error', url, message: 'unknown' };
  };
}

describe('checkReport', () => {
  it('reads each page once, gives every source a status and judges every claim against each of its sources', async () => {
    const calls: string[] = [];
    const progress: CheckProgress[] = [];
    const result = await checkReport(INPUT, {
      load: loader(calls),
      parse,
      onProgress: (p) => progress.push(p),
    });
    expect(calls.sort()).toEqual([
      'https://a.example/scan',
      'https://b.example/downloads',
      'https://c.example/gone',
    ]);
    expect(result.sources.map((s) => [s.label, s.status, s.detail])).toEqual([
      ['1', 'ok', null],
      ['2', 'ok', null],
      ['3', 'dead', 'HTTP 404'],
      ['4', 'no-link', null],
      ['5', 'ok', null],
    ]);
    const verdicts = Object.fromEntries(result.claims.map((c) => [c.id, c.judgements.map((j) => j.verdict)]));
    expect(verdicts.c1).toEqual(['supported']);
    // The right words with the wrong number: not supported, and the missing number is named.
    expect(verdicts.c2?.[0]).not.toBe('supported');
    expect(result.claims[1]?.judgements[0]?.missingNumbers).toContain('150 million');
    expect(verdicts.c3).toEqual(['unavailable', 'unavailable']);
    expect(result.claims[0]?.judgements[0]?.passages[0]?.text).toContain('200,000 AI agent servers');
    expect(progress[0]).toEqual({ done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
  });

  it('leaves the sites the reader did not allow unread, and reads at most maxSources pages', async () => {
    const calls: string[] = [];
    const result = await checkReport(INPUT, {
      load: loader(calls),
      parse,
      mayRead: (url) => !url.startsWith('https://b.'),
      maxSources: 1,
    });
    expect(calls).toEqual(['https://a.example/scan']);
    expect(result.sources.map((s) => [s.label, s.status])).toEqual([
      ['1', 'ok'],
      ['2', 'not-checked'],
      ['3', 'not-checked'],
      ['4', 'no-link'],
      ['5', 'ok'],
    ]);
    expect(result.sources[1]?.detail).toBe('the reader has not allowed this site');
    expect(result.sources[2]?.detail).toBe('more than 1 sources');
    expect(result.claims[1]?.judgements[0]?.verdict).toBe('unavailable');
  });

  it('answers a revisit from the cache within a day, and reads again after it', async () => {
    const cache = new MemorySourceCache();
    let now = 1_000_000;
    const first: string[] = [];
    const before = await checkReport(INPUT, { load: loader(first), parse, cache, now: () => now });
    expect(first).toHaveLength(3);
    // The cache keeps text, never HTML, and never a judgement.
    const entry = cache.entries.get('https://a.example/scan') as CachedSource;
    expect(entry.status).toEqual({
      kind: 'ok',
      url: 'https://a.example/scan',
      finalUrl: 'https://a.example/scan',
    });
    expect(entry.text?.text).toContain('200,000 AI agent servers');
    expect(JSON.stringify(entry)).not.toContain('verdict');

    now += 23 * 3600 * 1000;
    const second: string[] = [];
    const again = await checkReport(INPUT, { load: loader(second), parse, cache, now: () => now });
    expect(second).toEqual([]);
    expect(again).toEqual(before);

    now += 2 * 3600 * 1000;
    const third: string[] = [];
    await checkReport(INPUT, { load: loader(third), parse, cache, now: () => now });
    expect(third).toHaveLength(3);
  });

  it('never mixes pages: another page citing the same source is judged on its own claims', async () => {
    const cache = new MemorySourceCache();
    await checkReport(INPUT, { load: loader([]), parse, cache });
    const other: CheckInput = {
      url: 'https://other.example/',
      title: 'Other',
      claims: [{ id: 'c1', text: 'The scan found 3 servers in Lisbon.', sources: ['s1'] }],
      sources: [{ id: 's1', label: '1', title: 'Scan', url: 'https://a.example/scan' }],
    };
    const calls: string[] = [];
    const result = await checkReport(other, { load: loader(calls), parse, cache });
    expect(calls).toEqual([]);
    expect(result.claims[0]?.text).toBe('The scan found 3 servers in Lisbon.');
    expect(result.claims[0]?.judgements[0]?.verdict).not.toBe('supported');
    expect(result.claims[0]?.judgements[0]?.missingNames).toContain('Lisbon');
  });

  it('does not keep timeouts and network errors, and survives a cache that fails', async () => {
    const cache = new MemorySourceCache();
    const flaky: SourceLoader = async (url) => ({ kind: 'timeout', url, afterMs: 15_000 });
    const input: CheckInput = {
      ...INPUT,
      sources: INPUT.sources.slice(0, 1),
      claims: INPUT.claims.slice(0, 1),
    };
    const result = await checkReport(input, { load: flaky, parse, cache });
    expect(result.sources[0]?.status).toBe('timeout');
    expect(cache.entries.size).toBe(0);
    const broken = {
      get: async () => {
        throw new Error('quota');
      },
      put: async () => {
        throw new Error('quota');
      },
    };
    const ok = await checkReport(input, { load: loader([]), parse, cache: broken });
    expect(ok.sources[0]?.status).toBe('ok');
  });

  it('can be cancelled: it rejects at once and the loads in flight see the signal', async () => {
    const controller = new AbortController();
    const seen: AbortSignal[] = [];
    const slow: SourceLoader = (url, signal) =>
      new Promise((resolve) => {
        if (signal) seen.push(signal);
        signal?.addEventListener('abort', () => resolve({ kind: 'error', url, message: 'aborted' }));
      });
    const progress: CheckProgress[] = [];
    const pending = checkReport(INPUT, {
      load: slow,
      parse,
      signal: controller.signal,
      onProgress: (p) => progress.push(p),
    });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new DOMException('cancelled by the reader', 'AbortError'));
    await expect(pending).rejects.toThrow('cancelled by the reader');
    expect(seen.length).toBe(3);
    expect(seen.every((s) => s.aborted)).toBe(true);
    expect(progress).toEqual([{ done: 0, total: 3 }]);
  });
});

describe('what a read page says of itself', () => {
  const named = (title: string, site: string | null) =>
    `<html><head><title>${title}</title>${site === null ? '' : `<meta property="og:site_name" content="${site}">`}</head><body><article>${'<p>The survey asked 4,000 adults about their news habits over a year of reading.</p>'.repeat(4)}</article></body></html>`;
  const input: CheckInput = {
    url: 'https://news.example/story',
    title: 'Story',
    claims: [{ id: 'c1', text: 'A survey asked 4,000 adults.', sources: ['s1', 's2', 's3'] }],
    sources: [
      { id: 's1', label: 'pew.example', title: 'a 2019 survey', url: 'https://pew.example/survey' },
      { id: 's2', label: 'blog.example', title: 'this post', url: 'https://blog.example/post' },
      { id: 's3', label: 'gone.example', title: 'gone', url: 'https://gone.example/x' },
    ],
  };
  const pages: Record<string, LinkStatus> = {
    'https://pew.example/survey': {
      kind: 'ok',
      url: 'https://pew.example/survey',
      finalUrl: 'https://pew.example/survey',
      html: named('News habits of adults', '  Pew   Research Center '),
    },
    'https://blog.example/post': {
      kind: 'ok',
      url: 'https://blog.example/post',
      finalUrl: 'https://blog.example/post',
      html: named('A post', null),
    },
    'https://gone.example/x': {
      kind: 'dead',
      url: 'https://gone.example/x',
      reason: 'not-found',
      httpStatus: 404,
    },
  };
  const load: SourceLoader = async (url) => pages[url] ?? { kind: 'error', url, message: 'unknown' };

  it('gives each source read its page title and og:site_name, also when it comes back from the cache', async () => {
    const cache = new MemorySourceCache();
    for (const round of ['read', 'cached']) {
      const result = await checkReport(input, { load, parse, cache });
      expect(
        result.sources.map((s) => s.page ?? null),
        round,
      ).toEqual([
        { title: 'News habits of adults', siteName: 'Pew Research Center' },
        { title: 'A post', siteName: null },
        null,
      ]);
      // The source's own title (the link's words) is kept as it was.
      expect(result.sources[0]?.title).toBe('a 2019 survey');
    }
    expect(cache.entries.get('https://pew.example/survey')?.text?.siteName).toBe('Pew Research Center');
  });
});
