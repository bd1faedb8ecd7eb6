import { beforeEach, describe, expect, it, vi } from 'vitest';

const local: Record<string, unknown> = {};
/** Sites the browser holds host permission for (Chromium); in Firefox every matched site. */
let granted: (origin: string) => boolean = () => true;

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (key in local ? { [key]: local[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(local, structuredClone(items));
        },
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted(o)),
    },
  },
}));

const { allowedIn, CONSENT_KEY, forgetAllowed, mayReadFor, parseConsent, recordAllowed, withAllowed } =
  await import('../../../src/background/may-read');

const A = 'https://page-a.example/story';
const B = 'https://page-b.example/story';

describe('the consent CiteLens records', () => {
  beforeEach(() => {
    for (const key of Object.keys(local)) delete local[key];
    granted = () => true;
  });

  it('lets a check read a source site only for the page site it was allowed on', async () => {
    await recordAllowed(A, ['https://sources.example/*']);
    const onA = await mayReadFor(A);
    const onB = await mayReadFor(B);
    expect(onA('https://sources.example/x.html')).toBe(true);
    expect(onA('http://sources.example/x.html')).toBe(false); // another scheme is another site
    expect(onA('https://other.example/x.html')).toBe(false);
    // Even though the browser answers permissions.contains with true (as Firefox does for every site).
    expect(onB('https://sources.example/x.html')).toBe(false);
    // The same site, www. or not, another page of it.
    expect((await mayReadFor('https://www.page-a.example/other'))('https://sources.example/y')).toBe(true);
  });

  it('reads nothing whose host permission is not granted (Chromium), allowed or not', async () => {
    await recordAllowed(A, ['https://sources.example/*', 'https://kept.example/*']);
    granted = (o) => o === 'https://kept.example/*';
    const onA = await mayReadFor(A);
    expect(onA('https://sources.example/x')).toBe(false);
    expect(onA('https://kept.example/x')).toBe(true);
  });

  it('adds to what was allowed before, and keeps the record as plain data', async () => {
    await recordAllowed(A, ['https://one.example/*']);
    await recordAllowed(A, ['https://two.example/*', 'https://one.example/*']);
    await recordAllowed(B, ['https://three.example/*']);
    expect(local[CONSENT_KEY]).toEqual({
      'page-a.example': ['https://one.example/*', 'https://two.example/*'],
      'page-b.example': ['https://three.example/*'],
    });
  });

  it('never reads a wrongly shaped record as "allowed"', () => {
    for (const stored of [null, 'https://sources.example/*', 42, ['page-a.example'], true]) {
      expect(parseConsent(stored).size).toBe(0);
    }
    const record = parseConsent({
      'page-a.example': ['https://ok.example/*', 'https://*/*', '<all_urls>', 7, 'ftp://x.example/*', null],
      'page-b.example': 'https://sources.example/*',
      'page-c.example': { 0: 'https://sources.example/*' },
      'Page-D.example': ['https://sources.example/*'],
      '': ['https://sources.example/*'],
      'page-e.example': ['https://sources.example/*/path', 'https://sources.example/'],
    });
    expect([...record.keys()]).toEqual(['page-a.example']);
    expect([...(record.get('page-a.example') ?? [])]).toEqual(['https://ok.example/*']);
  });

  it('records nothing for a page that is not http(s), and nothing that is not a site pattern', () => {
    const empty = parseConsent({});
    expect(withAllowed(empty, 'file:///home/a.html', ['https://x.example/*'])).toBe(empty);
    expect(withAllowed(empty, A, ['<all_urls>', '*://*/*'])).toBe(empty);
    expect(allowedIn(withAllowed(empty, A, ['https://x.example/*']), B).size).toBe(0);
  });

  it('forgets a source site everywhere when the reader takes its permission back', async () => {
    await recordAllowed(A, ['https://one.example/*', 'https://two.example/*']);
    await recordAllowed(B, ['https://one.example/*']);
    await forgetAllowed(['https://one.example/*']);
    expect(local[CONSENT_KEY]).toEqual({ 'page-a.example': ['https://two.example/*'] });
  });
});
