import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  claimVerdict,
  sourceSupport,
  summarise,
  summaryLine,
  textFragmentUrl,
  toJson,
  toMarkdown,
} from '../../../src/core/check';
import type { JsonReport } from '../../../src/core/types';
import { unavailable } from '../../../src/core/verify/judge';

const judgement = (source: string, verdict: 'supported' | 'partial' | 'not_found' | 'unavailable') => ({
  ...unavailable(),
  source,
  verdict,
  passages:
    verdict === 'unavailable'
      ? []
      : [{ text: 'The scan found 200,000 servers.', score: 1, matchedTerms: [] }],
  missingNumbers: verdict === 'partial' ? ['150 million'] : [],
});

/** 41 claims: 19 rest on [1] alone (supported), 9 on [2] (partial), 13 on [3], a dead link. */
function seedLike(): { page: JsonReport; result: CheckResult } {
  const claims = Array.from({ length: 41 }, (_, i) => {
    const source = i < 19 ? 's1' : i < 28 ? 's2' : 's3';
    return { id: `c${i}`, text: `Claim ${i} | with *stars*.`, markers: [], sources: [source] };
  });
  const page: JsonReport = {
    url: 'https://news.example/story',
    title: 'A [story]',
    claims,
    sources: [
      { id: 's1', label: '1', title: 'One', publisher: null, url: 'https://a.example/1', claims: [] },
      { id: 's2', label: '2', title: 'Two', publisher: null, url: 'https://b.example/2', claims: [] },
      { id: 's3', label: '3', title: 'Three', publisher: null, url: 'https://c.example/3', claims: [] },
    ],
    findings: [],
  };
  const result: CheckResult = {
    url: page.url,
    title: page.title,
    sources: [
      {
        id: 's1',
        label: '1',
        title: 'One',
        url: 'https://a.example/1',
        status: 'ok',
        detail: null,
        finalUrl: 'https://a.example/1',
      },
      {
        id: 's2',
        label: '2',
        title: 'Two',
        url: 'https://b.example/2',
        status: 'ok',
        detail: null,
        finalUrl: 'https://b.example/2',
      },
      {
        id: 's3',
        label: '3',
        title: 'Three',
        url: 'https://c.example/3',
        status: 'dead',
        detail: 'HTTP 404',
        finalUrl: null,
      },
    ],
    claims: claims.map((c) => ({
      id: c.id,
      text: c.text,
      judgements: [
        judgement(
          c.sources[0] as string,
          c.sources[0] === 's1' ? 'supported' : c.sources[0] === 's2' ? 'partial' : 'unavailable',
        ),
      ],
    })),
  };
  return { page, result };
}

describe('summary', () => {
  it('takes the best verdict of a claim’s sources', () => {
    expect(claimVerdict({ judgements: [judgement('a', 'not_found'), judgement('b', 'partial')] })).toBe(
      'partial',
    );
    expect(claimVerdict({ judgements: [judgement('a', 'unavailable'), judgement('b', 'supported')] })).toBe(
      'supported',
    );
    expect(claimVerdict({ judgements: [] })).toBe('unavailable');
  });

  it('says it in the issue’s words: supported share, problem links, concentration', () => {
    const { result } = seedLike();
    const summary = summarise(result);
    expect(summary.verdicts).toEqual({ supported: 19, partial: 9, not_found: 0, unavailable: 13 });
    expect(summary.concentration).toMatchObject({ sourceId: 's1', claims: 19 });
    expect(summaryLine(summary)).toBe(
      '19 of 41 claims supported by their source; 1 source dead; 46% of claims rest on one source',
    );
    expect(sourceSupport(result, 's1')).toEqual({ claims: 19, supported: 19 });
    expect(sourceSupport(result, 's2')).toEqual({ claims: 9, supported: 0 });
  });
});

describe('exports', () => {
  it('JSON holds the page, the check and the summary', () => {
    const { page, result } = seedLike();
    const parsed = JSON.parse(toJson(page, result, new Date('2026-05-07T10:00:00Z')));
    expect(parsed.generator).toBe('CiteLens');
    expect(parsed.exportedAt).toBe('2026-05-07T10:00:00.000Z');
    expect(parsed.page).toEqual(page);
    expect(parsed.check).toEqual(result);
    expect(parsed.summary.verdicts.supported).toBe(19);
    expect(JSON.parse(toJson(page, null)).check).toBeNull();
  });

  it('Markdown is a readable report, with the page’s text escaped', () => {
    const { page, result } = seedLike();
    const md = toMarkdown(page, result, new Date('2026-05-07T10:00:00Z'));
    expect(md).toContain('# Citation report: A \\[story\\]');
    expect(md).toContain(
      '**19 of 41 claims supported by their source; 1 source dead; 46% of claims rest on one source.**',
    );
    expect(md).toContain('| 3 | [Three](<https://c.example/3>) | dead (HTTP 404) | 0 of 13 claims |');
    expect(md).toContain('1. Claim 0 \\| with \\*stars\\*. — **supported**');
    expect(md).toContain('   - [2] partly supported');
    expect(md).toContain('     - the source does not mention 150 million');
    expect(toMarkdown(page, null)).toContain('The sources were not checked');
  });
});

describe('text fragment links', () => {
  it('names a short passage whole and a long one by its ends, encoding the directive’s own characters', () => {
    expect(
      textFragmentUrl('https://a.example/x#old', 'Sales rose 5%, a record - say analysts & traders.'),
    ).toBe(
      'https://a.example/x#:~:text=Sales%20rose%205%25%2C%20a%20record%20%2D%20say%20analysts%20%26%20traders.',
    );
    const long = 'One two three four five six seven eight nine ten eleven twelve.';
    expect(textFragmentUrl('https://a.example/x', long)).toBe(
      'https://a.example/x#:~:text=One%20two%20three%20four,nine%20ten%20eleven%20twelve.',
    );
  });

  it('links only to http(s) pages', () => {
    expect(textFragmentUrl('javascript:alert(1)', 'x')).toBeNull();
    expect(textFragmentUrl('data:text/html,x', 'x')).toBeNull();
    expect(textFragmentUrl(null, 'x')).toBeNull();
    expect(textFragmentUrl('not a url', 'x')).toBeNull();
  });
});

describe('Markdown export of hostile page text', () => {
  it('leaves no autolink, strike-through, link, image, HTML, entity or heading from a title', async () => {
    const { toMarkdown: render } = await import('../../../src/core/check/export');
    const hostile =
      'Win ~~big~~ at https://evil.example/x or www.evil.example, mail me@evil.example ![i](http://e/x.png) [l](https://e) <img src=x onerror=alert(1)> &lt;b&gt; # no';
    const page = {
      url: 'https://news.example/a',
      title: hostile,
      claims: [],
      sources: [],
      findings: [],
    } as unknown as Parameters<typeof render>[0];
    const out = render(page, null, new Date('2026-05-07T10:00:00Z'));
    const title = out.split('\n')[0] ?? '';
    expect(title).not.toMatch(/(?<!\\)~~/);
    expect(title).not.toMatch(/https:\/\//);
    expect(title).not.toMatch(/(?<!\\)www\./);
    expect(title).not.toMatch(/(?<!\\)@/);
    expect(title).not.toMatch(/(?<!\\)[<[!&]/);
    expect(title.startsWith('# Citation report: ')).toBe(true);
  });
});
