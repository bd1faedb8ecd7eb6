/**
 * The extension's words come from `_locales`: findings and the check summary worded from the core's data say in
 * English exactly what the core's English formatter says (the CLI and the exports), and in French something else,
 * with every placeholder filled.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import type { CachedStatus } from '../../../src/core/check/cache';
import { toMarkdown } from '../../../src/core/check/export';
import {
  detailParts,
  NOT_ALLOWED_DETAIL,
  statusDetail,
  tooManySourcesDetail,
} from '../../../src/core/check/status';
import { summarise, summaryLine, summarySentence } from '../../../src/core/check/summary';
import type { CheckedSource, CheckResult } from '../../../src/core/check/types';
import { privateAddressReason, privateHostReason } from '../../../src/core/fetch/host-policy';
import { hostNotAllowed, REDIRECT_HIDDEN, REDIRECT_NOT_ALLOWED } from '../../../src/core/fetch/types';
import { findingMessage } from '../../../src/core/finding-message';
import { scanDocument, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import type { FindingDetail, FindingKind, JsonFinding } from '../../../src/core/types';
import { loadFixturePages } from '../../support/fixture-pages';
import { getMessage, use } from './fake-i18n';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage } } }));

const { findingText } = await import('../../../src/shared/finding-text');
const { checkSummaryText } = await import('../../../src/shared/summary-text');
const { plural } = await import('../../../src/shared/i18n');
const { statusLine } = await import('../../../src/shared/check-view');
const { ADDRESS_WORDS } = await import('../../../src/shared/detail-text');

/** Every kind of finding, with one and with several of what it counts. */
const DETAILS: FindingDetail[] = [
  { kind: 'dangling-marker', params: { markers: ['5'] } },
  { kind: 'dangling-marker', params: { markers: ['5', '7'] } },
  { kind: 'reference-not-on-page', params: { markers: ['1'] } },
  { kind: 'reference-not-on-page', params: { markers: ['1', '2'] } },
  { kind: 'uncited-source', params: { labels: ['3'] } },
  { kind: 'uncited-source', params: { labels: ['3', '4', 'a'] } },
  {
    kind: 'source-concentration',
    params: { percent: 67, claims: 2, total: 3, label: '1', title: 'Annual report' },
  },
  { kind: 'duplicate-source', params: { labels: ['1', '4'], url: 'https://a.example/x' } },
  { kind: 'source-without-link', params: { labels: ['2'] } },
  { kind: 'source-without-link', params: { labels: ['2', '6'] } },
  { kind: 'unsafe-link', params: { label: '9', scheme: 'javascript' } },
  { kind: 'citation-needed', params: { sentence: 'The moon is made of cheese.' } },
  { kind: 'linked-share', params: { linked: 3, sentences: 12, percent: 25 } },
  { kind: 'site-concentration', params: { percent: 60, claims: 3, total: 5, site: 'nature.com' } },
  { kind: 'own-site-links', params: { claims: 1, site: 'example.com' } },
  { kind: 'own-site-links', params: { claims: 4, site: 'example.com' } },
  { kind: 'social-post-only', params: { site: 'twitter.com', sentence: 'The mayor resigned.' } },
];

const asJson = (d: FindingDetail): JsonFinding =>
  ({ ...d, message: findingMessage(d), claims: [], sources: [] }) as JsonFinding;

/** Every kind, as a record so that the compiler says when a kind is added and not listed here. */
const KINDS: Record<FindingKind, true> = {
  'dangling-marker': true,
  'reference-not-on-page': true,
  'uncited-source': true,
  'source-concentration': true,
  'duplicate-source': true,
  'source-without-link': true,
  'unsafe-link': true,
  'citation-needed': true,
  'linked-share': true,
  'site-concentration': true,
  'own-site-links': true,
  'social-post-only': true,
};
const ALL_KINDS = Object.keys(KINDS) as FindingKind[];

beforeEach(() => use('en'));

/** Saved pages with findings of several kinds (scanning all of them takes the fixture-pages test's time). */
const SAMPLE_PAGES = [
  'fx-wikipedia-references',
  'google-sre-book',
  'lesswrong-post',
  'news-axios-future',
  'news-atlantic-disasters',
  'news-gothamist-plagues',
];

