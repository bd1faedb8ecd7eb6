/**
 * Claims as live `Range`s, registered in `CSS.highlights`. Nothing here touches the page's DOM: highlights are
 * painted by the browser from ranges, and the `::highlight()` rules come from the stylesheet the manifest
 * declares with the content script (src/shared/highlight-style.ts).
 */
import type { Claim, JsonClaim, TextPoint } from '../core';

export interface LiveClaim {
  /**
   * The claim as the card and the popup show it (the report's JSON form, which the controller keeps anyway). The
   * scan's own claim, with its spans and markers, is let go once its ranges exist: a page of 20,000 claims kept
   * both.
   */
  claim: JsonClaim;
  /** Position among the page's claims, in document order. */
  index: number;
  /** The claim's text as ranges: one per run of spans with nothing but whitespace between them. */
  ranges: Range[];
  /** From the first range's start to the last range's end: to find the claim under a point by bisection. */
  extent: Range;
  /**
   * The text node where each of its citation markers starts (the JSON claim has no nodes): a click on a marker's
   * link opens this claim, and focus goes back to that link after Escape.
   */
  markerNodes: Node[];
}

function rangeBetween(doc: Document, start: TextPoint, end: TextPoint): Range {
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/**
 * Turns a claim's spans (one per text node) into as few ranges as show the same text: consecutive spans merge
 * when only whitespace lies between them, which is the usual case (a link or an <em> inside the sentence), so a
 * sentence is mostly one range. Text between spans that is not the claim's (a sidenote's own text) stays out.
 * Null when the spans no longer fit the page (it changed since the scan).
 */
export function rangesForClaim(doc: Document, claim: Claim): Range[] | null {
  const ranges: Range[] = [];
  let current: Range | null = null;
  try {
    for (const span of claim.spans) {
      if (!span.start.node.isConnected || !span.end.node.isConnected) return null;
      if (current) {
        const gap = scratchRange(doc);
        gap.setStart(current.endContainer, current.endOffset);
        const ordered = gap.comparePoint(span.start.node, span.start.offset) >= 0;
        if (ordered) {
          gap.setEnd(span.start.node, span.start.offset);
          if (gap.toString().trim() === '') {
            current.setEnd(span.end.node, span.end.offset);
            continue;
          }
        }
      }
      current = rangeBetween(doc, span.start, span.end);
      if (!current.collapsed) ranges.push(current);
    }
  } catch {
    return null; // an offset past the end of a node the page has since edited
  }
  return ranges.length > 0 ? ranges : null;
}

/**
 * One range per document for the gaps between a claim's spans, set again for each gap: a page of 20,000 claims made
 * as many throw-away ranges, and each live range is a wrapper whose collection (weak handles) showed as 60-160 ms
 * tasks of the garbage collector after the scan.
 */
const scratch = new WeakMap<Document, Range>();

function scratchRange(doc: Document): Range {
  let range = scratch.get(doc);
  if (!range) {
    range = doc.createRange();
    scratch.set(doc, range);
  }
  return range;
}

/** Builds a claim's live form (`shown`: the same claim in the report's JSON form); null when its text is gone. */
export function liveClaim(doc: Document, claim: Claim, index: number, shown: JsonClaim): LiveClaim | null {
  const ranges = rangesForClaim(doc, claim);
  if (!ranges) return null;
  const first = ranges[0] as Range;
  const markerNodes: Node[] = [];
  for (const marker of claim.markers) if (marker.span) markerNodes.push(marker.span.start.node);
  // Most claims are one range, which is its own extent: no second live range for the page to keep up to date.
  if (ranges.length === 1) return { claim: shown, index, ranges, extent: first, markerNodes };
  const last = ranges[ranges.length - 1] as Range;
  const extent = doc.createRange();
  extent.setStart(first.startContainer, first.startOffset);
  extent.setEnd(last.endContainer, last.endOffset);
  return { claim: shown, index, ranges, extent, markerNodes };
}

/**
 * Puts claims in document order (which the bisection in `claimAtPoint` relies on) and numbers them. The scan gives
 * them in document order but for rare nesting (a claim of an outer block after a nested block's), so the order is
 * checked first, a slice at a time, and the sort, which costs many boundary comparisons, runs only when needed.
 */
export async function inDocumentOrder(
  live: LiveClaim[],
  yieldToHost: () => Promise<void>,
  sliceMs: number,
): Promise<void> {
  const byStart = (a: LiveClaim, b: LiveClaim) =>
    a.extent.compareBoundaryPoints(Range.START_TO_START, b.extent);
  let sorted = true;
  let deadline = performance.now() + sliceMs;
  for (let i = 1; i < live.length && sorted; i++) {
    if (byStart(live[i - 1] as LiveClaim, live[i] as LiveClaim) > 0) sorted = false;
    if (performance.now() >= deadline) {
      await yieldToHost();
      deadline = performance.now() + sliceMs;
    }
  }
  if (!sorted) live.sort(byStart);
  live.forEach((l, i) => {
    l.index = i;
  });
}

/** Whether the Custom Highlight API is there (Chrome 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * The names this content script has registered. Kept here rather than read back from `CSS.highlights`, whose
 * iterators Firefox does not let a content script walk (the registry is the page's, seen through an Xray).
 */
const registered = new Set<string>();

/** Registers (or replaces) a named highlight; an empty list removes it. */
export function setHighlight(name: string, ranges: readonly Range[], priority = 0): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    registered.delete(name);
    return;
  }
  // Added one by one: spreading an unbounded list into the constructor overflows the stack past ~100,000 ranges.
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  registered.add(name);
}

/** Removes every CiteLens highlight, or all but the names in `keep`. */
export function clearHighlights(keep: ReadonlySet<string> = new Set()): void {
  if (!highlightsSupported()) return;
  for (const name of [...registered]) {
    if (keep.has(name)) continue;
    CSS.highlights.delete(name);
    registered.delete(name);
  }
}

/**
 * The claim under a viewport point, if any. The caret position under the point (`caretPositionFromPoint`, or
 * `caretRangeFromPoint` in older engines) is bisected against the claims' extents, which are in document order;
 * then the point must fall inside one of the claim's line boxes, so a click in the margin beside a line's end,
 * whose caret lands at the end of that line, opens nothing.
 */
export function claimAtPoint(
  doc: Document,
  claims: readonly LiveClaim[],
  x: number,
  y: number,
): LiveClaim | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let lo = 0;
  let hi = claims.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const live = claims[mid] as LiveClaim;
    let where: number;
    try {
      where = live.extent.comparePoint(caret.node, caret.offset);
    } catch {
      return null; // a caret in another document (an iframe) or a doctype
    }
    if (where < 0) hi = mid - 1;
    else if (where > 0) lo = mid + 1;
    else return pointInRanges(live.ranges, x, y) ? live : null;
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const legacy = (doc as { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function pointInRanges(ranges: readonly Range[], x: number, y: number): boolean {
  const slack = 2;
  for (const range of ranges) {
    for (const r of range.getClientRects()) {
      if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack)
        return true;
    }
  }
  return false;
}
