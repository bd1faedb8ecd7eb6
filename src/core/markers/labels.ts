/**
 * What a citation marker's text may look like, and the reference keys it stands for.
 * "1" → ["1"]; "1–3" → ["1","2","3"]; "1, 4" → ["1","4"]; "a" → ["a"]; "note 1" → ["note 1"].
 */

const DASH = '[-‐‑‒–—]';
const NUMBER_ITEM = `\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?`;
/** "1", "1–3", "1, 4", "2,3-5", "1; 7". */
export const NUMBER_LIST = new RegExp(`^${NUMBER_ITEM}(?:\\s*[,;]\\s*${NUMBER_ITEM})*$`);
/** MediaWiki sub-references: "1.1", "12.3". */
export const SUB_REFERENCE = /^\d{1,4}\.\d{1,3}$/;
/** A single letter note ("a"), a short letter pair ("aa"), roman numerals, symbols. */
const LETTER_NOTE = /^(?:[a-z]{1,2}|[ivxlc]{1,6}|\*{1,3}|[†‡§¶])$/i;
/** Named note groups: "note 1", "n 3", "nb 2", "Anm. 1", "Fn. 4". */
const GROUP_NOTE = /^(?:note|notes|n|nb|N\.?B\.?|Anm\.?|Fn\.?|fn|ref|lower-alpha|upper-alpha)\s*\d{1,4}$/i;
/** A named reference with a place in it, as RFCs write them: "HTTP, section 7.2", "RFC7231, Section 6.1". */
const LOCATED_REFERENCE =
  /^([A-Za-z][\w.+\-:/]{1,40}),\s*(?:section|sect?\.|§|chapter|ch\.|appendix|page|p\.|pp\.)\s*[\w.–-]{1,12}$/i;
/** Named references as IETF and scholarly pages use them: RFC2119, W3C.REC-xml, Smith2020, HTTP-SEMANTICS. */
const NAMED_REFERENCE = /^[A-Za-z][\w.+\-:/]{1,40}$/;

/** Never markers, though bracketed: editorial insertions and the page's own flags. */
const EDITORIAL =
  /^(?:sic!?|…|\.\.\.|\u2026|editor'?s? note|ed\.?|emphasis (?:added|mine|in original)|citation needed|clarification needed|when\?|who\?|which\?|by whom\?|dubious.*|verification needed|update[sd]?|edit(?:ed)?|link|pdf|video|audio|photo|source|sources|archived?|paywall|translated|translation|original|vague|according to whom\?|page needed|full citation needed|better source needed|failed verification|not in citation given|unreliable source\??)$/i;

export function stripBrackets(text: string): string {
  return text
    .trim()
    .replace(/^[[(〔]\s*/, '')
    .replace(/\s*[\])〕]$/, '')
    .trim();
}

/**
 * Notes of pages written without spaces (Japanese, Chinese): "*1", "※1", "注1", "注釈 2". They stand for note 1, as
 * the numbered list or the "※1 …" paragraph that holds the notes does.
 */
export const CJK_NOTE = /^(?:\*|※|注|註|注釈|注释|註釋|脚注|腳註|原注|訳注|译注)\s*(\d{1,3})$/;

/** Full-width forms as their ASCII selves: "［１］" is "[1]", "（２）" is "(2)", "＊３" is "*3". */
export function halfWidth(text: string): string {
  return /[\uff01-\uff5e]/.test(text)
    ? text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : text;
}

export function isEditorial(inner: string): boolean {
  return EDITORIAL.test(inner.trim());
}

/** Expands "1–3, 5" to ["1","2","3","5"]; caps ranges so "1–9999" cannot blow up. */
export function expandNumberList(inner: string): string[] {
  const keys: string[] = [];
  for (const part of inner.split(/\s*[,;]\s*/)) {
    const range = part.match(new RegExp(`^(\\d{1,4})\\s*${DASH}\\s*(\\d{1,4})$`));
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from <= 50) {
        for (let n = from; n <= to; n++) keys.push(String(n));
        continue;
      }
      keys.push(String(from), String(to));
      continue;
    }
    const n = part.match(/^\d{1,4}$/);
    if (n) keys.push(String(Number(part)));
  }
  return keys;
}

export type LabelKind = 'numbers' | 'letter' | 'group' | 'named';

export interface ParsedLabel {
  /** As shown, brackets dropped, whitespace folded. */
  label: string;
  keys: string[];
  kind: LabelKind;
}

