import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, toJsonReport } from '../../../src/core/index';
import { isSocialPost } from '../../../src/core/links/news-findings';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import type { Source } from '../../../src/core/types';
import { page } from './helpers';

const URL = 'https://www.paper.example.com/2024/story';
const PLAIN =
  '<p>The council met on Tuesday and talked for a long time about the budget. Nobody agreed on the roads.</p>';

function scanNews(body: string, countOwnSiteLinks = false) {
  const report = toJsonReport(
    scanDocument(parseHtml(page(`<article>${body}${PLAIN.repeat(4)}</article>`)), {
      siteOf: siteByPublicSuffix,
      url: URL,
      countOwnSiteLinks,
    }),
  );
  return {
    report,
    kinds: report.findings.map((f) => f.kind),
    of: (k: string) => report.findings.filter((f) => f.kind === k),
  };
}

const linkTo = (href: string, words = 'a report') =>
  `<p>The mayor cited <a href="${href}">${words}</a> on the budget and the schools yesterday.</p>`;

describe('findings for news pages', () => {
  it('linked-share: how many of the article’s sentences link to a source', () => {
    const { of } = scanNews(linkTo('https://stats.example.org/cpi') + linkTo('https://www.nature.com/a'));
    // 2 linked sentences and 4 paragraphs of 2 sentences each.
    expect(of('linked-share')).toEqual([
      {
        kind: 'linked-share',
        message: '2 of the article’s 10 sentences (20%) link to a source.',
        claims: ['c1', 'c2'],
        sources: [],
      },
    ]);
  });

  it('site-concentration: one site carrying 40% or more of the linked claims, at least three of them', () => {
    const { of } = scanNews(
      linkTo('https://www.nature.com/a') +
        linkTo('https://www.nature.com/b') +
        linkTo('https://news.nature.com/c') +
        linkTo('https://stats.example.org/1') +
        linkTo('https://data.example.net/2'),
    );
    const found = of('site-concentration');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe('60% of the linked claims (3 of 5) link to one site: nature.com.');
    expect(found[0]?.claims).toEqual(['c1', 'c2', 'c3']);
    expect(found[0]?.sources).toHaveLength(3);
    // Two of five on one site is chance, not a page leaning on it.
    const two = scanNews(
      linkTo('https://www.nature.com/a') +
        linkTo('https://www.nature.com/b') +
        linkTo('https://stats.example.org/1') +
        linkTo('https://data.example.net/2') +
        linkTo('https://other.example.com/3'),
    );
    expect(two.kinds).not.toContain('site-concentration');
  });

  it('own-site-links: only when the reader counts the outlet’s own pages', () => {
    const body =
      linkTo('https://www.paper.example.com/2023/earlier', 'our earlier reporting') +
      linkTo('https://www.nature.com/a');
    expect(scanNews(body).kinds).not.toContain('own-site-links');
    const on = scanNews(body, true).of('own-site-links');
    expect(on).toHaveLength(1);
    expect(on[0]?.message).toBe(
      '1 linked claim links to this outlet’s own pages (example.com), not to an outside source.',
    );
    expect(on[0]?.claims).toEqual(['c1']);
  });

  it('social-post-only: a claim whose only source is a post, not one that also cites a report', () => {
    const { of } = scanNews(
      linkTo('https://twitter.com/someone/status/123456', 'tweeted') +
        `<p>The minister <a href="https://x.com/minister/status/99">posted</a> and <a href="https://gov.example.org/release">a release</a> confirmed it on Monday.</p>`,
    );
    const found = of('social-post-only');
    expect(found).toHaveLength(1);
    expect(found[0]?.claims).toEqual(['c1']);
    expect(found[0]?.message).toContain('a post on twitter.com');
  });

  it('knows posts by their address on each platform, not accounts or other pages', () => {
    const linked = (url: string, label: string): Source => ({
      id: 's1',
      kind: 'linked',
      label,
      title: '',
      publisher: null,
      url,
      text: '',
      claimIds: [],
    });
    expect(isSocialPost(linked('https://twitter.com/a/status/1', 'twitter.com'))).toBe(true);
    expect(isSocialPost(linked('https://www.facebook.com/page/posts/107366484100773', 'facebook.com'))).toBe(
      true,
    );
    expect(isSocialPost(linked('https://www.instagram.com/p/Cabc/', 'instagram.com'))).toBe(true);
    expect(isSocialPost(linked('https://bsky.app/profile/a.bsky.social/post/3k', 'bsky.app'))).toBe(true);
    expect(isSocialPost(linked('https://www.reddit.com/r/news/comments/abc/title/', 'reddit.com'))).toBe(
      true,
    );
    expect(isSocialPost(linked('https://twitter.com/hashtag/Vote', 'twitter.com'))).toBe(false);
    expect(isSocialPost(linked('https://www.nature.com/status/1', 'nature.com'))).toBe(false);
    expect(
      isSocialPost({ ...linked('https://twitter.com/a/status/1', 'twitter.com'), kind: 'reference' }),
    ).toBe(false);
  });

  it('says nothing on a page without linked claims', () => {
    expect(scanNews('').report.findings).toEqual([]);
  });
});
