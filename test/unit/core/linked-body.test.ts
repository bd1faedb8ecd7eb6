import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { AroundCache, findArticleBody } from '../../../src/core/links/article-body';
import { namesAroundArticle } from '../../../src/core/links/boilerplate';
import { page } from './helpers';

function bodyOf(html: string): string[] | null {
  const doc = parseHtml(page(html));
  const steps = findArticleBody(doc.body, new AroundCache(doc.body));
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value?.map((el) => el.getAttribute('id') ?? el.localName) ?? null;
  }
}

const PARA = (n: number) =>
  `<p>Paragraph ${n} of the story says a good deal about the city council, its budget and the vote, at some length.</p>`;
const STORY = [1, 2, 3, 4, 5, 6].map(PARA).join('');

describe('article body', () => {
  it('is the block holding the running text, not the navigation, related list or footer around it', () => {
    const html = `
      <header id="top"><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
      <main><article id="story"><h1>Title</h1>${STORY}</article>
      <section id="related" class="related-stories"><p>Another story teaser that is long enough to be a paragraph, really.</p>
      <p>And yet another teaser that is long enough to be a paragraph of some sort.</p></section></main>
      <footer id="bottom"><p>Copyright notice of the publisher with many words in it, enough to count, surely.</p></footer>`;
    expect(bodyOf(html)).toEqual(['story']);
  });

  it('takes the sibling blocks of a body split by an ad or a module', () => {
    const html = `<div id="wrap"><div id="part1">${STORY}</div><div class="ad-slot" id="ad"><p>Advertisement copy long enough to be a paragraph of text, with words.</p></div><div id="part2">${[7, 8, 9].map(PARA).join('')}</div></div>`;
    expect(bodyOf(html)).toEqual(['part1', 'part2']);
  });

  it('takes the cousins of a body set in rows of columns (row > column > paragraphs), not a one-teaser box', () => {
    const row = (id: string, body: string) =>
      `<div class="row"><div class="column" id="${id}">${body}</div></div>`;
    const html = `<article id="art">${row('part1', [1, 2, 3].map(PARA).join(''))}${row('box', PARA(4))}${row('part2', [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map(PARA).join(''))}</article>`;
    expect(bodyOf(html)).toEqual(['part1', 'part2']);
  });

  it('takes the stories of a newsletter, each in its own wrapper a few levels down', () => {
    const story = (id: string, n: number[]) =>
      `<div class="story"><div class="inner"><h2>Story ${id}</h2><div class="text" id="${id}">${n.map(PARA).join('')}</div></div></div>`;
    const html = `<main><div id="issue">${story('s1', [1, 2, 3, 4, 5, 6, 7, 8])}${story('s2', [9, 10])}${story('s3', [11, 12])}</div></main>`;
    expect(bodyOf(html)).toEqual(['s1', 's2', 's3']);
  });

  it('is not hidden by a column of teasers that scores more but has no paragraphs side by side', () => {
    const teasers = Array.from(
      { length: 20 },
      (_, i) =>
        `<div class="card"><div><p>A teaser of the story number ${i}, a sentence or so long, for readers, with more words in it.</p></div></div>`,
    ).join('');
    const html = `<div><div id="cards">${teasers}</div></div><div><div id="story">${[1, 2, 3, 4].map(PARA).join('')}</div></div>`;
    expect(bodyOf(html)).toEqual(['story']);
  });

  it('trusts schema.org articleBody', () => {
    const html = `<div id="a">${STORY}</div><div id="b" itemprop="articleBody">${[7, 8, 9, 10].map(PARA).join('')}</div>`;
    expect(bodyOf(html)).toEqual(['b']);
  });

  it('leaves out comments however many paragraphs they have', () => {
    const comments = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(PARA).join('');
    const html = `<article id="story">${[1, 2, 3, 4].map(PARA).join('')}</article><section id="comments">${comments}</section>`;
    expect(bodyOf(html)).toEqual(['story']);
  });

  it('keeps a block whose class merely mentions a sidebar when it holds the running text', () => {
    const html = `<div id="content" class="sticky-sidebar-relative">${STORY}</div><div class="sidebar" id="side"><p>Short teaser in the sidebar that is long enough to count as a paragraph.</p></div>`;
    expect(bodyOf(html)).toEqual(['content']);
  });

  it('finds none on a home page of teasers, a search page or a shop', () => {
    const teasers = Array.from(
      { length: 12 },
      (_, i) =>
        `<div class="card"><h2><a href="/story-${i}">Story ${i}</a></h2><p>A teaser of the story number ${i}, a sentence or so long, for readers.</p></div>`,
    ).join('');
    expect(bodyOf(`<main>${teasers}</main>`)).toBeNull();
    const results = Array.from(
      { length: 10 },
      (_, i) => `<li><a href="/r/${i}">Result ${i}: a page about the query and more words here</a></li>`,
    ).join('');
    expect(bodyOf(`<form role="search"><input name="q"></form><ol>${results}</ol>`)).toBeNull();
    expect(
      bodyOf(
        `<div class="product"><h1>Kettle</h1><p>Boils water in two minutes, with a steel body and a lid.</p><button>Add to cart</button></div>`,
      ),
    ).toBeNull();
  });

  it('reads class words generically, as whole parts where they are short', () => {
    expect(namesAroundArticle('c-related-stories')).toBe(true);
    expect(namesAroundArticle('RelatedLinks')).toBe(true);
    expect(namesAroundArticle('ad-slot')).toBe(true);
    expect(namesAroundArticle('post-tags')).toBe(true);
    expect(namesAroundArticle('share-bar')).toBe(true);
    expect(namesAroundArticle('newsletter-promo')).toBe(true);
    // WordPress marks an article with the tags it has; a reading time is not a menu.
    expect(namesAroundArticle('post type-post tag-climate category-news')).toBe(false);
    expect(namesAroundArticle('has-sidebar article-body')).toBe(false);
    expect(namesAroundArticle('article-content entry-content')).toBe(false);
    expect(namesAroundArticle('col overflow-hidden article-column')).toBe(false);
  });
});
