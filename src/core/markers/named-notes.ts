import { blockOf } from '../claims/block-text';
import { foldWhitespace, isElement, tagOf } from '../dom/node-kinds';
import { isHiddenByMarkup } from '../dom/skip';
import { spanOfElement } from '../dom/spans';
import type { MarkerCandidate } from './candidates';
import { type ParsedLabel, parseMarkerLabel } from './labels';
import type { TargetIndex } from './target-index';

/**
 * Markers that do not link to their note the ordinary way (issue 10, shapes 2 and 3): a `javascript:`, `#` or
 * missing href with the note named in `onclick`, `aria-controls`, `aria-describedby`, `popovertarget` or a `data-*`
 * attribute (Wikidot: `footnoteref-1` → `footnote-1`); a note written in the marker's `title` or tooltip attribute;
 * a note in a hidden or tooltip element right after the marker or inside it; a `<details>` whose summary is the number.
 */

/** ARIA and HTML attributes that name another element by id (a space-separated list). */
const ID_LIST_ATTRIBUTES = [
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-owns',
  'popovertarget',
];
/** Attributes whose value is the note itself, not the name of its element (tooltip libraries, Bootstrap). */
const TEXT_ATTRIBUTES = [
  'data-tippy-content',
  'data-tooltip',
  'data-content',
  'data-bs-content',
  'data-original-title',
  'data-bs-original-title',
  'data-title',
  'data-footnote',
  'data-note',
  'title',
];
/** Classes and roles of the element that holds an inline note's text (tooltips, popovers, hidden footnote bodies). */
const NOTE_BOX_CLASS =
  /(?:tooltip|popover|popup|tippy|footnote|fn-?(?:content|body|text)|note|hint|reveal|collaps|hidden|balloon)/i;
/** Markup on the marker that says "this is a footnote": as for links (element-markers.ts), plus tooltip triggers. */
const DECLARED_MARKER_CLASS =
  /(?:footnote|fnref|noteref|note-ref|fn-ref|endnote|citation|cite|ref|fn\b|note)/i;

/** Shortest note text worth a source: a title attribute of "1" or "Note" is only a label. */
const MIN_NOTE_TEXT = 12;

/** A void `javascript:` link (`javascript:;`, `javascript:void(0)`): a button written as a link, it runs nothing. */
export function isNoopScriptHref(href: string): boolean {
  return /^\s*javascript:\s*(?:;?|void\s*\(?\s*0?\s*\)?;?|return\s+false;?|undefined;?)\s*$/i.test(href);
}

/** Whether a link's href goes nowhere: absent, empty, `#`, or `javascript:`. */
export function goesNowhere(el: Element): boolean {
  const href = el.getAttribute('href');
  return href === null || /^\s*#?\s*$/.test(href) || /^\s*javascript:/i.test(href);
}

