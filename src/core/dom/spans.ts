import type { TextSpan } from '../types';
import { isText, nextInOrder } from './node-kinds';

/** All text nodes under `root`, in order. */
export function textNodesUnder(root: Node): Text[] {
  const out: Text[] = [];
  for (let node: Node | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (isText(node)) out.push(node);
  }
  return out;
}

/** The span covering every character of `el`'s text; null when it has none. */
export function spanOfElement(el: Node): TextSpan | null {
  const nodes = textNodesUnder(el).filter((t) => t.data.length > 0);
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return null;
  return { start: { node: first, offset: 0 }, end: { node: last, offset: last.data.length } };
}

/** The text node just before `node` in document order (outside it), if the nearest one is a text node. */
function adjacentText(node: Node, direction: 'before' | 'after'): Text | null {
  let current: Node | null = node;
  while (current) {
    const sibling: Node | null = direction === 'before' ? current.previousSibling : current.nextSibling;
    if (sibling) {
      let leaf: Node = sibling;
      while (leaf.firstChild && !isText(leaf))
        leaf = (direction === 'before' ? leaf.lastChild : leaf.firstChild) as Node;
      return isText(leaf) ? leaf : null;
    }
    current = current.parentNode;
    // Brackets live beside the marker or beside its sup/span wrapper, not further out.
    if (
      !current ||
      /^(?:p|li|div|td|th|dd|body|section|article)$/i.test((current as Element).localName ?? '')
    ) {
      return null;
    }
  }
  return null;
}

/**
 * Widens a marker's span over brackets that sit just outside it in neighbouring text (`[<a>RFC2119</a>]`),
 * so that the claim text and highlights treat "[RFC2119]" as one marker.
 */
export function widenOverBrackets(el: Element, span: TextSpan): { span: TextSpan; bracketed: boolean } {
  const before = adjacentText(el, 'before');
  const after = adjacentText(el, 'after');
  const opens = before ? /\[\s*$/.exec(before.data) : null;
  const closes = after ? /^\s*\]/.exec(after.data) : null;
  if (!before || !after || !opens || !closes) return { span, bracketed: false };
  return {
    span: {
      start: { node: before, offset: opens.index },
      end: { node: after, offset: closes[0].length },
    },
    bracketed: true,
  };
}
