import type { DocumentOrder } from '../dom/document-order';
import type { CitationMarker, Claim } from '../types';
import { BlockText, blockOf } from './block-text';
import { sentenceBounds } from './sentences';

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

/** Claim text as a reader reads it: marker characters removed, leftover brackets and spaces tidied. */
function readableText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // A list bullet typed into a plain-text document ("* its version…").
      .replace(/^\s*[*•◦‣]\s+/, '')
      .replace(/\[\s*(?:[,;–-]\s*)*\]|\(\s*(?:[,;–-]\s*)*\)/g, '')
      .replace(/\s+([.,;:!?)\]’”])/g, '$1')
      .replace(/([([‘“])\s+/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Groups markers into claims: the claim of a marker is the sentence of its block that holds it, markers kept whole
 * (their characters are blanked before segmenting, so `text.[1] Next` splits after `[1]`, never inside it).
 */
export function* buildClaims(
  placed: PlacedMarker[],
  excluded: ReadonlySet<Element>,
  lang: string,
  order: DocumentOrder,
): Generator<void, { claims: Claim[]; flagged: FlaggedSentence[] }> {
  const byBlock = new Map<Element, PlacedMarker[]>();
  for (const p of placed) {
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
    for (const p of markers) {
      const span = p.marker.span;
      if (!span) {
        // A marker that shows no text (a sidenote drawn by a counter): place it at the end of the text before it.
        located.push({ p, at: Math.max(0, textBefore(text, p.anchor, order)) });
        continue;
      }
      const start = text.offsetOf(span.start);
      const end = text.offsetOf(span.end);
      if (start < 0) continue;
      for (let i = start; i < (end < 0 ? start : end); i++) mask[i] = 1;
      located.push({ p, at: start });
    }
    maskSeparatorsBetweenMarkers(text.text, mask);
    const bounds = segmentAroundMarkers(text.text, mask, lang);
    const groups = new Map<number, PlacedMarker[]>();
    for (const { p, at } of located) {
      let index = bounds.findIndex((b) => at >= b.start && at < b.end);
      if (index < 0) index = bounds.length - 1;
      const group = groups.get(index);
      if (group) group.push(p);
      else groups.set(index, [p]);
    }
    for (const [index, group] of [...groups].sort((a, b) => a[0] - b[0])) {
      const b = bounds[index];
      if (!b) continue;
      let visible = '';
      for (let i = b.start; i < b.end; i++) visible += mask[i] ? ' ' : (text.text[i] ?? '');
      const sentence = readableText(visible);
      const real = group.filter((p) => !p.flag);
      if (group.some((p) => p.flag === 'citation-needed') && sentence) flagged.push({ text: sentence });
      // A marker after an image or a table has no sentence of its own; it still is a claim, with empty text.
      if (!real.length) continue;
      // Trim the highlighted stretch to the sentence's visible characters.
      let start = b.start;
      let end = b.end;
      while (start < end && /\s/.test(text.text[start] ?? '')) start++;
      while (end > start && /\s/.test(text.text[end - 1] ?? '')) end--;
      const sourceIds: string[] = [];
      for (const p of real) for (const id of p.sourceIds) if (!sourceIds.includes(id)) sourceIds.push(id);
      claims.push({
        id: '',
        text: sentence,
        markers: real.map((p) => p.marker),
        sourceIds,
        spans: text.spansBetween(start, end),
      });
    }
  }
  return { claims, flagged };
}

/** "[35, 2, 5]", "¹,²": the commas and brackets between neighbouring markers belong to them, not to the sentence. */
function maskSeparatorsBetweenMarkers(text: string, mask: Uint8Array): void {
  for (let i = 1; i < text.length; i++) {
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
 */
function segmentAroundMarkers(text: string, mask: Uint8Array, lang: string) {
  let squeezed = '';
  const original: number[] = [];
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!mask[i]) {
      squeezed += text[i];
      original.push(i);
      continue;
    }
    let end = i;
    while (end < text.length && mask[end]) end++;
    const before = squeezed.slice(-3);
    const after = text[end] ?? '';
    if (/\S$/.test(before) && /[\p{L}\p{N}]/u.test(after)) {
      squeezed += ' ';
      original.push(end - 1);
    }
    if (/[.!?]["”’)]*$/.test(before) && /\s/.test(after)) {
      let next = end;
      while (next < text.length && /\s/.test(text[next] ?? '')) next++;
      breaks.push(squeezed.length + (next - end));
    }
    i = end - 1;
  }
  original.push(text.length);
  const bounds = sentenceBounds(squeezed, lang, breaks);
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
  let last = -1;
  const at = order.of(anchor);
  for (const piece of text.pieces)
    if (order.of(piece.node) < at) last = piece.at + piece.node.data.length - 1;
  return last;
}