/** Ids an element names for its note: ARIA/HTML id lists, `data-*` values, quoted strings in `onclick`. */
export function namedIds(el: Element): string[] {
  const ids: string[] = [];
  for (const name of ID_LIST_ATTRIBUTES) {
    for (const id of (el.getAttribute(name) ?? '').split(/\s+/)) if (id) ids.push(id);
  }
  for (const attr of Array.from(el.attributes)) {
    if (!attr.name.startsWith('data-') || attr.value.length > 120) continue;
    const value = attr.value.trim().replace(/^#/, '');
    if (/^[\w:.-]{1,100}$/.test(value)) ids.push(value);
  }
  const script = `${el.getAttribute('onclick') ?? ''} ${el.getAttribute('href') ?? ''}`;
  for (const match of script.matchAll(/['"]#?([\w:.-]{1,100})['"]/g)) ids.push(match[1] ?? '');
  // Last, the id pair alone (a copy whose script attributes were stripped): `footnoteref-1` names `footnote-1`.
  const own = el.getAttribute('id') ?? '';
  const paired = own.replace(/ref(?=[-_:.]?\w{1,12}$)/i, '');
  if (paired !== own && paired) ids.push(paired);
  return ids.filter(Boolean);
}

/** The element an element names as its note, if the page has it (never the element itself or one around it). */
function namedNote(el: Element, targets: TargetIndex): { id: string; element: Element } | null {
  for (const id of namedIds(el)) {
    const found = targets.find(id);
    if (found && found !== el && !found.contains(el)) return { id, element: found };
  }
  return null;
}

/** The note text an attribute carries (`title="Smith 2020, p. 4"`), whitespace folded. */
function attributeNote(el: Element, label: string): string | null {
  for (const name of TEXT_ATTRIBUTES) {
    const value = foldWhitespace(el.getAttribute(name) ?? '');
    if (value.length < MIN_NOTE_TEXT || value === label) continue;
    // A note cites or explains ("Smith 2020, p. 4", a sentence); a control's tooltip ("Jump to comments") does not.
    const words = value.split(' ').length;
    if (/https?:\/\/|\d/.test(value) ? words >= 2 : words >= 6) return value;
  }
  return null;
}

/** Whether an element looks like the box that holds an inline note's text. */
function isNoteBox(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'aside' || tag === 'dialog') return true;
  const role = el.getAttribute('role') ?? '';
  if (role === 'tooltip' || role === 'note' || role === 'dialog' || el.hasAttribute('popover')) return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!(isHiddenByMarkup(el) || NOTE_BOX_CLASS.test(cls))) return false;
  return foldWhitespace(el.textContent ?? '').length >= MIN_NOTE_TEXT;
}

/**
 * Whether `el` holds a link or button of its own (then that is the marker, read on its own), not counting those in
 * a note box it holds (the note's own links).
 */
export function holdsOwnLink(el: Element): boolean {
  for (const inner of Array.from(el.querySelectorAll('a[href], button'))) {
    let boxed = false;
    for (let up = inner.parentElement; up && up !== el; up = up.parentElement)
      if (isNoteBox(up)) boxed = true;
    if (!boxed) return true;
  }
  return false;
}

/** The marker's own text: its direct text nodes and small wrappers, not the note box it may hold. */
function ownLabelText(el: Element): string {
  let text = '';
  for (const child of Array.from(el.childNodes)) {
    if (isElement(child)) {
      if (isNoteBox(child)) continue;
      text += child.textContent ?? '';
    } else if (child.nodeType === 3) text += child.textContent ?? '';
  }
  return foldWhitespace(text);
}

/** A marker's label: a number, letter or note group ("1", "a", "note 1"), bracketed or not; never a word. */
function markerLabel(text: string): ParsedLabel | null {
  if (!text || text.length > 14) return null;
  const parsed = parseMarkerLabel(text, false);
  return parsed && parsed.kind !== 'named' ? parsed : null;
}

function inSuperscript(el: Element): boolean {
  for (let cur: Element | null = el, depth = 0; cur && depth < 3; depth++, cur = cur.parentElement) {
    if (tagOf(cur) === 'sup') return true;
    if (/vertical-align\s*:\s*super/i.test(cur.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** Whether the marker's markup or look says "note": superscript, brackets, footnote-like class. */
function looksLikeNoteMarker(el: Element, text: string): boolean {
  if (inSuperscript(el) || /^[[(［〔].*[\])］〕]$/.test(text)) return true;
  for (let cur: Element | null = el, depth = 0; cur && depth < 2; depth++, cur = cur.parentElement) {
    if (DECLARED_MARKER_CLASS.test(`${cur.getAttribute('class') ?? ''} ${cur.getAttribute('id') ?? ''}`))
      return true;
  }
  return false;
}

/** The next element after `el` (or after the wrapper that holds only it), past blank text. */
function nextElementAfter(el: Element): Element | null {
  let box: Element = el;
  const own = foldWhitespace(el.textContent ?? '');
  while (
    box.parentElement &&
    /^(?:sup|span|b|strong|small)$/.test(tagOf(box.parentElement)) &&
    foldWhitespace(box.parentElement.textContent ?? '') === own
  )
    box = box.parentElement;
  for (let n = box.nextSibling; n; n = n.nextSibling) {
    if (isElement(n)) return n;
    if ((n.textContent ?? '').trim()) return null;
  }
  return null;
}

function candidate(
  el: Element,
  parsed: ParsedLabel,
  fields: Pick<MarkerCandidate, 'shape' | 'target' | 'targetElement' | 'noteElement'> & {
    noteText?: string;
  },
): MarkerCandidate {
  // A button's text is no part of the sentence's text (block-text.ts): it is placed as a marker drawn without text.
  const labelText = tagOf(el) === 'button' ? null : textSpanOfLabel(el);
  return {
    label: parsed.label,
    keys: parsed.keys,
    labelKind: parsed.kind,
    element: el,
    declared: true,
    span: labelText,
    anchor: el,
    ...fields,
  };
}

/** The span of the marker's own label text (not of a note box inside it). */
function textSpanOfLabel(el: Element): MarkerCandidate['span'] {
  const boxes = Array.from(el.children).filter(isNoteBox);
  if (!boxes.length) return spanOfElement(el);
  const texts: Text[] = [];
  for (const child of Array.from(el.childNodes)) {
    if (isElement(child) && boxes.includes(child)) continue;
    if (child.nodeType === 3 && (child.textContent ?? '').trim()) texts.push(child as Text);
    else if (isElement(child)) {
      const inner = spanOfElement(child);
      if (inner) return inner;
    }
  }
  const first = texts[0];
  const last = texts[texts.length - 1];
  return first && last
    ? { start: { node: first, offset: 0 }, end: { node: last, offset: last.data.length } }
    : null;
}

/**
 * A marker whose note is named or written next to it rather than linked. `el` is a link going nowhere, a button,
 * a `sup`, `span` or `abbr`. Null when it is not one.
 */
export function namedNoteMarker(el: Element, targets: TargetIndex): MarkerCandidate | null {
  const tag = tagOf(el);
  if (tag === 'a' && !goesNowhere(el)) return null;
  if (tag === 'details') return detailsMarker(el);
  const text = ownLabelText(el);
  const parsed = markerLabel(text);
  if (!parsed) return null;
  const looksLikeNote = looksLikeNoteMarker(el, text);
  const named = namedNote(el, targets);
  // A note in the marker's own block is an inline note (a popover, a hidden span toggled by a button): left out of
  // the claim. A note elsewhere is an entry of a list, as a link's target is.
  const inline =
    !!named && (blockOf(named.element) === blockOf(el) || !!el.parentElement?.contains(named.element));
  // A plain button with a number (a vote count, a pager) is a marker only when what it opens is a note beside it.
  if (!looksLikeNote && !(named && inline && tagOf(el) === 'button' && isNoteBox(named.element))) return null;
  if (named) {
    return candidate(el, parsed, {
      shape: inline ? 'inline-note' : 'footnote-link',
      target: named.id,
      targetElement: named.element,
      noteElement: inline ? named.element : null,
    });
  }
  // Without a name to go by, a number after a unit or a digit is an exponent (m², 10⁶), whatever box follows it.
  if (looksLikeExponent(el)) return null;
  const inner = Array.from(el.children).find(isNoteBox);
  if (inner)
    return candidate(el, parsed, {
      shape: 'inline-note',
      target: null,
      targetElement: null,
      noteElement: inner,
    });
  const next = nextElementAfter(el);
  if (next && isNoteBox(next))
    return candidate(el, parsed, {
      shape: 'inline-note',
      target: null,
      targetElement: null,
      noteElement: next,
    });
  const written =
    attributeNote(el, text) ?? (el.parentElement ? attributeNote(el.parentElement, text) : null);
  if (written)
    return candidate(el, parsed, {
      shape: 'inline-note',
      target: null,
      targetElement: null,
      noteElement: el,
      noteText: written,
    });
  return null;
}

/** `50 m<sup>2</sup>`, `10<sup>6</sup>`: the text before the number ends in a digit or a unit, with no punctuation. */
function looksLikeExponent(el: Element): boolean {
  const before = el.previousSibling?.textContent ?? '';
  return /(?:\d|\b(?:[kcmµnd]?m|ft|in|mi|x|y|n|e))\s*$/.test(before) && !/[.,;:!?)"”’]\s*$/.test(before);
}

/** `<details><summary>1</summary>Smith 2020 …</details>`: the summary is the marker, the details its note. */
function detailsMarker(details: Element): MarkerCandidate | null {
  const summary = Array.from(details.children).find((c) => tagOf(c) === 'summary');
  if (!summary) return null;
  const parsed = markerLabel(foldWhitespace(summary.textContent ?? ''));
  if (!parsed) return null;
  if (foldWhitespace(details.textContent ?? '').length < MIN_NOTE_TEXT) return null;
  return {
    shape: 'inline-note',
    label: parsed.label,
    keys: parsed.keys,
    labelKind: parsed.kind,
    element: details,
    target: null,
    targetElement: null,
    noteElement: details,
    declared: true,
    // Drawn as a block of its own: its sentence is the text before it.
    span: null,
    anchor: details,
  };
}
