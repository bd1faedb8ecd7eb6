import type { DocumentOrder } from '../dom/document-order';
import type { CitationMarker, Claim } from '../types';
import { BlockText, blockOf } from './block-text';
import { type SentenceBounds, sentenceBoundsInSteps } from './sentences';

/** A marker ready to be placed: its public form, the sources it resolves to, and a node at its place. */
export interface PlacedMarker {
  marker: CitationMarker;
  sourceIds: string[];
  anchor: Node;
  /** Placed like a marker but not one: a `[citation needed]` flag (its sentence is reported) or an aside to leave out. */
  flag?: 'citation-needed' | 'mask';
}

export interface FlaggedSentence {
  text: string;
}

const CJK_GAP =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，！？．「」『』（）])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，！？．「」『』（）])/gu;

/** A sentence's own stop (with closing quotes or brackets), the blank a marker left, then a second full stop at the end. */
const STRAY_STOP_AFTER_MARKER = /(?<![.．]\s)([.!?。！？．]["”’」』)）]*)\s+[.。．]\s*$/u;

/** Claim text as a reader reads it: marker characters removed, leftover brackets and spaces tidied. */
function readableText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // A list bullet typed into a plain-text document ("* its version…").
      .replace(/^\s*[*•◦‣]\s+/, '')
      .replace(/\[\s*(?:[,;–-]\s*)*\]|\(\s*(?:[,;–-]\s*)*\)/g, '')
      // A stray full stop typed after the marker of a sentence that had already ended ("說詞。[91]。", "end.[1].")
      // is not read as part of it: the sentence ends at its own stop.
      .replace(STRAY_STOP_AFTER_MARKER, '$1')
      // No space goes before closing punctuation, Latin or full-width ("禁猫令[92]：" reads "禁猫令：").
      .replace(/\s+([.,;:!?)\]’”：；，。！？、）」』】〕］])/g, '$1')
      .replace(/([([‘“])\s+/g, '$1')
      // Japanese and Chinese put no space between words: the blank a marker left there goes ("東京都※1の" → "東京都の").
      .replace(CJK_GAP, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Items handled between two yields inside one block: a block of 250,000 markers is read in slices too. */
const ITEMS_PER_YIELD = 256;

/**
 * Groups markers into claims: the claim of a marker is the sentence of its block that holds it, markers kept whole
 * (their characters are blanked before segmenting, so `text.[1] Next` splits after `[1]`, never inside it).
 * Linear in the block's text and markers: one paragraph of 10,000 cited sentences costs ten times one of 1,000.
 */
export function* buildClaims(
  placed: PlacedMarker[],
  excluded: ReadonlySet<Element>,
  lang: string,
  order: DocumentOrder,
): Generator<void, { claims: Claim[]; flagged: FlaggedSentence[] }> {
  const byBlock = new Map<Element, PlacedMarker[]>();
  let n = 0;
  for (const p of placed) {
    if (++n % ITEMS_PER_YIELD === 0) yield;
    // Every marker sits under `body`, itself a block, so a marker always has one.
    const block = blockOf(p.anchor);
    if (!block) continue;
    const list = byBlock.get(block);
    if (list) list.push(p);
    else byBlock.set(block, [p]);
  }

  const claims: Claim[] = [];
  const flagged: FlaggedSentence[] = [];
  for (const [block, markers] of byBlock) {
    // One block at a time, so a page of thousands of cited paragraphs is read in slices.
    yield;
    const text = new BlockText(block, excluded);
    const mask = new Uint8Array(text.text.length);
    const located: { p: PlacedMarker; at: number }[] = [];
    n = 0;
    for (const p of markers) {
      if (++n % ITEMS_PER_YIELD === 0) yield;
      const span = p.marker.span;
      if (!span) {
        // A marker that shows no text (a sidenote drawn by a counter): place it at the end of the text before it.
        located.push({ p, at: Math.max(0, textBefore(text, p.anchor, order)) });
        continue;
      }
      const start = text.offsetOf(span.start);
      const end = text.offsetOf(span.end);
      if (start < 0) continue;
      mask.fill(1, start, end < 0 ? start : Math.max(start, end));
      located.push({ p, at: start });
    }
    yield* maskSeparatorsBetweenMarkers(text.text, mask);
    yield;
    const bounds = yield* segmentAroundMarkers(text.text, mask, lang);
    const groups = new Map<number, PlacedMarker[]>();
    n = 0;
    for (const { p, at } of located) {
      if (++n % ITEMS_PER_YIELD === 0) yield;
      let index = boundIndex(bounds, at);
      if (index < 0) index = bounds.length - 1;
      const group = groups.get(index);
      if (group) group.push(p);
      else groups.set(index, [p]);
    }
    n = 0;
    for (const [index, group] of [...groups].sort((a, b) => a[0] - b[0])) {
      if (++n % ITEMS_PER_YIELD === 0) yield;
      const b = bounds[index];
      if (!b) continue;
      const sentence = readableText(yield* visibleText(text.text, mask, b.start, b.end));
      const real: PlacedMarker[] = [];
      let citationNeeded = false;
      for (const p of group) {
        // A sentence of 250,000 markers is gathered in slices too.
        if (++n % ITEMS_PER_YIELD === 0) yield;
        if (!p.flag) real.push(p);
        else if (p.flag === 'citation-needed') citationNeeded = true;
      }
      if (citationNeeded && sentence) flagged.push({ text: sentence });
      // A marker after an image or a table has no sentence of its own; it still is a claim, with empty text.
      if (!real.length) continue;
      // Trim the highlighted stretch to the sentence's visible characters.
      let start = b.start;
      let end = b.end;
      while (start < end && /\s/.test(text.text[start] ?? '')) start++;
      while (end > start && /\s/.test(text.text[end - 1] ?? '')) end--;
      const sourceIds: string[] = [];
      const markers: CitationMarker[] = [];
      const seen = new Set<string>();
      for (const p of real) {
        if (++n % ITEMS_PER_YIELD === 0) yield;
        markers.push(p.marker);
        for (const id of p.sourceIds)
          if (!seen.has(id)) {
            seen.add(id);
            sourceIds.push(id);
          }
      }
      claims.push({
        id: '',
        text: sentence,
        markers,
        sourceIds,
        spans: text.spansBetween(start, end),
      });
    }
  }
  return { claims, flagged };
}

/** The sentence's text with the marker characters blanked, built from slices rather than character by character. */
function* visibleText(text: string, mask: Uint8Array, start: number, end: number): Generator<void, string> {
  const parts: string[] = [];
  let i = start;
  while (i < end) {
    if (parts.length % (ITEMS_PER_YIELD * 16) === ITEMS_PER_YIELD * 16 - 1) yield;
    let j = i;
    if (mask[i]) {
      while (j < end && mask[j]) j++;
      parts.push(' '.repeat(j - i));
    } else {
      while (j < end && !mask[j]) j++;
      parts.push(text.slice(i, j));
    }
    i = j;
  }
  return parts.join('');
}

/**
 * The sentence holding offset `at`. Bounds partition the text in order (each starts where the one before ends), so
 * the one holding `at` is the last that starts at or before it, unless that one is empty; -1 when none holds it.
 */
function boundIndex(bounds: readonly SentenceBounds[], at: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] as SentenceBounds).start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Of bounds starting at the same offset only the last can be non-empty; it holds `at` or nothing does.
  const b = bounds[found];
  return b && at < b.end ? found : -1;
}

/** "[35, 2, 5]", "¹,²": the commas and brackets between neighbouring markers belong to them, not to the sentence. */
function* maskSeparatorsBetweenMarkers(text: string, mask: Uint8Array): Generator<void, void> {
  for (let i = 1; i < text.length; i++) {
    if (i % (ITEMS_PER_YIELD * 64) === 0) yield;
    if (mask[i] || !mask[i - 1]) continue;
    let end = i;
    while (end < text.length && !mask[end] && end - i <= 3 && /[\s,;–-]/.test(text[end] ?? '')) end++;
    if (end < text.length && mask[end] && end > i) for (let k = i; k < end; k++) mask[k] = 1;
  }
}

/**
 * Sentence bounds of a block's text, in its own offsets, with markers kept whole: their characters are taken out
 * before segmenting (UAX #29 splits "A b.[1] C d." inside the marker, and sees "mastiffs.[9])" end before ")"),
 * a marker between two words counts as a space, and a marker right after a full stop ends its sentence.
 * The squeezed text is built from slices of runs, with a map back to the block's offsets: linear in the text.
 */
function* segmentAroundMarkers(
  text: string,
  mask: Uint8Array,
  lang: string,
): Generator<void, SentenceBounds[]> {
  const parts: string[] = [];
  let length = 0;
  // The last three characters of the squeezed text so far: all the rules below look at.
  let tail = '';
  const append = (part: string) => {
    parts.push(part);
    length += part.length;
    tail = (tail + part.slice(-3)).slice(-3);
  };
  const original: number[] = [];
  const breaks: number[] = [];
  let i = 0;
  let sinceYield = 0;
  while (i < text.length) {
    if (sinceYield > ITEMS_PER_YIELD * 64) {
      sinceYield = 0;
      yield;
    }
    if (!mask[i]) {
      let j = i;
      while (j < text.length && !mask[j]) original.push(j++);
      append(text.slice(i, j));
      sinceYield += j - i;
      i = j;
      continue;
    }
    let end = i;
    while (end < text.length && mask[end]) end++;
    sinceYield += end - i;
    const before = tail;
    const after = text[end] ?? '';
    if (/\S$/.test(before) && /[\p{L}\p{N}]/u.test(after)) {
      append(' ');
      original.push(end - 1);
    }
    if (/[.!?]["”’)]*$/.test(before) && /\s/.test(after)) {
      let next = end;
      while (next < text.length && /\s/.test(text[next] ?? '')) next++;
      breaks.push(length + (next - end));
    }
    i = end;
  }
  original.push(text.length);
  const squeezed = parts.join('');
  yield;
  const bounds = yield* sentenceBoundsInSteps(squeezed, lang, breaks);
  yield;
  // A block of nothing but markers (after an image) is one empty sentence.
  if (!bounds.length) return [{ start: 0, end: text.length }];
  // Back to the block's offsets; each sentence runs to where the next begins, so markers between stay with it.
  return bounds.map((b, k) => ({
    start: k === 0 ? 0 : (original[b.start] ?? text.length),
    end: k === bounds.length - 1 ? text.length : (original[bounds[k + 1]?.start ?? b.end] ?? text.length),
  }));
}

/** Offset just before `anchor` in the block's text (for markers without text). */
function textBefore(text: BlockText, anchor: Node, order: DocumentOrder): number {
  // Pieces are in document order: bisect for the last one before the anchor.
  const at = order.of(anchor);
  let lo = 0;
  let hi = text.pieces.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = text.pieces[mid] as (typeof text.pieces)[number];
    if (order.of(piece.node) < at) {
      last = piece.at + piece.node.data.length - 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last;
}
