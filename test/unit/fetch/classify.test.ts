import { describe, expect, it } from 'vitest';
import {
  classifyPage,
  classifyStatus,
  isOtherSite,
  isRedirectLoopError,
  mediaKind,
  parseRetryAfter,
  sniffKind,
  visibleText,
} from '../../../src/core/fetch/classify';

const article = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
const prose =
  '<p>The council approved the new budget on Tuesday after a long debate about school funding.</p>'.repeat(8);

describe('status codes', () => {
  it('sorts statuses into dead, blocked, retry, error and read', () => {
    expect(classifyStatus(404)).toEqual({ kind: 'dead', reason: 'not-found' });
    expect(classifyStatus(410)).toEqual({ kind: 'dead', reason: 'gone' });
    expect(classifyStatus(401)).toEqual({ kind: 'blocked', reason: 'unauthorized' });
    expect(classifyStatus(403)).toEqual({ kind: 'blocked', reason: 'forbidden' });
    expect(classifyStatus(429)).toEqual({ kind: 'retry' });
    expect(classifyStatus(503)).toEqual({ kind: 'retry' });
    expect(classifyStatus(500)).toEqual({ kind: 'error' });
    expect(classifyStatus(200)).toEqual({ kind: 'read' });
  });
});

describe('media types', () => {
  it('names html and pdf, sniffs untyped bodies', () => {
    expect(mediaKind('text/html; charset=utf-8')).toBe('html');
    expect(mediaKind('application/pdf')).toBe('pdf');
    expect(mediaKind('image/png')).toBe('image/png');
    expect(mediaKind(null)).toBeNull();
    expect(sniffKind('%PDF-1.7\n')).toBe('pdf');
    expect(sniffKind('  <!DOCTYPE html><html>')).toBe('html');
    expect(sniffKind('{"json": true}')).toBe('unknown');
  });
});

describe('retry-after', () => {
  it('reads seconds and dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(5000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('pages served with 200', () => {
  it('accepts an article', () => {
    expect(classifyPage(article('Budget approved', prose))).toEqual({ kind: 'page' });
  });

  it('sees a “not found” page', () => {
    expect(classifyPage(article('Page not found', `<p>Sorry.</p>${prose}`))).toEqual({ kind: 'soft-404' });
    expect(classifyPage(article('Oops', '<p>The page you requested does not exist.</p>'))).toEqual({
      kind: 'soft-404',
    });
  });

  it('does not take an article quoting “not found” for a dead page', () => {
    const quoting = article(
      'Budget approved',
      `${prose}<p>Auditors said the missing funds could not be found.</p>`,
    );
    expect(classifyPage(quoting)).toEqual({ kind: 'page' });
  });

  it('sees login and subscription walls', () => {
    const login = article(
      'Sign in',
      '<form><input name="u"><input type="password" name="p"></form><p>Sign in to continue.</p>',
    );
    expect(classifyPage(login)).toEqual({ kind: 'login-wall' });
    const paywall = article(
      'Budget approved',
      '<p>The council approved…</p><p>Subscribe to continue reading.</p>',
    );
    expect(classifyPage(paywall)).toEqual({ kind: 'login-wall' });
  });

  it('calls a near-empty page too thin to judge', () => {
    expect(classifyPage(article('App', '<div id="root"></div><script>render()</script>'))).toEqual({
      kind: 'too-little-text',
    });
  });

  it('reads visible text without scripts, styles or entities', () => {
    expect(visibleText('<style>p{}</style><p>A&amp;B&#x27;s <b>c</b></p><script>x()</script>')).toBe(
      "A&B's c",
    );
  });
});

describe('redirects', () => {
  it('tells another site from the same one', () => {
    expect(isOtherSite('https://example.org/a', 'https://www.example.org/b')).toBe(false);
    expect(isOtherSite('https://news.bbc.co.uk/a', 'https://www.bbc.co.uk/news/a')).toBe(false);
    expect(isOtherSite('https://example.org/a', 'https://example.com/a')).toBe(true);
    expect(isOtherSite('https://a.example.co.uk/', 'https://b.other.co.uk/')).toBe(true);
  });

  it('recognises Node’s redirect-limit error through its cause', () => {
    const error = new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
    expect(isRedirectLoopError(error)).toBe(true);
    expect(isRedirectLoopError(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }))).toBe(
      false,
    );
  });
});
