import { isElement, isText, nextInOrder, tagOf } from '../dom/node-kinds';
import { isHiddenByMarkup } from '../dom/skip';
import type { TextPoint, TextSpan } from '../types';

/** Elements that start a block of their own: a sentence never runs across them. */
export const BLOCK_TAGS = new Set([
  'p',
  'li',
  'dd',
  'dt',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'caption',
  'div',
  'section',
  'article',
  'aside',
  'main',
  'header',
  'footer',
  'body',
  'pre',
  'address',
  'summary',
  'details',
  'table',
  'tr',
  'tbody',
  'thead',
  'ul',
  'ol',
  'dl',
  'form',
  'fieldset',
  'figure',
  'nav',
  'center',
  'hr',
  'legend',
]);

/** Text that is not read as part of a sentence at all (code inside a sentence is). */
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'math',
  'svg',
  'textarea',
  'select',
  'input',
  'button',
  'iframe',
  'object',
  'canvas',
]);

/** `\s` but the plain space, which stays as it is: a long text of plain spaces is scanned and not copied. */
const WHITESPACE_BUT_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

function imageText(img: Element): string {
  const alt = (img.getAttribute('alt') ?? '').trim();
  const tex = /^\{\\displaystyle\s*(.*)\}$/s.exec(alt);
  return (tex ? (tex[1] ?? '') : alt).replace(/\s+/g, ' ');
}

/** The nearest block around `node`. */
export function blockOf(node: Node): Element | null {
  let current: Node | null = isElement(node) ? node.parentNode : node.parentNode;
  while (current && isElement(current)) {
    if (BLOCK_TAGS.has(tagOf(current))) return current;
    current = current.parentNode;
  }
  return null;
}

interface Piece {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  at: number;
}

/**
 * A block's text as one string, read across inline elements, with a map back to its text nodes. Whitespace is one
 * space per character (so offsets map 1:1), a `<br>` is a line break, nested blocks and excluded elements are left out.
 */
export class BlockText {
  readonly pieces: Piece[] = [];
  readonly text: string;
  private readonly preformatted: boolean;
  /** Each text node's piece index, built on the first lookup: a block with thousands of markers looks each up once. */
  private pieceIndex: Map<Text, number> | null = null;

  constructor(
    readonly block: Element,
    excluded: ReadonlySet<Element>,
  ) {
    this.preformatted = tagOf(block) === 'pre';
    // Parts joined once at the end: no string rebuilt per node, however many nodes the block holds.
    const parts: string[] = [];
    let length = 0;
    const add = (part: string) => {
      parts.push(part);
      length += part.length;
    };
    for (let node: Node | null = block.firstChild; node; ) {
      if (isElement(node)) {
        const tag = tagOf(node);
        if (BLOCK_TAGS.has(tag) || NOT_TEXT.has(tag) || excluded.has(node) || isHiddenByMarkup(node)) {
          // A nested block ends the sentence before it, as the page shows it.
          if (BLOCK_TAGS.has(tag)) add('\n');
          node = nextInOrder(node, block, true);
          continue;
        }
        if (tag === 'br') add('\n');
        // A formula drawn as an image reads as its text (Wikipedia's math fallback images, emoji images).
        if (tag === 'img' && /math|tex|emoji/i.test(node.getAttribute('class') ?? '')) add(imageText(node));
      } else if (isText(node)) {
        this.pieces.push({ node, at: length });
        add(
          this.preformatted
            ? // In plain-text documents a blank line ends a paragraph; a single line break is only wrapping.
              node.data
                .replace(/\n(?=[ \t]*\n)|(?<=\n[ \t]*)\n|\n(?=[ \t]*[*o-][ \t])/g, '\ue000')
                .replace(/[\s\u00a0]/g, ' ')
                .replace(/\ue000/g, '\n')
            : node.data.replace(WHITESPACE_BUT_SPACE, ' '),
        );
      }
      node = nextInOrder(node, block);
    }
    this.text = parts.join('');
  }

  /** Offset in the block text of a point, or -1 when the point's node is not part of this block's text. */
  offsetOf(point: TextPoint): number {
    if (!this.pieceIndex) {
      this.pieceIndex = new Map();
      // The first piece of a node wins, as a search from the start would find it.
      this.pieces.forEach((p, i) => {
        if (!this.pieceIndex?.has(p.node)) this.pieceIndex?.set(p.node, i);
      });
    }
    const index = this.pieceIndex.get(point.node);
    const piece = index === undefined ? undefined : this.pieces[index];
    return piece ? piece.at + point.offset : -1;
  }

  /** Index of the first piece that ends after `offset` (pieces are in text order, so their ends never decrease). */
  firstPieceEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = this.pieces[mid] as Piece;
      if (p.at + p.node.data.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The text nodes covering [start, end), as spans. */
  spansBetween(start: number, end: number): TextSpan[] {
    const spans: TextSpan[] = [];
    for (let i = this.firstPieceEndingAfter(start); i < this.pieces.length; i++) {
      const piece = this.pieces[i] as Piece;
      if (piece.at >= end) break;
      const pieceEnd = piece.at + piece.node.data.length;
      if (pieceEnd <= start) continue;
      spans.push({
        start: { node: piece.node, offset: Math.max(start, piece.at) - piece.at },
        end: { node: piece.node, offset: Math.min(end, pieceEnd) - piece.at },
      });
    }
    return spans;
  }
}
