import type { TextSpan } from '../types';
import type { MarkerCandidate } from './candidates';
import {
  BRACKET_RUN,
  CJK_TEXT_MARKER,
  fromSuperscriptDigits,
  MAY_HOLD_CJK_MARKER,
  type ParsedLabel,
  parseMarkerLabel,
  SUPERSCRIPT_RUN,
} from './labels';

/** A candidate that lives in the text itself: no element, no link target. */
function textCandidate(
  shape: MarkerCandidate['shape'],
  parsed: ParsedLabel,
  node: Text,
  span: TextSpan,
  flag?: MarkerCandidate['flag'],
): MarkerCandidate {
  return {
    shape,
    label: parsed.label,
    keys: parsed.keys,
    labelKind: parsed.kind,
    element: null,
    target: null,
    targetElement: null,
    noteElement: null,
    declared: false,
    span,
    anchor: node,
    ...(flag ? { flag } : {}),
  };
}

/** A letter of a script written without spaces between words or sentences. */
const CJK_LETTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const CITATION_NEEDED_LABEL: ParsedLabel = { label: 'citation needed', keys: [], kind: 'named' };

/** `array[1]`, `x[i]`: an index, not a citation — an identifier right before and code-like text right after. */
function looksLikeIndexing(before: string, after: string): boolean {
  return /[\w)\]]$/.test(before) && /^(?:\s*[=[.(]|\w)/.test(after);
}

/** "km²", "10³", "x²": units and powers, not notes. */
function looksLikePower(before: string): boolean {
  return /(?:\d|\^|\b(?:[kcmµnd]?m|ft|in|mi|yd|s|kg|g|l|x|y|z|n|e|a|b|c)|°)\s*$/.test(before);
}

/**
 * A bracket that opens in this text node and closes in a later sibling: "[HTTP, <a>section 7.2</a>]".
 * Only the located form counts here, so `[<a href="#ref-X">X</a>]` stays the link marker it is.
 */
export function crossNodeMarker(node: Text): MarkerCandidate | null {
  const open = /\[([A-Za-z][\w.+\-:/]{0,40},[^[\]]{0,30})$/.exec(node.data);
  if (!open) return null;
  let inner = open[1] ?? '';
  let sibling = node.nextSibling;
  for (let hops = 0; sibling && hops < 4 && inner.length < 80; hops++, sibling = sibling.nextSibling) {
    const text = sibling.textContent ?? '';
    const close = text.indexOf(']');
    if (close < 0 || sibling.nodeType !== 3) {
      if (close >= 0) return null;
      inner += text;
      continue;
    }
    const parsed = parseMarkerLabel(inner + text.slice(0, close), true);
    if (parsed?.kind !== 'named' || !parsed.label.includes(',')) return null;
    return textCandidate('bracket-text', parsed, node, {
      start: { node, offset: open.index },
      end: { node: sibling as Text, offset: close + 1 },
    });
  }
  return null;
}

/** Plain-text markers in one text node: `[1]`, `[2][3]`, `[1–3]`, `[1, 4]`, `[a]`, `[note 1]`, `¹²`. */
export function textMarkers(node: Text): MarkerCandidate[] {
  return Array.from(eachTextMarker(node));
}

/**
 * The same markers one at a time, found as they are asked for: a text node of 250,000 markers is read in slices
 * by a walker that stops and resumes.
 */
export function* eachTextMarker(node: Text): Generator<MarkerCandidate, void> {
  const data = node.data;
  if (data.includes('[')) {
    for (const match of data.matchAll(BRACKET_RUN)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const text = match[0];
      if (/^\[\s*citation needed\s*\]$/i.test(text)) {
        const span = { start: { node, offset: start }, end: { node, offset: end } };
        yield textCandidate('bracket-text', CITATION_NEEDED_LABEL, node, span, 'citation-needed');
        continue;
      }
      const before = data.slice(Math.max(0, start - 12), start);
      const after = data.slice(end, end + 3);
      // "[t]he": an editor's letter inside a word. Not in scripts written without spaces, where the next sentence
      // starts right after the marker ("…である。[1]大阪は…").
      if (/^\p{L}/u.test(after) && !CJK_LETTER.test(after)) continue;
      // "[2][3]": a marker right after another marker is no index, whatever precedes the first.
      if (!before.endsWith(']') && looksLikeIndexing(before, after)) continue;
      const parsed = parseMarkerLabel(match[1] ?? '', true);
      if (!parsed) continue;
      yield textCandidate('bracket-text', parsed, node, {
        start: { node, offset: start },
        end: { node, offset: end },
      });
    }
  }
  if (MAY_HOLD_CJK_MARKER.test(data)) {
    // "（1）申請する。（2）届け出る。": a paragraph that opens with (1) enumerates; its (2) is no note.
    const enumerates = /^\s*[(（]\s?[1１]\s?[)）]/.test(data);
    for (const match of data.matchAll(CJK_TEXT_MARKER)) {
      if (enumerates && /^[(（]/.test(match[0])) continue;
      const parsed = parseMarkerLabel(match[0], false);
      if (parsed?.kind !== 'numbers') continue;
      const start = match.index ?? 0;
      yield textCandidate('bracket-text', parsed, node, {
        start: { node, offset: start },
        end: { node, offset: start + match[0].length },
      });
    }
  }
  const spanning = data.includes('[') ? crossNodeMarker(node) : null;
  if (spanning) yield spanning;
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(data)) {
    for (const match of data.matchAll(SUPERSCRIPT_RUN)) {
      const start = match.index ?? 0;
      const before = data.slice(Math.max(0, start - 6), start);
      if (looksLikePower(before)) continue;
      const parsed = parseMarkerLabel(fromSuperscriptDigits(match[0]), false);
      if (parsed?.kind !== 'numbers') continue;
      const end = start + match[0].length;
      yield textCandidate('unicode-superscript', parsed, node, {
        start: { node, offset: start },
        end: { node, offset: end },
      });
    }
  }
}
