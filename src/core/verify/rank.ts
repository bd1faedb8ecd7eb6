import MiniSearch from 'minisearch';
import { type AnalysedText, analyseText, type ClaimAnalysis, combine, indexTerms } from './analyse';
import { buildPassages, type Passage } from './passages';

/** What a judge reads: a page's sentences, and optionally its passages (built from the sentences if absent). */
export interface SourceLike {
  sentences: readonly string[];
  passages?: readonly Passage[];
}

export interface SourceIndex {
  passages: readonly Passage[];
  /** One analysis per passage, same order. */
  analyses: AnalysedText[];
  /** One analysis per sentence. */
  sentences: AnalysedText[];
  /** The whole page read as one text. */
  whole: AnalysedText;
  search: MiniSearch<{ id: number; terms: string }>;
}

/**
 * Indexes a source's passages for BM25+ ranking (MiniSearch). Terms are Porter stems of content words plus
 * normalised quantities, so "servers" finds "server" and "200,000" finds "200 thousand".
 */
export function indexSource(source: SourceLike): SourceIndex {
  const sentenceAnalyses = source.sentences.map(analyseText);
  const passages = source.passages ?? buildPassages(source.sentences);
  const analyses = passages.map((p) => combine(sentenceAnalyses.slice(p.start, p.end)));
  const search = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    // Documents and queries arrive as already-normalised terms joined by spaces.
    tokenize: (text) => text.split(' ').filter((t) => t.length > 0),
    processTerm: (term) => term,
  });
  search.addAll(analyses.map((a, id) => ({ id, terms: indexTerms(a).join(' ') })));
  return { passages, analyses, sentences: sentenceAnalyses, whole: combine(sentenceAnalyses), search };
}

export interface RankedPassage {
  /** Index into {@link SourceIndex.passages}. */
  id: number;
  bm25: number;
}

/** The passages BM25+ ranks highest for a claim, best first. */
export function rankPassages(index: SourceIndex, claim: ClaimAnalysis, limit = 50): RankedPassage[] {
  const query = [...new Set(indexTerms(claim))].join(' ');
  if (!query) return [];
  return index.search
    .search(query, { combineWith: 'OR', prefix: false, fuzzy: false })
    .slice(0, limit)
    .map((r) => ({ id: r.id as number, bm25: r.score }));
}