describe('findings', () => {
  it('cover every kind', () => {
    expect(new Set(DETAILS.map((d) => d.kind))).toEqual(new Set(ALL_KINDS));
  });

  it('in English say what the core’s English formatter says', () => {
    for (const d of DETAILS) expect(findingText(asJson(d))).toBe(findingMessage(d));
  });

  it('in English say what the core says on the fixture pages', () => {
    let seen = 0;
    for (const page of loadFixturePages().filter((p) => SAMPLE_PAGES.includes(p.name))) {
      const url = /^https?:/.test(page.expected.page) ? page.expected.page : undefined;
      const report = toJsonReport(
        scanDocument(parseHtml(page.html), { siteOf: siteByPublicSuffix, ...(url ? { url } : {}) }),
        { params: true },
      );
      for (const f of report.findings) {
        expect(f.params, `${page.name} ${f.kind}`).toBeDefined();
        expect(findingText(f), page.name).toBe(f.message);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(3);
  }, 30_000);

  it('in French are French, with every placeholder filled', () => {
    use('fr');
    for (const d of DETAILS) {
      const text = findingText(asJson(d));
      expect(text).not.toBe(findingMessage(d));
      expect(text).not.toMatch(/\$\d|^$/);
    }
    expect(findingText(asJson(DETAILS[1] as FindingDetail))).toBe(
      'Les appels [5], [7] ne renvoient à aucune référence de cette page.',
    );
  });

  it('keep the English message of a report saved before findings had parameters', () => {
    use('fr');
    expect(
      findingText({ kind: 'unsafe-link', message: 'Old words.', claims: [], sources: [] } as JsonFinding),
    ).toBe('Old words.');
  });
});

describe('counts', () => {
  it('pick their form by the plural rules of the messages’ language', () => {
    expect(plural('popupClaims', 1)).toBe('1 claim');
    expect(plural('popupClaims', 0)).toBe('0 claims');
    use('fr');
    expect(plural('popupClaims', 0)).toBe('0 affirmation');
    expect(plural('popupClaims', 1)).toBe('1 affirmation');
    expect(plural('popupClaims', 2)).toBe('2 affirmations');
    // 1000000 is `many` in French, written with the language's group separator.
    expect(plural('popupClaims', 1_000_000)).toMatch(/^1\s000\s000 affirmations$/u);
  });
});

const source = (
  id: string,
  status: CheckedSource['status'],
  detail: string | null = null,
): CheckedSource => ({
  id,
  label: id,
  title: id,
  url: `https://${id}.example/`,
  status,
  detail,
  finalUrl: status === 'ok' ? `https://${id}.example/` : null,
});

function result(sources: CheckedSource[], supported: number, claims: number): CheckResult {
  return {
    url: 'https://news.example/',
    title: 'A page',
    sources,
    claims: Array.from({ length: claims }, (_, i) => ({
      id: `c${i}`,
      text: `Claim ${i}`,
      judgements: (sources[0] ? [sources[0]] : []).map((s) => ({
        source: s.id,
        verdict: i < supported ? ('supported' as const) : ('not_found' as const),
        score: 0,
        passages: [],
        missingNumbers: [],
        missingNames: [],
        missingTerms: [],
        missing: [],
        conflict: null,
      })),
    })),
  } as CheckResult;
}

describe('the check summary', () => {
  it('in English says what the core’s summary line says when sources were read', () => {
    const r = result(
      [source('a', 'ok'), source('b', 'dead', 'HTTP 404'), source('c', 'timeout', 'after 20 s')],
      2,
      5,
    );
    expect(checkSummaryText(r)).toBe(summaryLine(summarise(r)));
    expect(checkSummaryText(r)).toMatch(
      /^2 of 5 claims supported by their source; 1 source dead; 1 source timed out/,
    );
  });

  it('says nothing was checked, not "0 of N supported", when no site answered (offline)', () => {
    const offline = result(
      [
        source('a', 'error', 'Failed to fetch'),
        source('b', 'error', 'Failed to fetch'),
        source('c', 'no-link'),
      ],
      0,
      41,
    );
    expect(checkSummaryText(offline)).toBe(
      'Nothing checked: none of the 3 sources could be reached — are you offline?',
    );
    use('fr');
    expect(checkSummaryText(offline)).toMatch(/^Rien n’a été vérifié.*aucune des 3 sources.*hors ligne/);
  });

  it('says nothing could be read when sites answered but gave nothing readable', () => {
    const r = result([source('a', 'dead', 'HTTP 404'), source('b', 'error', 'HTTP 500')], 0, 4);
    expect(checkSummaryText(r)).toBe('Nothing checked: none of the 2 sources could be read.');
    expect(checkSummaryText(result([source('a', 'blocked', 'HTTP 403')], 0, 1))).toBe(
      'Nothing checked: the only source could not be read.',
    );
  });

  it('names an unreachable source as such, not the browser’s "Failed to fetch"', () => {
    expect(statusLine({ status: 'error', detail: 'Failed to fetch' })).toBe(
      'Could not be reached — are you offline?',
    );
    expect(statusLine({ status: 'error', detail: 'HTTP 500' })).toBe('Failed to load: HTTP 500');
    // A server that kept answering 429 answered: it is busy, not out of reach.
    expect(
      statusLine({ status: 'error', detail: 'server busy or rate-limiting (asked to retry after 60 s)' }),
    ).toMatch(/^Failed to load: server busy/);
  });

  it('in the English Markdown export says the same, not "0 of N supported"', () => {
    const offline = result(
      [source('a', 'error', 'Failed to fetch'), source('b', 'timeout', 'after 15 s')],
      0,
      3,
    );
    expect(summarySentence(offline)).toBe(
      'Nothing checked: none of the 2 sources could be reached — are you offline?',
    );
    const page = { url: offline.url, title: offline.title, claims: [], sources: [], findings: [] };
    expect(toMarkdown(page, offline)).toContain(
      '**Nothing checked: none of the 2 sources could be reached — are you offline?**',
    );
    expect(toMarkdown(page, offline)).not.toMatch(/0 of 3/);
    const read = result([source('a', 'ok')], 1, 2);
    expect(summarySentence(read)).toBe(`${summaryLine(summarise(read))}.`);
  });
});

describe('link statuses', () => {
  const u = 'https://a.example/x';
  /** Every status whose particulars have words of their own. */
  const worded: [CheckedSource['status'], string][] = [
    ...(
      [
        { kind: 'dead', url: u, reason: 'soft-404', httpStatus: 200 },
        { kind: 'blocked', url: u, reason: 'login-wall', httpStatus: 200 },
        { kind: 'blocked', url: u, reason: 'too-little-text', httpStatus: 200 },
        { kind: 'redirected', url: u, finalUrl: 'https://b.example/y' },
        { kind: 'timeout', url: u, afterMs: 15_000 },
        { kind: 'too-large', url: u, limitBytes: 5 * 1024 * 1024 },
      ] as CachedStatus[]
    ).map((s): [CheckedSource['status'], string] => [s.kind, statusDetail(s) ?? '']),
    ['not-checked', NOT_ALLOWED_DETAIL],
    ['not-checked', tooManySourcesDetail(40)],
    ['refused', REDIRECT_NOT_ALLOWED],
    ['refused', REDIRECT_HIDDEN],
    ['refused', hostNotAllowed('b.example')],
  ];

  it('read back every particular the core writes, so none is shown in English to a French reader', () => {
    for (const [, detail] of worded) expect(detailParts(detail).kind, detail).not.toBe('text');
    expect(detailParts('HTTP 404')).toEqual({ kind: 'text', text: 'HTTP 404' });
  });

  it('in English read as before; in French, in French', () => {
    const lines = worded.map(([status, detail]) => statusLine({ status, detail }));
    expect(lines).toEqual([
      'Dead link: soft 404',
      'Blocked or paywalled: login wall',
      'Blocked or paywalled: too little text',
      'Moved to another site: to https://b.example/y',
      'Timed out: after 15 s',
      'Too large to read: over 5 MB',
      'Not checked: the reader has not allowed this site',
      'Not checked: more than 40 sources',
      'Not read (refused): redirected to a site the reader has not allowed',
      'Not read (refused): redirected, and the browser did not say where to (not followed)',
      'Not read (refused): b.example is not a site the reader allowed',
    ]);
    use('fr');
    const french = worded.map(([status, detail]) => statusLine({ status, detail }));
    expect(french[3]).toBe('Déplacée vers un autre site\u00a0: vers https://b.example/y');
    expect(french[4]).toBe('Délai dépassé\u00a0: après 15\u00a0s');
    for (const [i, line] of french.entries()) expect(line, line).not.toBe(lines[i]);
    for (const line of french)
      expect(line).not.toMatch(/\b(after|over|soft|login|more than|reader|redirected)\b/);
  });
});

describe('refusals', () => {
  /** One host or address for each thing the host policy names (core/fetch/host-policy.ts). */
  const HOSTS = ['a..b', '[zz::1]', 'localhost', 'printer.local', 'intranet'];
  const ADDRESSES = [
    '127.0.0.1',
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '169.254.1.1',
    '192.0.0.8',
    '192.0.2.1',
    '198.18.0.1',
    '192.88.99.1',
    '224.0.0.1',
    '64:ff9b::1',
    '2002::1',
    '2001::1',
    '100::',
    '2001:10::1',
    '5f00::1',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::',
    '::1',
  ];
  const names = [
    ...HOSTS.map((h) => privateHostReason(h)),
    ...ADDRESSES.map((a) => privateAddressReason(a)),
  ].filter((r): r is string => r !== null);

  it('know every name the host policy gives', () => {
    expect(names).toHaveLength(HOSTS.length + ADDRESSES.length);
    for (const name of names) expect(ADDRESS_WORDS[name], name).toBeDefined();
    expect(new Set(names)).toEqual(new Set(Object.keys(ADDRESS_WORDS)));
  });

  it('in English read as the core writes them; in French, in French', () => {
    const details = [
      'a loopback name',
      'example.com resolves to a private address',
      'redirected to ftp: links are not fetched',
      'redirected: never.example is not a site the reader allowed',
      'links with credentials are not fetched',
      'not a valid URL',
    ];
    for (const detail of details)
      expect(statusLine({ status: 'refused', detail })).toBe(`Not read (refused): ${detail}`);
    use('fr');
    const french = details.map((detail) => statusLine({ status: 'refused', detail }));
    expect(french[1]).toBe('Non lue (refusée)\u00a0: example.com mène à une adresse privée');
    expect(french[3]).toBe(
      'Non lue (refusée)\u00a0: redirigée\u00a0: vous n’avez pas autorisé le site never.example',
    );
    for (const line of french)
      expect(line).not.toMatch(/\b(loopback name|resolves|links|valid URL|redirected|reader)\b/);
    // Every name the policy gives has French words.
    for (const name of names) expect(statusLine({ status: 'refused', detail: name })).not.toContain(name);
  });
});
