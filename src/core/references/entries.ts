import { isBackReference } from '../dom/backlinks';
import { foldWhitespace, isElement, isText, tagOf } from '../dom/node-kinds';
import { CJK_NOTE, counterLabel, fromSuperscriptDigits, halfWidth } from '../markers/labels';

/** One entry of a reference list: what a marker points to. */
export interface ReferenceEntry {
  /**
   * The nodes that make up the entry, in order: one `li`; a `dt` and its `dd`; a numbered paragraph and the blocks
   * that continue it; or the inline nodes of one `<br>`-separated line.
   */
  parts: Node[];
  /** The label the entry shows or its list gives it ("1", "a", "RFC2119"); null when it has none. */
  shownLabel: string | null;
  /** The list or container it belongs to, to find the entries nothing cites. */
  list: Element | null;
  /** The note's text when the page writes it in an attribute (a `title` tooltip) rather than in `parts`. */
  noteText?: string;
}

const ENTRY_BLOCKS = new Set([
  'li',
  'dd',
  'dt',
  'p',
  'div',
  'td',
  'tr',
  'aside',
  'blockquote',
  'section',
  'footer',
]);

/** A label at the start of an entry's text: "[1]", "1.", "1)", "(1)", "^1", "¹", "a.", "[RFC2119]". */
const LEADING_LABEL =
  /^\s*(?:\[\s*([^\]\s][^\]]{0,40}?)\s*\]|\(\s*(\d{1,4})\s*\)|(\d{1,4})\s*[.):](?=\s|$)|\^\s*(\d{1,4})\b|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})|([a-z])[.)](?=\s))/i;

const CJK_LEADING_LABEL = /^\s*(?:(?:\*|※|注|註|注釈|注释|脚注)\s*(\d{1,3})(?![\d.])|〔\s*(\d{1,3})\s*〕)/;

/** The text at the start of `el`, and whether its first piece is a small element of its own (sup, strong, a, span). */
function firstLabelElementText(el: Element): string | null {
  for (let child: Node | null = el.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      if (child.data.trim()) return null;
      continue;
    }
    if (!isElement(child)) continue;
    if (isBackReference(child)) continue;
    const tag = tagOf(child);
    if (!/^(?:sup|strong|b|a|span|small|em|i)$/.test(tag)) {
      return tag === 'p' || tag === 'div' ? firstLabelElementText(child) : null;
    }
    const text = foldWhitespace(child.textContent ?? '');
    // A label inside a bold lead-in: <b><sup>1</sup> Note:</b>.
    if (
      /^(?:b|strong|em|i|span)$/.test(tag) &&
      isElement(child.firstElementChild) &&
      !/^\[?\d{1,4}[.)\]]?$/.test(text)
    ) {
      const inner = firstLabelElementText(child);
      if (inner) return inner;
    }
    if (/^\[?\d{1,4}[.)\]]?$/.test(text)) return text.replace(/[[\].)]/g, '');
    if (/^\[?[a-z]\]?$/i.test(text)) return text.replace(/[[\]]/g, '');
    // An empty anchor (`<a id="r1"></a>`) before the label: look past it.
    if (text === '' && tag === 'a') continue;
    return null;
  }
  return null;
}

/** The label an entry shows at its start, if any. */
export function leadingLabel(el: Element): string | null {
  const fromElement = firstLabelElementText(el);
  if (fromElement) return String(/^\d+$/.test(fromElement) ? Number(fromElement) : fromElement);
  const start = halfWidth((el.textContent ?? '').trimStart().slice(0, 64));
  // "*1 …", "※1　…", "注1：…", "[注1] …", "〔1〕…": the notes of pages written without spaces.
  const cjk = CJK_LEADING_LABEL.exec(start);
  if (cjk) return String(Number(cjk[1] ?? cjk[2]));
  const match = LEADING_LABEL.exec(start);
  if (!match) return null;
  const [, bracket, paren, dotted, caret, superscript, letter] = match;
  if (bracket) {
    const note = CJK_NOTE.exec(bracket);
    if (note) return String(Number(note[1]));
    return /^\d+$/.test(bracket) ? String(Number(bracket)) : bracket;
  }
  const digits = paren ?? dotted ?? caret;
  if (digits) return String(Number(digits));
  if (superscript) return String(Number(fromSuperscriptDigits(superscript)));
  return letter ?? null;
}

