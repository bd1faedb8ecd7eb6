import { tagOf } from './node-kinds';

/** Subtrees whose text is never prose: code, scripts, maths, form controls. Brackets there are not citations. */
const NEVER_PROSE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'tt',
  'math',
  'svg',
  'textarea',
  'select',
  'option',
  'button',
  'input',
  'iframe',
  'object',
  'canvas',
  'head',
  'title',
]);

/**
 * Elements a reader does not see, judged from markup only (no layout reads: the scanner must stay cheap).
 * `aria-hidden` is not among them: it hides from screen readers, not from the eye.
 */
export function isHiddenByMarkup(el: Element): boolean {
  // React's streamed server rendering parks content in `<div hidden id="S:1">` until its script moves it into place:
  // it is the page's content, about to be shown, not hidden matter.
  if (el.hasAttribute('hidden')) return !/^S:\d+$/.test(el.getAttribute('id') ?? '');
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/**
 * The body of a collapsed widget: a table, section or accordion panel the reader opens with a tap (Wikipedia's mobile
 * infobox behind "Quick facts", `mw-collapsible-content`, an accordion's panel). Hidden by markup until opened, but
 * the page's own content, not hidden matter: the markers in it are read.
 */
const COLLAPSIBLE_CONTENT = /(?:^|\s)[\w-]*(?:collaps|accordion)[\w-]*(?:\s|$)/i;

function isCollapsedContent(el: Element): boolean {
  // The class is on the body itself (`pcs-collapse-table-content`) or on the widget holding it (the apps' older
  // `pagelib_collapse_table_container > table.infobox[style="display: none"]`).
  for (const node of [el, el.parentElement]) {
    const cls = node?.getAttribute('class');
    if (cls && COLLAPSIBLE_CONTENT.test(cls)) return true;
  }
  return false;
}

const MATH_CLASS = /(?:^|\s)(?:mwe-math-element|MathJax\w*|katex\w*|math|tex|latex)(?:\s|$)/;

/** True for an element whose subtree the scanner must not read as prose. */
export function isSkippedSubtree(el: Element): boolean {
  if (NEVER_PROSE.has(tagOf(el))) return true;
  const cls = el.getAttribute('class');
  if (cls && MATH_CLASS.test(cls)) return true;
  return isHiddenByMarkup(el) && !isCollapsedContent(el);
}
