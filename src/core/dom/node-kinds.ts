/** Node tests by `nodeType`, so the core needs no `instanceof` against one window's constructors. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node | null | undefined): node is Text {
  return !!node && node.nodeType === TEXT_NODE;
}

/** Lower-case tag name; '' for non-elements. */
export function tagOf(node: Node | null | undefined): string {
  return isElement(node) ? node.localName.toLowerCase() : '';
}

/** Next node in document order, not descending into `node` when `skipChildren`, never leaving `root`. */
export function nextInOrder(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let current: Node | null = node;
  while (current && current !== root) {
    if (current.nextSibling) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}

/** Ancestor-or-self elements, nearest first, up to (not including) `stop`. */
export function* ancestorsOf(node: Node, stop: Node | null = null): Generator<Element> {
  let current: Node | null = isElement(node) ? node : node.parentNode;
  while (current && current !== stop && isElement(current)) {
    yield current;
    current = current.parentNode;
  }
}

/** Folds every run of whitespace (including no-break spaces) into one space. */
export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}
