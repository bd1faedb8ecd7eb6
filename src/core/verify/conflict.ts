import type { AnalysedText, ClaimAnalysis } from './analyse';
import { coverageOf } from './coverage';
import { hasNegation, negatesAny } from './negation';
import { normaliseText } from './normalise';
import { type Quantity, quantityMatches } from './numbers';
import type { SourceIndex } from './rank';
import type { Pick } from './select';
import { CLAUSE_BREAK, foldText, isContentWord, stem } from './text';

/** What the source says against the claim: "the source says 2019, the claim says 2021". */
export interface Conflict {
  kind: 'number' | 'negation';
  claim: string;
  source: string;
}

/**
 * A sentence must hold this share of the claim's words before it counts as saying the same thing: below it, a
 * different figure is more likely about something else.
 */
const SAME_SUBJECT = 0.6;

/** The sentence of the passage holding most of the claim's words, with that share. */
function closestSentence(
  claim: ClaimAnalysis,
  index: SourceIndex,
  pick: Pick,
): { at: number; sentence: AnalysedText; share: number } | null {
  const passage = index.passages[pick.id];
  if (!passage || claim.stems.size === 0) return null;
  let best: { at: number; sentence: AnalysedText; share: number } | null = null;
  for (let i = passage.start; i < passage.end; i++) {
    const s = index.sentences[i];
    if (!s) continue;
    const share = coverageOf(claim, s).stems.size / claim.stems.size;
    if (!best || share > best.share) best = { at: i, sentence: s, share };
  }
  return best;
}

/** The stem of the first word after a quantity in a text ("200,000 AI agent servers" → "ai"), if any. */
function wordAfter(text: string, q: Quantity): string | null {
  const normal = normaliseText(text);
  const at = normal.indexOf(q.raw);
  if (at < 0) return null;
  for (const w of foldText(normal.slice(at + q.raw.length)).split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    return isContentWord(w) ? stem(w) : null;
  }
  return null;
}

/** The text of sentence `i` (its one-sentence passage). */
function sentenceText(index: SourceIndex, i: number): string {
  return index.passages.find((p) => p.start === i && p.end === i + 1)?.text ?? '';
}

/**
 * A figure of the claim that the best passage gives otherwise: a sentence saying the same thing with another year,
 * another percentage, or another count of the same thing (the word after the figure agrees: "20,000 servers"
 * against "200,000 servers").
 */
export function numberConflict(
  claim: ClaimAnalysis,
  index: SourceIndex,
  picks: readonly Pick[],
): Conflict | null {
  const best = picks[0];
  if (!best) return null;
  const close = closestSentence(claim, index, best);
  if (!close || close.share < SAME_SUBJECT) return null;
  const text = sentenceText(index, close.at);
  for (const [i, q] of claim.quantities.entries()) {
    if (picks.some((p) => p.coverage.quantities[i])) continue;
    const after = q.year || q.percent ? null : wordAfter(claim.text, q);
    for (const s of close.sentence.quantities) {
      if (s.year !== q.year || s.percent !== q.percent || quantityMatches(q, s)) continue;
      if (claim.quantities.some((c) => quantityMatches(c, s))) continue;
      if (!q.year && !q.percent && (after === null || wordAfter(text, s) !== after)) continue;
      return { kind: 'number', claim: q.raw, source: s.raw };
    }
  }
  return null;
}

/** The first content word a negation cue in `tokens` governs, among `wanted`, as "not approve". */
function negatedPhrase(
  tokens: readonly string[],
  wanted: (t: string) => boolean,
): { cue: string; word: string } | null {
  for (let i = 0; i < tokens.length; i++) {
    const cue = tokens[i] ?? '';
    if (!hasNegation(tokens.slice(i, i + 2)) || hasNegation(tokens.slice(i + 1, i + 2))) continue;
    if (!negatesAny([cue, ...tokens.slice(i + 1, i + 5)], wanted)) continue;
    const word = tokens.slice(i + 1, i + 5).find((t) => isContentWord(t) && t !== CLAUSE_BREAK);
    if (word) return { cue, word };
  }
  return null;
}

/**
 * The words of a negation conflict: what the best passage's closest sentence negates and the claim affirms, or
 * the reverse ("the source says not approve, the claim says approved").
 */
export function negationWords(
  claim: ClaimAnalysis,
  index: SourceIndex,
  picks: readonly Pick[],
): Conflict | null {
  const best = picks[0];
  if (!best) return null;
  const close = closestSentence(claim, index, best);
  if (!close) return null;
  const tokens = close.sentence.tokens;
  const shared = new Set(claim.tokens.filter((t) => isContentWord(t) && tokens.includes(t)));
  const asClaim = (w: string) => claim.terms.find((t) => t.stem === stem(w))?.word ?? w;
  if (claim.negated) {
    const p = negatedPhrase(claim.tokens, (t) => shared.has(t));
    return p && { kind: 'negation', claim: `${p.cue} ${p.word}`, source: p.word };
  }
  const p = negatedPhrase(tokens, (t) => shared.has(t));
  return p && { kind: 'negation', claim: asClaim(p.word), source: `${p.cue} ${p.word}` };
}
