import { tagOf } from '../dom/node-kinds';
import { isSkippedSubtree } from '../dom/skip';

/**
 * What surrounds an article rather than being it: navigation, header and footer, bylines and author boxes,
 * related/most-read lists, newsletter and subscription boxes, share bars, comments, captions, ads, cookie banners,
 * tables of contents, tag lists. Judged from markup only (tag, ARIA role, and the generic words sites use for
 * these parts in class and id), never from a list of sites.
 */

const AROUND_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'figure', 'figcaption', 'dialog', 'menu']);

const AROUND_ROLES =
  /^(?:navigation|banner|contentinfo|complementary|search|dialog|alertdialog|menu|menubar|toolbar|tablist|form)$/;

/** Words long enough to mean the same inside a compound class name ("c-related-stories", "RelatedLinks"). */
const AROUND_WORDS =
  /related|recommend|newsletter|subscri|signup|sign-up|comment|disqus|reflist|references|footnotes|endnotes|bibliograph|sharing|sharebar|share-bar|social|sidebar|cookie|consent|gdpr|byline|breadcrumb|outbrain|taboola|sponsor|advert|promo|popular|trending|mostread|most-read|moreon|more-on|morestories|more-stories|read-more|readmore|readnext|read-next|upnext|up-next|footnote-back|author-bio|authorbio|about-the-author|author-info|author-box|tag-list|taglist|tagcloud|keywords|table-of-contents|tableofcontents|caption|credit|disclaimer|teaser|masthead|toolbar|pagination|pager|jump-link|skip-link|modal|overlay|banner|video-player|tweet|instagram-media|tiktok-embed|inline-ad|print-only|visually-hidden|sr-only|screen-reader|screenreader/;

/** Short words that name a part wherever they stand in a class name ("ad-slot", "c-nav", "toc-list"), split at - and _. */
const AROUND_PARTS = new Set([
  'ad',
  'ads',
  'adv',
  'dfp',
  'gpt',
  'share',
  'shares',
  'toc',
  'nav',
  'navbar',
  'menu',
  'cta',
]);

/**
 * Short words that name a part only as a class name's last word ("post-tags", "entry-author", "article-footer"):
 * in front they are often a value ("tag-climate" is WordPress saying which tags an article has).
 */
const AROUND_LAST_PARTS = new Set([
  'tag',
  'tags',
  'bio',
  'author',
  'authors',
  'footer',
  'header',
  'meta',
  'dateline',
  'topics',
  'categories',
  'follow',
  'related',
  'aside',
]);

/** Whether an element is one of the parts around an article (not its prose), from its own markup. */
export function isAroundArticle(el: Element): boolean {
  const tag = tagOf(el);
  if (AROUND_TAGS.has(tag) || isSkippedSubtree(el)) return true;
  const role = el.getAttribute('role');
  if (role && AROUND_ROLES.test(role.trim().toLowerCase())) return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /\b(?:author|publisher|comment|breadcrumb|keywords)\b/i.test(itemprop)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (COMMENTS.test(names)) return true;
  // Class words are a hint, not a verdict: "sticky-sidebar-relative" or "paywall-container" can wrap the article
  // itself, so a named block that holds paragraphs of running text is not set aside.
  return namesAroundArticle(names) && !holdsRunningText(el);
}

const COMMENTS = /comment|disqus/i;

/** Paragraphs of running text a block must hold to be (part of) the article whatever its class says. */
const RUNNING_TEXT_PARAGRAPHS = 3;

function holdsRunningText(el: Element): boolean {
  let found = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 80 || !/[.!?:;…»"”]\s|[.!?…»"”]$/.test(text)) continue;
    let linked = 0;
    for (const a of Array.from(p.querySelectorAll('a'))) linked += (a.textContent ?? '').trim().length;
    if (linked < text.length / 2 && ++found >= RUNNING_TEXT_PARAGRAPHS) return true;
  }
  return false;
}

/** Whether class and id words name a part around the article. */
export function namesAroundArticle(names: string): boolean {
  const words = names
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .trim();
  if (!words) return false;
  for (const token of words.split(/\s+/)) {
    // "has-sidebar", "with-comments", "no-ads": a state of the whole page, not a part of it.
    if (/^(?:has|with|no|is|show|hide|enable|disable)[-_]/.test(token)) continue;
    if (AROUND_WORDS.test(token)) return true;
    const parts = token.split(/[-_]+/);
    for (const part of parts) if (AROUND_PARTS.has(part)) return true;
    if (AROUND_LAST_PARTS.has(parts[parts.length - 1] ?? '')) return true;
  }
  return false;
}
