/**
 * linkedom builds its tree straight from htmlparser2's tags, without the HTML tree-construction rules a browser
 * follows, and its `document.body` is only the element right after `<head>` (an empty one is made up otherwise).
 * Real pages put things between `</head>` and `<body>` (a `<script>`, a `<div id="holder">` wrapping `<body>`),
 * leave `<body>` out, or write content after `</html>`: a browser shows their text, linkedom gave an empty body.
 * This step moves the top of the tree to where a browser puts it: one `<html>` holding `<head>` then `<body>`;
 * head elements met before the content go to the head; the first other thing starts the body; a `<body>`,
 * `<head>` or `<html>` tag met inside the content is dropped (its attributes merged, its children kept in place).
 */

const ELEMENT = 1;
const TEXT = 3;
const DOCTYPE = 10;

/** Elements a browser keeps in the head when they come before any content (HTML "in head" start tags). */
const HEAD_ELEMENTS = new Set([
  'BASE',
  'BASEFONT',
  'BGSOUND',
  'LINK',
  'META',
  'NOFRAMES',
  'NOSCRIPT',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'TITLE',
]);

const isElement = (n: Node, tag?: string): n is Element =>
  n.nodeType === ELEMENT && (tag === undefined || (n as Element).tagName === tag);
const isBlankText = (n: Node) => n.nodeType === TEXT && !(n.textContent ?? '').trim();
const isText = (n: Node) => n.nodeType === TEXT;

/** A copy of the children, safe to walk while moving them (linkedom's document walks its doctype apart). */
function childList(parent: Node): Node[] {
  return Array.from(parent.childNodes);
}

/** Whether the tree already has the shape a browser would give it (most pages): then nothing is touched. */
function isWellFormed(document: Document): boolean {
  let html: Element | null = null;
  for (const n of childList(document)) {
    if (isElement(n)) {
      if (html || n.tagName !== 'HTML') return false;
      html = n;
    } else if (isText(n) && !isBlankText(n)) return false;
  }
  if (!html) return false;
  const elements: Element[] = [];
  for (const n of childList(html)) {
    if (isElement(n)) elements.push(n);
    else if (isText(n) && !isBlankText(n)) return false;
  }
  const [head, body] = elements;
  if (elements.length !== 2 || head?.tagName !== 'HEAD' || body?.tagName !== 'BODY') return false;
  for (const n of childList(head)) {
    if (isElement(n) ? !HEAD_ELEMENTS.has(n.tagName) : isText(n) && !isBlankText(n)) return false;
  }
  return body.querySelector('html, head, body') === null;
}

function mergeAttributes(into: Element, from: Element): void {
  for (const name of from.getAttributeNames())
    if (!into.hasAttribute(name)) into.setAttribute(name, from.getAttribute(name) ?? '');
}

/** Puts `element`'s children where it stands and removes it. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  for (const c of childList(element)) parent.insertBefore(c, element);
  element.remove();
}

/** Gives a linkedom document the `<html><head/><body/></html>` top a browser would build from the same markup. */
export function repairTree(document: Document): Document {
  if (isWellFormed(document)) return document;
  if (document.querySelector('frameset')) return document;
  const top = childList(document);
  let html = top.find((n): n is Element => isElement(n, 'HTML')) ?? null;
  const created = !html;
  if (!html) html = document.createElement('html');

  // The nodes in the order the parser met them, the first <html>'s children in its place.
  const nodes: Node[] = [];
  for (const n of top) {
    if (n.nodeType === DOCTYPE) continue;
    if (n === html) for (const c of childList(html)) nodes.push(c);
    else if (isElement(n) || (isText(n) && !isBlankText(n))) nodes.push(n);
  }
  const head =
    nodes.find((n): n is Element => isElement(n, 'HEAD')) ?? (document.createElement('head') as Element);
  const body = document.createElement('body');
  let inBody = false;
  const place = (n: Node): void => {
    if (isElement(n, 'BODY')) {
      mergeAttributes(body, n);
      inBody = true;
      for (const c of childList(n)) place(c);
      n.remove();
    } else if (isElement(n, 'HEAD') || isElement(n, 'HTML')) {
      if (isElement(n, 'HTML')) mergeAttributes(html, n);
      for (const c of childList(n)) place(c);
      n.remove();
    } else if (inBody) body.appendChild(n);
    else if (isElement(n) && HEAD_ELEMENTS.has(n.tagName)) head.appendChild(n);
    else if (isElement(n) || (isText(n) && !isBlankText(n))) {
      inBody = true;
      body.appendChild(n);
    }
    // Comments and blank text before the content stay where they are.
  };
  for (const n of nodes) {
    if (n !== head) {
      place(n);
      continue;
    }
    // In the head, the first thing that is not a head element ends it: it and all after it are content.
    let rest = false;
    for (const c of childList(head)) {
      if (!rest && (isElement(c) ? HEAD_ELEMENTS.has(c.tagName) : !isText(c) || isBlankText(c))) continue;
      rest = true;
      place(c);
    }
  }
  if (created) document.appendChild(html);
  html.insertBefore(head, html.firstChild);
  html.appendChild(body);
  for (const misplaced of Array.from(body.querySelectorAll('html, head, body'))) {
    if (misplaced.tagName === 'BODY') mergeAttributes(body, misplaced);
    else if (misplaced.tagName === 'HTML') mergeAttributes(html, misplaced);
    unwrap(misplaced);
  }
  return document;
}
