import { analyseClaim, type ClaimAnalysis } from './analyse';
import { type Conflict, negationWords, numberConflict } from './conflict';
import { computeFeatures, type Evidence, type FeatureName, type Features, featureVector } from './features';
import { type LogisticModel, predictProbability } from './logistic';
import { missingWords } from './missing';
import { nameTokenShare } from './names';
import { indexSource, rankPassages, type SourceIndex, type SourceLike } from './rank';
import { selectEvidence } from './select';
import { withSourceSpellings } from './spelling';
import { JUDGE_MODEL } from './weights';

export type SupportVerdict = 'supported' | 'partial' | 'not_found' | 'unavailable';

export interface JudgedPassage {
  text: string;
  /** Share of the claim (content words, numbers) this passage holds, 0..1. */
  score: number;
  /** The claim's words and numbers found in it, as the claim writes them. */
  matchedTerms: string[];
}

export interface SupportJudgement {
  verdict: SupportVerdict;
  /** Estimated probability that the source supports the whole claim, 0..1. */
  score: number;
  /** Top 3, best first. */
  passages: JudgedPassage[];
  /** Claim words, numbers and names absent from those passages. */
  missingTerms: string[];
  missingNumbers: string[];
  missingNames: string[];
  /** The claim's content words and numbers the best passage does not hold, as the claim writes them. */
  missing: string[];
  /** What the best passage says against the claim ("the source says 2019, the claim says 2021"), if anything. */
  conflict: Conflict | null;
}

/** The two fitted models and their cut points. */
export interface JudgeModel {
  /** The probability that the page supports the whole claim: the judgement's `score`. */
  model: LogisticModel<FeatureName>;
  /** At or above: supported. */
  supported: number;
  /** The probability that the page does not support any of the claim, asked of claims below `supported`. */
  notFoundModel: LogisticModel<FeatureName>;
  /** At or above: not found; below: partial. */
  notFound: number;
}

const indexes = new WeakMap<SourceLike, SourceIndex>();

/** Indexes a source once however many claims are judged against it (the same object, unchanged). */
export function sourceIndex(source: SourceLike): SourceIndex {
  let index = indexes.get(source);
  if (!index) {
    index = indexSource(source);
    indexes.set(source, index);
  }
  return index;
}

/** The best passages and everything the judge measures on them, before any weighting. */
export function gatherEvidence(claim: string | ClaimAnalysis, index: SourceIndex): Evidence {
  const base = typeof claim === 'string' ? analyseClaim(claim) : claim;
  const analysed = withSourceSpellings(base, {
    stems: index.whole.stems,
    prefixes: index.whole.prefixes,
    words: index.wholeWords,
  });
  return { claim: analysed, index, picks: selectEvidence(index, analysed, rankPassages(index, analysed)) };
}

export function unavailable(): SupportJudgement {
  return {
    verdict: 'unavailable',
    score: 0,
    passages: [],
    missingTerms: [],
    missingNumbers: [],
    missingNames: [],
    missing: [],
    conflict: null,
  };
}

/** Whether a source supports a claim, on lexical evidence: see docs/support-judge.md. */
export function judgeSupport(
  claim: string,
  source: SourceLike,
  judge: JudgeModel = JUDGE_MODEL,
): SupportJudgement {
  if (source.sentences.length === 0) return unavailable();
  return judgeEvidence(gatherEvidence(claim, sourceIndex(source)), judge);
}

export function judgeEvidence(evidence: Evidence, judge: JudgeModel = JUDGE_MODEL): SupportJudgement {
  const features = computeFeatures(evidence);
  return { ...decide(features, judge), ...describe(evidence, features) };
}

/** The verdict and score for measured features: the one decision rule the runtime and the evaluation share. */
export function decide(
  features: Features,
  judge: JudgeModel = JUDGE_MODEL,
): { verdict: SupportVerdict; score: number } {
  const score = predictProbability(judge.model, featureVector(features, judge.model.features));
  // The data hold few such pairs, so these are rules, not weights: a passage that says the same thing with
  // another figure, or says the opposite, is a source that does not say this.
  if (features.numberConflict || features.negationConflict) {
    return { verdict: 'not_found', score: round(Math.min(score, judge.supported - 0.01)) };
  }
  let verdict: SupportVerdict = 'supported';
  if (score < judge.supported) {
    const notFound = predictProbability(
      judge.notFoundModel,
      featureVector(features, judge.notFoundModel.features),
    );
    verdict = notFound >= judge.notFound ? 'not_found' : 'partial';
  }
  return { verdict, score: round(score) };
}

function conflictOf(e: Evidence, features: Features): Conflict | null {
  if (features.numberConflict) return numberConflict(e.claim, e.index, e.picks);
  if (features.negationConflict)
    return negationWords(e.claim, e.index, e.picks) ?? { kind: 'negation', claim: '', source: '' };
  return null;
}

function describe(e: Evidence, features: Features): Omit<SupportJudgement, 'verdict' | 'score'> {
  const { claim, index, picks } = e;
  const passages = picks.map((p) => ({
    text: index.passages[p.id]?.text ?? '',
    score: round(p.share),
    matchedTerms: [
      ...claim.terms.filter((t) => p.coverage.stems.has(t.stem)).map((t) => t.word),
      ...claim.quantities.filter((_, i) => p.coverage.quantities[i]).map((q) => q.raw),
    ],
  }));
  const inTop = (stem: string) => picks.some((p) => p.coverage.stems.has(stem));
  const topWords = new Set(picks.flatMap((p) => index.analysis(p.id).tokens));
  return {
    passages,
    missingTerms: claim.terms.filter((t) => !inTop(t.stem)).map((t) => t.word),
    missingNumbers: claim.quantities
      .filter((_, i) => !picks.some((p) => p.coverage.quantities[i]))
      .map((q) => q.raw),
    missingNames: claim.names
      .filter((n) => nameTokenShare(n, topWords, claim.wordAlternatives) < 1)
      .map((n) => n.text),
    missing: missingWords(e, picks.slice(0, 1)),
    conflict: conflictOf(e, features),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
