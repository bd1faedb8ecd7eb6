import type { MarkerCandidate } from './candidates';
import { BRACKET_RUN, fromSuperscriptDigits, parseMarkerLabel, SUPERSCRIPT_RUN } from './labels';

/** `array[1]`, `x[i]`: an index, not a citation — an identifier right before and code-like text right after. */
function looksLikeIndexing(before: string, after: string): boolean {
  return /[\w)\]]$/.test(before) && /^(?:\s*[=[.(]|\w)/.test(after);
}

/** "km²", "10³", "x²": units and powers, not notes. */
function looksLikePower(before: string): boolean {
  return /(?:\d|\^|\b(?:[kcmµnd]?m|ft|in|mi|yd|s|kg|g|l|x|y|z|n|e|a|b|c)|°)\s*$/.test(before);
}

/** Plain-text markers in one text node: `[1]`, `[2][3]`, `[1–3]`, `[1, 4]`, `[a]`, `[note 1]`, `¹²`. */
export function textMarkers(node: Text): MarkerCandidate[] {
  const data = node.data;
  const out: MarkerCandidate[] = [];
  if (data.includes('[')) {
    for (const match of data.matchAll(BRACKET_RUN)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const text = match[0];
      if (/^\[\s*citation needed\s*\]$/i.test(text)) {
        out.push({
          shape: 'bracket-text',
          label: 'citation needed',
          keys: [],
          labelKind: 'named',
          element: null,
          target: null,
          targetElement: null,
          noteElement: null,
          declared: false,
          span: { start: { node, offset: start }, end: { node, offset: end } },
          anchor: node,
          flag: 'citation-needed',
        });
        continue;
      }
      const before = data.slice(Math.max(0, start - 12), start);
      const after = data.slice(end, end + 3);
      // "[t]he": an editor's letter inside a word.
      if (/^\p{L}/u.test(after)) continue;
      // "[2][3]": a marker right after another marker is no index, whatever precedes the first.
      if (!before.endsWith(']') && looksLikeIndexing(before, after)) continue;
      const parsed = parseMarkerLabel(match[1] ?? '', true);
      if (!parsed) continue;
      out.push({
        shape: 'bracket-text',
        label: parsed.label,
        keys: parsed.keys,
        labelKind: parsed.kind,
        element: null,
        target: null,
        targetElement: null,
        noteElement: null,
        declared: false,
        span: { start: { node, offset: start }, end: { node, offset: end } },
        anchor: node,
      });
    }
  }
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(data)) {
    for (const match of data.matchAll(SUPERSCRIPT_RUN)) {
      const start = match.index ?? 0;
      const before = data.slice(Math.max(0, start - 6), start);
      if (looksLikePower(before)) continue;
      const parsed = parseMarkerLabel(fromSuperscriptDigits(match[0]), false);
      if (parsed?.kind !== 'numbers') continue;
      out.push({
        shape: 'unicode-superscript',
        label: parsed.label,
        keys: parsed.keys,
        labelKind: parsed.kind,
        element: null,
        target: null,
        targetElement: null,
        noteElement: null,
        declared: false,
        span: { start: { node, offset: start }, end: { node, offset: start + match[0].length } },
        anchor: node,
      });
    }
  }
  return out;
}
