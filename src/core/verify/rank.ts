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
  /** The analysis of passage `id`, combined from its sentences on first use (most passages never need it). */
  analysis(id: number): AnalysedText;
  /** One analysis per sentence. */
  sentences: AnalysedText[];
  /** The whole page read as one text. */
  whole: AnalysedText;
  /** The whole page's folded tokens joined by spaces, with a space at both ends, for whole-name search. */
  wholeTokenString: string;
  /** The whole page's distinct folded tokens. */
  wholeWords: Set<string>;
  search: MiniSearch<{ id: number; terms: string }>;
}

/**
 * Indexes a source's passages for BM25+ ranking (MiniSearch). Terms are Porter stems of content words plus
 * normalised quantities, so "servers" finds "server" and "200,000" finds "200 thousand".
 */
export function indexSource(source: SourceLike): SourceIndex {
  const sentenceAnalyses = source.sentences.map(analyseText);
  const passages = source.passages ?? buildPassages(source.sentences);
  const analyses: (AnalysedText | undefined)[] = [];
  const empty = analyseText('');
  const analysis = (id: number): AnalysedText => {
    let a = analyses[id];
    if (!a) {
      const p = passages[id];
      a = p ? combine(sentenceAnalyses.slice(p.start, p.end)) : empty;
      analyses[id] = a;
    }
    return a;
  };
  const search = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    // Documents and queries arrive as already-normalised terms joined by spaces.
    tokenize: (text) => text.split(' ').filter((t) => t.length > 0),
    processTerm: (term) => term,
  });
  const sentenceTerms = sentenceAnalyses.map((a) => indexTerms(a).join(' '));
  search.addAll(passages.map((p, id) => ({ id, terms: sentenceTerms.slice(p.start, p.end).join(' ') })));
  const whole = combine(sentenceAnalyses);
  return {
    passages,
    analysis,
    sentences: sentenceAnalyses,
    whole,
    wholeTokenString: ` ${whole.tokens.join(' ')} `,
    wholeWords: new Set(whole.tokens),
    search,
  };
}

export interface RankedPassage {
  /** Index into {@link SourceIndex.passages}. */
  id: number;
  bm25: number;
}

/** The passages BM25+ ranks highest for a claim, best first. */
export function rankPassages(index: SourceIndex, claim: ClaimAnalysis, limit = 50): RankedPassage[] {
  // A term's alternatives ("Libya" for "Libyan", a near spelling the page uses) are searched for too.
  const query = [...new Set([...indexTerms(claim), ...[...claim.alternatives.values()].flat()])].join(' ');
  if (!query) return [];
  return index.search
    .search(query, { combineWith: 'OR', prefix: false, fuzzy: false })
    .slice(0, limit)
    .map((r) => ({ id: r.id as number, bm25: r.score }));
}
