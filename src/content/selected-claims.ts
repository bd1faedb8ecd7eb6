/** The claims a reader's selection touches, for the context menu's "Check this claim". */
import type { LiveClaim } from './highlights';

/** Whether two ranges share some text (touching ends do not count). */
function overlaps(a: Range, b: Range): boolean {
  // a's end after b's start, and a's start before b's end.
  return (
    a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0
  );
}

/**
 * The ids of the claims (in page order) whose text the selection overlaps: a word of a sentence selects it,
 * and a selection across sentences selects each. Nothing for an empty selection.
 */
export function claimsInSelection(selection: Selection | null, claims: readonly LiveClaim[]): string[] {
  if (!selection || selection.isCollapsed) return [];
  const selected: Range[] = [];
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (!range.collapsed) selected.push(range);
  }
  return claims
    .filter((live) => live.ranges.some((r) => selected.some((s) => overlaps(s, r))))
    .map((live) => live.claim.id);
}