const TYPE_STYLES: Record<string, { style: string; upper: boolean }> = {
  a: { style: 'alpha', upper: false },
  A: { style: 'alpha', upper: true },
  i: { style: 'roman', upper: false },
  I: { style: 'roman', upper: true },
};

/**
 * How a list numbers its items when not 1, 2, 3: its `type`, or a `list-style-type` on it or a wrapper close above
 * (Wikipedia's notes: `div.reflist[style="list-style-type: lower-alpha"]`, Parsoid's `data-mw-group="lower-alpha"`).
 * Notes lettered a, b, c are kept apart from references numbered 1, 2, 3.
 */
function counterStyle(list: Element): { style: string; upper: boolean } | null {
  const type = list.getAttribute('type');
  if (type && TYPE_STYLES[type]) return TYPE_STYLES[type] ?? null;
  const group = /^(lower|upper)-(alpha|latin|roman)$/.exec(list.getAttribute('data-mw-group') ?? '');
  if (group) return { style: group[2] === 'roman' ? 'roman' : 'alpha', upper: group[1] === 'upper' };
  for (let el: Element | null = list, depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    const declared = /list-style-type\s*:\s*(lower|upper)-(alpha|latin|roman)/i.exec(
      el.getAttribute('style') ?? '',
    );
    if (declared)
      return {
        style: declared[2]?.toLowerCase() === 'roman' ? 'roman' : 'alpha',
        upper: declared[1]?.toLowerCase() === 'upper',
      };
    if (depth > 0 && /list-style-type/i.test(el.getAttribute('style') ?? '')) return null;
  }
  return null;
}

/** Numbers of the items of each ordered list, computed once per list (a long reference list is read item by item). */
const listOrdinals = new WeakMap<Element, Map<Element, string>>();

/** An `li`'s number within its `ol` (honouring `start` and `value`), or null outside an ordered list. */
export function ordinalInList(li: Element): string | null {
  const list = li.parentElement;
  if (!list || tagOf(list) !== 'ol') return null;
  let ordinals = listOrdinals.get(list);
  if (!ordinals) {
    ordinals = new Map();
    let n = Number(list.getAttribute('start') ?? '1');
    if (!Number.isFinite(n)) n = 1;
    const style = counterStyle(list);
    for (const item of Array.from(list.children)) {
      if (tagOf(item) !== 'li') continue;
      const value = item.getAttribute('value');
      if (value && /^\d+$/.test(value)) n = Number(value);
      const ordinal = n++;
      ordinals.set(item, style ? counterLabel(ordinal, style.style, style.upper) : String(ordinal));
    }
    listOrdinals.set(list, ordinals);
  }
  return ordinals.get(li) ?? null;
}

/** "1   https://…", "1 Smith, J.": a bare number opening an entry, trusted only inside a reference section. */
function bareNumberLabel(el: Element): string | null {
  const match = /^\s*(\d{1,4})\s+\S/.exec(el.textContent ?? '');
  return match ? String(Number(match[1])) : null;
}

function labelOf(el: Element): string | null {
  return leadingLabel(el) ?? (tagOf(el) === 'li' ? ordinalInList(el) : null);
}

/** A label at the start of a plain line: "[1] ", "1. ", "1) ", or (in a reference section) a bare "1 ". */
const LINE_LABEL = /^\s*(?:\[\s*(\d{1,4}|[a-z])\s*\]|(\d{1,4})[.)](?=\s))/i;

/**
 * The `<br>`-separated lines of a block that open with a label, as entries: forum posts and plain pages write
 * their sources as "[1] http://…<br>[2] http://…". Empty when fewer than two lines are labelled.
 */
export function lineEntries(block: Element): ReferenceEntry[] {
  const lines: Node[][] = [[]];
  for (const child of Array.from(block.childNodes)) {
    if (isElement(child) && tagOf(child) === 'br') lines.push([]);
    else lines[lines.length - 1]?.push(child);
  }
  const entries: ReferenceEntry[] = [];
  for (const nodes of lines) {
    const text = nodes.map((n) => n.textContent ?? '').join('');
    const match = LINE_LABEL.exec(text);
    const first = nodes.find((n) => (n.textContent ?? '').trim());
    if (!match || !first) continue;
    const label = match[1] ?? match[2] ?? '';
    entries.push({
      parts: nodes.slice(nodes.indexOf(first)),
      shownLabel: /^\d+$/.test(label) ? String(Number(label)) : label,
      list: block,
    });
  }
  return entries.length >= 2 ? entries : [];
}