/** Reads a marker's text; null when it cannot be a marker. `allowNamed` admits named references (IETF). */
export function parseMarkerLabel(text: string, allowNamed: boolean): ParsedLabel | null {
  const label = stripBrackets(halfWidth(text)).replace(/\s+/g, ' ');
  if (!label || label.length > 42) return null;
  const parsed = labelOf(label, allowNamed);
  // Editorial insertions last, and only for what reads as a label: most texts are none, and the long pattern is
  // compiled only when needed (the idle test of a page without citations never needs it).
  return parsed && !isEditorial(label) ? parsed : null;
}

/** What `label` (brackets dropped, whitespace folded) reads as, editorial insertions not yet told apart. */
function labelOf(label: string, allowNamed: boolean): ParsedLabel | null {
  if (NUMBER_LIST.test(label)) return { label, keys: expandNumberList(label), kind: 'numbers' };
  // A MediaWiki sub-reference: "1.1" is reference 1 with its own page details; its key is its own label.
  if (SUB_REFERENCE.test(label)) return { label, keys: [label], kind: 'numbers' };
  const note = CJK_NOTE.exec(label);
  if (note) return { label, keys: [String(Number(note[1]))], kind: 'numbers' };
  if (LETTER_NOTE.test(label)) return { label, keys: [label.toLowerCase()], kind: 'letter' };
  const counter = /^(lower|upper)-(alpha|latin|roman)\s*(\d{1,3})$/i.exec(label);
  if (counter) {
    // Parsoid writes the CSS counter's name ("lower-alpha 1"); the reader sees "a".
    const shown = counterLabel(
      Number(counter[3]),
      (counter[2] ?? '').toLowerCase(),
      (counter[1] ?? '').toLowerCase() === 'upper',
    );
    return { label: shown, keys: [shown.toLowerCase()], kind: 'letter' };
  }
  if (GROUP_NOTE.test(label)) return { label, keys: [label.toLowerCase()], kind: 'group' };
  if (allowNamed && NAMED_REFERENCE.test(label)) return { label, keys: [label], kind: 'named' };
  const located = allowNamed ? LOCATED_REFERENCE.exec(label) : null;
  if (located?.[1]) return { label, keys: [located[1]], kind: 'named' };
  return null;
}

/** The marker a CSS list counter draws for `n`: 1 → "a" (alpha), 4 → "iv" (roman). */
export function counterLabel(n: number, style: string, upper: boolean): string {
  let out = '';
  if (style === 'roman') {
    const numerals: [number, string][] = [
      [1000, 'm'],
      [900, 'cm'],
      [500, 'd'],
      [400, 'cd'],
      [100, 'c'],
      [90, 'xc'],
      [50, 'l'],
      [40, 'xl'],
      [10, 'x'],
      [9, 'ix'],
      [5, 'v'],
      [4, 'iv'],
      [1, 'i'],
    ];
    let rest = n;
    for (const [value, numeral] of numerals) {
      while (rest >= value) {
        out += numeral;
        rest -= value;
      }
    }
  } else {
    for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
      out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
    }
  }
  return upper ? out.toUpperCase() : out;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '˒': ',',
};

/** "¹²" → "12", "¹⁻³" → "1-3". */
export function fromSuperscriptDigits(text: string): string {
  let out = '';
  for (const ch of text) out += SUPERSCRIPT_DIGITS[ch] ?? ch;
  return out;
}

/** Runs of Unicode superscript digits (with superscript minus and comma for lists and ranges). */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹](?:[⁰¹²³⁴⁵⁶⁷⁸⁹⁻˒,]*[⁰¹²³⁴⁵⁶⁷⁸⁹])?/g;

/**
 * Markers of pages written without spaces, in plain text: full-width brackets anywhere ("［1］", "〔2〕");
 * "*1" and "※1" after a letter of those scripts or a full stop; "注1" and "(1)" only right after a full stop
 * (inside a sentence "受注1件" is an order and "手順(1)" a step). Checked further by parseMarkerLabel.
 */
export const CJK_TEXT_MARKER =
  /［[^［］\n]{1,12}］|〔[^〔〕\n]{1,12}〕|(?<=[。！？．」』）\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[*＊※]\s?[0-9０-９]{1,3}(?![0-9０-９])|(?<=[。！？．])(?:注\s?[0-9０-９]{1,3}(?![0-9０-９])|[(（]\s?[0-9０-９]{1,3}\s?[)）])/gu;

/** Whether a text node may hold one: cheap to rule out first (an English text's "(" or "*" alone does not). */
export const MAY_HOLD_CJK_MARKER =
  /[［〔※＊（]|[。！？．」』）\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][*(注]/u;

/** Bracketed runs in plain text: [1], [1–3], [1, 4], [a], [note 1], [RFC2119]. Checked further by parseMarkerLabel. */
export const BRACKET_RUN = /\[\s*([^[\]\n]{1,42}?)\s*\]/g;
