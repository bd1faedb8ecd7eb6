import { isElement, tagOf } from '../dom/node-kinds';
import { isAroundArticle } from './boilerplate';

/**
 * The article's running text, found in the page itself from what its paragraphs look like (no clone, no writes):
 * paragraphs of sentences, few of them links, outside the parts around an article, scored up their parents the way
 * readers' modes do; the block that gathers the most is the body, with its siblings that hold more of it (bodies
 * split by ads or inline modules). A page whose best block is a few teasers (a home page, a search page, a shop)
 * has no body.
 */

/** A paragraph shorter than this is a teaser, a caption or a line of furniture, not running text. */
const MIN_PARAGRAPH = 40;
/** Share of a paragraph's text that may be links before it is a list of links rather than prose. */
const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** What the best block must gather to be an article: some paragraphs, some text. */
const MIN_BODY_PARAGRAPHS = 2;
const MIN_BODY_TEXT = 400;
/** A sibling of the best block is more of the body when it scores at least this share of it. */
const SIBLING_SHARE = 0.2;
/** Paragraphs scored per slice check. */
const PARAGRAPHS_PER_CHECK = 200;

interface Score {
  score: number;
  paragraphs: number;
  text: number;
}

/** Remembers, per element, whether it or an ancestor below `root` is a part around the article. */
export class AroundCache {
  private readonly known = new Map<Element, boolean>();
  private readonly itself = new Map<Element, boolean>();
  constructor(private readonly root: Element) {}

  /** Whether `el` itself is a part around the article, from its own markup. */
  isAroundItself(el: Element): boolean {
    let answer = this.itself.get(el);
    if (answer === undefined) {
      answer = isAroundArticle(el);
      this.itself.set(el, answer);
    }
    return answer;
  }

  /** Whether `el` (up to, not including, the root) lies in navigation, a footer, a related list, …. */
  isAround(el: Element | null): boolean {
    const chain: Element[] = [];
    let answer = false;
    for (let current = el; current && current !== this.root && isElement(current); ) {
      const known = this.known.get(current);
      if (known !== undefined) {
        answer = known;
        break;
      }
      chain.push(current);
      if (this.isAroundItself(current)) {
        answer = true;
        break;
      }
      current = current.parentElement;
    }
    for (const el of chain) this.known.set(el, answer);
    return answer;
  }
}

function textLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

/**
 * The article body's blocks in document order, or null when the page has none. `itemprop="articleBody"` is taken
 * at its word when it holds text; otherwise paragraphs are scored.
 */