/**
 * An entry inside a plain-text document (`pre`): the label's anchor and what follows it up to the next blank line.
 */
function preformattedEntry(target: Element): ReferenceEntry {
  let start: Node = target;
  while (start.parentElement && tagOf(start.parentElement) !== 'pre') start = start.parentElement;
  const parts: Node[] = [start];
  for (let next = start.nextSibling; next; next = next.nextSibling) {
    const text = next.textContent ?? '';
    if (isText(next) && /\n[ \t]*\n/.test(text)) {
      // Keep the line's end, drop what follows the blank line.
      parts.push(next);
      break;
    }
    parts.push(next);
  }
  return { parts, shownLabel: foldWhitespace(target.textContent ?? '') || null, list: start.parentElement };
}

/** The entry a link marker's target belongs to. */
export function entryForTarget(target: Element): ReferenceEntry {
  if (target.closest('pre')) return preformattedEntry(target);
  let block: Element = target;
  while (!ENTRY_BLOCKS.has(tagOf(block)) && block.parentElement && tagOf(block.parentElement) !== 'body') {
    block = block.parentElement;
  }
  // A wrapper that only holds the target (`<span id=fn1><p>…</p></span>` seen inverted) is fine; a list is not an entry.
  if (tagOf(block) === 'ol' || tagOf(block) === 'ul') block = target;
  const parts: Node[] = [block];
  if (tagOf(block) === 'dt') {
    const dd = block.nextElementSibling;
    if (dd && tagOf(dd) === 'dd') parts.push(dd);
  }
  return { parts, shownLabel: labelOf(block), list: block.parentElement };
}

/**
 * The entries of a reference section: the items of its lists, its numbered paragraphs (with the unnumbered
 * blocks that continue them), its `dt`/`dd` pairs.
 */
export function entriesOfSection(blocks: Element[], inSection = true): ReferenceEntry[] {
  const steps = entriesOfSectionInSteps(blocks, inSection);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Items read between two yields: a list of 4,000 references is read in slices. */
const ITEMS_PER_YIELD = 128;

/** `entriesOfSection` as a generator that yields now and then. */
export function* entriesOfSectionInSteps(
  blocks: Element[],
  inSection = true,
): Generator<void, ReferenceEntry[]> {
  let read = 0;
  const entries: ReferenceEntry[] = [];
  let open: ReferenceEntry | null = null;
  const addBlock = (el: Element, list: Element | null) => {
    const lines = el.querySelector('br') ? lineEntries(el) : [];
    if (lines.length) {
      for (const line of lines) entries.push(line);
      open = null;
      return;
    }
    const label = labelOf(el) ?? (inSection ? bareNumberLabel(el) : null);
    if (label) {
      open = { parts: [el], shownLabel: label, list };
      entries.push(open);
    } else if (open) {
      open.parts.push(el);
    } else if (foldWhitespace(el.textContent ?? '')) {
      entries.push({ parts: [el], shownLabel: null, list });
    }
  };
  for (const block of blocks) {
    const tag = tagOf(block);
    if (tag === 'ol' || tag === 'ul') {
      open = null;
      for (const li of Array.from(block.children)) {
        if (++read % ITEMS_PER_YIELD === 0) yield;
        if (tagOf(li) === 'li') addBlock(li, block);
      }
      open = null;
    } else if (tag === 'dl') {
      open = null;
      for (const item of Array.from(block.children)) {
        if (++read % ITEMS_PER_YIELD === 0) yield;
        if (tagOf(item) === 'dt') {
          open = {
            parts: [item],
            shownLabel: foldWhitespace(item.textContent ?? '').replace(/^\[|\]$/g, ''),
            list: block,
          };
          entries.push(open);
        } else if (tagOf(item) === 'dd' && open) open.parts.push(item);
      }
      open = null;
    } else if (
      tag === 'div' &&
      block.children.length > 0 &&
      Array.from(block.children).every(
        (c) => ENTRY_BLOCKS.has(tagOf(c)) || /^(?:ol|ul|dl|h\d)$/.test(tagOf(c)),
      )
    ) {
      // A wrapper: read its children as blocks of the same section.
      for (const e of yield* entriesOfSectionInSteps(Array.from(block.children), inSection)) entries.push(e);
      open = null;
    } else if (tag !== 'hr' && !/^h[1-6]$/.test(tag)) {
      if (++read % ITEMS_PER_YIELD === 0) yield;
      addBlock(block, block.parentElement);
    }
  }
  return entries;
}
