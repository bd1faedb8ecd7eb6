import { tagOf } from './node-kinds';

const BACKLINK_CLASS =
  /backref|backlink|footnote-back|cite-backlink|footnote-return|reversefootnote|footnote-number|footnum/i;
const BACKLINK_HREF = /#(?:cite_ref|fnref|fnr\.|_ftnref|_ednref|footnote-anchor|FnAnchor|noteref)/i;

/**
 * Links (and their wrappers) that lead from a note back to its marker: "^", "↩", Wikipedia's "a b c",
 * Parsoid's numbered linkbacks. They are neither markers nor part of what a note says.
 */
export function isBackReference(el: Element): boolean {
  if (el.getAttribute('role') === 'doc-backlink' || el.hasAttribute('data-footnote-backref')) return true;
  if (el.getAttribute('rel') === 'mw:referencedBy') return true;
  const cls = el.getAttribute('class') ?? '';
  if (BACKLINK_CLASS.test(cls)) return true;
  if (tagOf(el) !== 'a') return false;
  return BACKLINK_HREF.test(el.getAttribute('href') ?? '') || /^[↩↑^⤴]+$/.test((el.textContent ?? '').trim());
}
