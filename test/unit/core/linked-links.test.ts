import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { type CitationLink, citationLink } from '../../../src/core/links/citation-links';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import { siteOfUrl as siteOfUrlWith } from '../../../src/core/links/site';

const siteOfUrl = (url: string | null) => siteOfUrlWith(url, siteByPublicSuffix);
const siteOf = siteByPublicSuffix;

const PAGE = 'https://www.news.example.com/2024/01/story';

function classify(a: string, own = false): CitationLink | null {
  const doc = parseHtml(`<!doctype html><html><body><p>${a}</p></body></html>`);
  const link = doc.querySelector('a');
  if (!link) throw new Error('no link');
  return citationLink(link, { base: PAGE, pageSite: siteOfUrl(PAGE), countOwnSiteLinks: own, siteOf });
}

describe('which links are citations', () => {
  it('names sites by registrable domain', () => {
    expect(siteOfUrl('https://edition.cnn.com/a')).toBe('cnn.com');
    expect(siteOfUrl('https://www.cnn.com/b')).toBe('cnn.com');
    expect(siteOfUrl('https://www.bbc.co.uk/news/x')).toBe('bbc.co.uk');
    expect(siteOfUrl('https://alice.github.io/post')).toBe('alice.github.io');
    expect(siteOfUrl('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
  });

  it('takes an http(s) link to another site, absolute, fragment dropped for identity', () => {
    expect(classify('<a href="https://www.nature.com/articles/x#sec2">a study</a>')).toEqual({
      href: 'https://www.nature.com/articles/x#sec2',
      url: 'https://www.nature.com/articles/x',
      site: 'nature.com',
    });
    expect(classify('<a href="//journals.example.org/paper">paper</a>')?.site).toBe('example.org');
  });

  it('leaves out the page’s own site unless asked, in any of its subdomains', () => {
    expect(classify('<a href="/2023/earlier-story">earlier reporting</a>')).toBeNull();
    expect(classify('<a href="https://data.news.example.com/report">the data</a>')).toBeNull();
    expect(classify('<a href="/2023/earlier-story">earlier reporting</a>', true)?.url).toBe(
      'https://www.news.example.com/2023/earlier-story',
    );
  });

  it('counts the site a saved copy declares (canonical) as its own too', () => {
    const doc = parseHtml(
      '<!doctype html><html><body><p><a href="https://www.news.example.com/a">ours</a></p></body></html>',
    );
    const link = doc.querySelector('a');
    if (!link) throw new Error('no link');
    const served = {
      base: 'http://127.0.0.1:8080/copy',
      pageSite: '127.0.0.1',
      countOwnSiteLinks: false,
      siteOf,
    };
    expect(citationLink(link, served)).not.toBeNull();
    expect(citationLink(link, { ...served, alsoOwn: siteOfUrl(PAGE) })).toBeNull();
  });

  it('leaves out mailto, tel, javascript', () => {
    expect(classify('<a href="mailto:desk@example.org">write</a>')).toBeNull();
    expect(classify('<a href="tel:+15555555">call</a>')).toBeNull();
    expect(classify('<a href="javascript:void(0)">x</a>')).toBeNull();
  });

  it('leaves out share and intent links', () => {
    expect(
      classify('<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.org">Share</a>'),
    ).toBeNull();
    expect(classify('<a href="https://twitter.com/intent/tweet?text=hi">Tweet</a>')).toBeNull();
    expect(
      classify('<a href="https://www.linkedin.com/shareArticle?url=https://x.org">Share</a>'),
    ).toBeNull();
    expect(classify('<a href="https://api.whatsapp.com/send?text=x">Send</a>')).toBeNull();
  });

  it('leaves out tag, topic, author, profile and search pages', () => {
    expect(classify('<a href="https://other.org/tag/climate/">climate</a>')).toBeNull();
    expect(classify('<a href="https://other.org/topics/health">health</a>')).toBeNull();
    expect(classify('<a href="https://other.org/author/jane-doe">Jane Doe</a>')).toBeNull();
    expect(classify('<a href="https://other.org/profile/jdoe">Jane</a>')).toBeNull();
    expect(classify('<a href="https://other.org/search?q=vaccines">search</a>')).toBeNull();
    // A document filed under a topic is still a document.
    expect(
      classify('<a href="https://agency.gov/topics/health/reports/2020-annual.pdf">report</a>'),
    ).not.toBeNull();
  });

  it('leaves out a social account’s home but keeps its posts', () => {
    expect(classify('<a href="https://twitter.com/someone">@someone</a>')).toBeNull();
    expect(classify('<a href="https://www.instagram.com/someone/">her Instagram</a>')).toBeNull();
    expect(classify('<a href="https://www.linkedin.com/in/someone">LinkedIn</a>')).toBeNull();
    expect(classify('<a href="https://www.youtube.com/@channel">channel</a>')).toBeNull();
    expect(classify('<a href="https://twitter.com/someone/status/123">tweeted</a>')?.site).toBe(
      'twitter.com',
    );
    expect(classify('<a href="https://www.youtube.com/watch?v=abc">a video</a>')?.site).toBe('youtube.com');
  });

  it('leaves out shop and affiliate links', () => {
    expect(classify('<a href="https://www.amazon.com/dp/B000123">buy it</a>')).toBeNull();
    expect(classify('<a href="https://shop.example.org/item?tag=mysite-20">deal</a>')).toBeNull();
    expect(classify('<a href="https://amzn.to/3abc">deal</a>')).toBeNull();
    expect(
      classify('<a rel="sponsored nofollow" href="https://vendor.example.org/offer">offer</a>'),
    ).toBeNull();
    // A redirector whose query carries the shop's address with the affiliate tag inside it, or a campaign id.
    expect(
      classify(
        '<a href="https://go.redirector.example/Proxy.ashx?tsid=1&GR_URL=https%3A%2F%2Fshop.example.org%2Fp%3Ftag%3Dsite-20">Shop</a>',
      ),
    ).toBeNull();
    expect(
      classify('<a href="https://rover.market.example/rover/1/x?campid=53&mpre=https%3A%2F%2Fa.b">eBay</a>'),
    ).toBeNull();
    // A document in a folder that happens to be called products is a document, not a shop.
    expect(
      classify('<a href="https://www.aba.com/Products/Endorsed/Documents/Study.pdf">a study</a>')?.site,
    ).toBe('aba.com');
    // A query without an affiliate key is a page like any other.
    expect(classify('<a href="https://data.example.org/report?id=5&lang=en">the report</a>')?.site).toBe(
      'example.org',
    );
  });

  it('leaves out the links a wiki engine draws: interwiki and sister projects, bare external links in its content', () => {
    expect(
      classify('<a href="https://commons.wikimedia.org/wiki/Category:Dogs" class="extiw">Commons</a>'),
    ).toBeNull();
    expect(
      classify('<a rel="mw:WikiLink/Interwiki" href="https://en.wiktionary.org/wiki/docga">docga</a>'),
    ).toBeNull();
    expect(
      classify('<a rel="mw:ExtLink" class="external text" href="https://www.aces.edu/pubs/x.pdf">senses</a>'),
    ).toBeNull();
    const doc = parseHtml(
      '<!doctype html><html><body><div class="mw-parser-output"><p><a rel="nofollow" class="external text" href="https://www.mathpages.com/x.htm">Hermitian</a></p></div><p><a class="external" href="https://www.mathpages.com/y.htm">a blog marks its outgoing links</a></p></body></html>',
    );
    const [wiki, blog] = Array.from(doc.querySelectorAll('a'));
    const context = { base: PAGE, pageSite: siteOfUrl(PAGE), countOwnSiteLinks: false, siteOf };
    expect(wiki && citationLink(wiki, context)).toBeNull();
    // Outside a wiki's content, class="external" is only a blog theme saying the link leaves the site.
    expect(blog && citationLink(blog, context)?.site).toBe('mathpages.com');
  });

  it('leaves out a link that only wraps an image', () => {
    expect(classify('<a href="https://photos.example.org/p/1"><img src="x.jpg" alt=""></a>')).toBeNull();
    expect(
      classify('<a href="https://photos.example.org/p/1"> <img src="x.jpg" alt="Photo"> </a>'),
    ).toBeNull();
  });
});
