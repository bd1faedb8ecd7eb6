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
  text = '';
  private readonly preformatted: boolean;

  constructor(
    readonly block: Element,
    excluded: ReadonlySet<Element>,
  ) {
    this.preformatted = tagOf(block) === 'pre';
    for (let node: Node | null = block.firstChild; node; ) {
      if (isElement(node)) {
        const tag = tagOf(node);
        if (BLOCK_TAGS.has(tag) || NOT_TEXT.has(tag) || excluded.has(node) || isHiddenByMarkup(node)) {
          // A nested block ends the sentence before it, as the page shows it.
          if (BLOCK_TAGS.has(tag)) this.text += '\n';
          node = nextInOrder(node, block, true);
          continue;
        }
        if (tag === 'br') this.text += '\n';
        // A formula drawn as an image reads as its text (Wikipedia's math fallback images, emoji images).
        if (tag === 'img' && /math|tex|emoji/i.test(node.getAttribute('class') ?? ''))
          this.text += imageText(node);
      } else if (isText(node)) {
        this.pieces.push({ node, at: this.text.length });
        this.text += this.preformatted
          ? // In plain-text documents a blank line ends a paragraph; a single line break is only wrapping.
            node.data
              .replace(/\n(?=[ \t]*\n)|(?<=\n[ \t]*)\n|\n(?=[ \t]*[*o-][ \t])/g, '\ue000')
              .replace(/[\s\u00a0]/g, ' ')
              .replace(/\ue000/g, '\n')
          : node.data.replace(/[\s\u00a0]/g, ' ');
      }
      node = nextInOrder(node, block);
    }
  }

  /** Offset in the block text of a point, or -1 when the point's node is not part of this block's text. */
  offsetOf(point: TextPoint): number {
    const piece = this.pieces.find((p) => p.node === point.node);
    return piece ? piece.at + point.offset : -1;
  }

  /** The text nodes covering [start, end), as spans. */
  spansBetween(start: number, end: number): TextSpan[] {
    const spans: TextSpan[] = [];
    for (const piece of this.pieces) {
      const pieceEnd = piece.at + piece.node.data.length;
      if (pieceEnd <= start || piece.at >= end) continue;
      spans.push({
        start: { node: piece.node, offset: Math.max(start, piece.at) - piece.at },
        end: { node: piece.node, offset: Math.min(end, pieceEnd) - piece.at },
      });
    }
    return spans;
  }
}