export function* findArticleBody(root: Element, around: AroundCache): Generator<void, Element[] | null> {
  const declared = Array.from(root.querySelectorAll('[itemprop~="articleBody"]')).filter(
    (el) => textLength(el.textContent ?? '') >= MIN_BODY_TEXT,
  );
  const outermost = declared.filter((el) => !declared.some((other) => other !== el && other.contains(el)));
  if (outermost.length) return outermost;

  const scores = new Map<Element, Score>();
  /** Paragraphs of running text per parent: an article has paragraphs side by side, a page of teasers one per card. */
  const siblings = new Map<Element, number>();
  /** Index of the first paragraph each scored block holds: document order without asking the DOM. */
  const firstAt = new Map<Element, number>();
  const add = (el: Element | null, score: number, text: number) => {
    if (!el || el === root.parentElement) return;
    const s = scores.get(el);
    if (s) {
      s.score += score;
      s.paragraphs++;
      s.text += text;
    } else scores.set(el, { score, paragraphs: 1, text });
  };
  const paragraphs = root.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++) {
    if (i % PARAGRAPHS_PER_CHECK === PARAGRAPHS_PER_CHECK - 1) yield;
    const p = paragraphs[i] as Element;
    const length = proseLength(p);
    if (length < MIN_PARAGRAPH || around.isAround(p)) continue;
    // Commas are a cheap sign of sentences rather than labels.
    const score = length + 10 * Math.min(3, (p.textContent ?? '').split(',').length - 1);
    const parent = p.parentElement;
    const grandparent = parent?.parentElement ?? null;
    if (parent) siblings.set(parent, (siblings.get(parent) ?? 0) + 1);
    for (let el: Element | null = p, up = 0; el && up < 4; el = el.parentElement, up++)
      if (!firstAt.has(el)) firstAt.set(el, i);
    add(parent, score, length);
    add(grandparent, score / 2, length);
    add(grandparent?.parentElement ?? null, score / 3, length);
  }

  // Only a block that holds paragraphs side by side can be the body: a column of teasers (one paragraph per card)
  // can outscore a short article beside it, and must not hide it.
  const runs = new Map<Element, number>();
  for (const [parent, n] of siblings) {
    if (n < MIN_BODY_PARAGRAPHS) continue;
    for (let el: Element | null = parent, up = 0; el && up < 3; el = el.parentElement, up++)
      runs.set(el, Math.max(runs.get(el) ?? 0, n));
  }
  let best: Element | null = null;
  let bestScore: Score | null = null;
  for (const [el, s] of scores) {
    if (!runs.has(el)) continue;
    if (!bestScore || s.score > bestScore.score) {
      best = el;
      bestScore = s;
    }
  }
  if (!best || !bestScore || bestScore.paragraphs < MIN_BODY_PARAGRAPHS || bestScore.text < MIN_BODY_TEXT)
    return null;
  const parent = best.parentElement;
  if (!parent || best === root) return [best];
  const blocks: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (child === best) blocks.push(child);
    else if (around.isAround(child)) continue;
    else if ((scores.get(child)?.score ?? 0) >= SIBLING_SHARE * bestScore.score) blocks.push(child);
    else if (tagOf(child) === 'p' && proseLength(child) >= 2 * MIN_PARAGRAPH) blocks.push(child);
  }
  return withCousins(blocks, best, bestScore.score, { siblings, scores, firstAt }, root, around);
}

/**
 * The body's other parts that are not its siblings but its cousins: an article set in several rows or sections
 * (`row > column > p…`, one wrapper per stretch of text, split by ads or boxes) has its best part in one wrapper
 * and the rest in the wrappers beside it. A block of running text (paragraphs side by side) within a few levels
 * of the best block, outside the parts around an article, scoring a fair share of it, is more of the body.
 */
function withCousins(
  blocks: Element[],
  best: Element,
  bestScore: number,
  {
    siblings,
    scores,
    firstAt,
  }: { siblings: Map<Element, number>; scores: Map<Element, Score>; firstAt: Map<Element, number> },
  root: Element,
  around: AroundCache,
): Element[] {
  let scope: Element = best;
  for (let i = 0; i < COUSIN_LEVELS && scope.parentElement && scope !== root; i++)
    scope = scope.parentElement;
  const added: Element[] = [];
  for (const [holder, paragraphs] of siblings) {
    if (paragraphs < MIN_BODY_PARAGRAPHS || !scope.contains(holder) || holder === scope) continue;
    if (blocks.some((b) => b === holder || b.contains(holder) || holder.contains(b))) continue;
    if ((scores.get(holder)?.score ?? 0) < COUSIN_SHARE * bestScore) continue;
    if (around.isAround(holder)) continue;
    added.push(holder);
  }
  if (!added.length) return blocks;
  const all = [...blocks, ...added.filter((a) => !added.some((b) => b !== a && b.contains(a)))];
  const at = (el: Element) => firstAt.get(el) ?? Number.POSITIVE_INFINITY;
  return all.sort((a, b) => at(a) - at(b));
}

/** How far up from the best block its cousins are looked for (column → row → section → article). */
const COUSIN_LEVELS = 3;
/** A cousin (paragraphs side by side, not one teaser) is more of the body when it scores at least this share of the best block. */
const COUSIN_SHARE = 0.02;

/** A paragraph's text length when it reads as prose (mostly words, not links); 0 otherwise. */
function proseLength(p: Element): number {
  const length = textLength(p.textContent ?? '');
  if (length < MIN_PARAGRAPH) return 0;
  let linked = 0;
  for (const a of Array.from(p.querySelectorAll('a'))) linked += textLength(a.textContent ?? '');
  return linked > MAX_PARAGRAPH_LINK_DENSITY * length ? 0 : length;
}
