/**
 * Fitting the support judge from measured features: both logistic models, both cuts, and the choice of the
 * "supported" model's inputs among a few candidate sets by cross-validation inside the data it is given. Shared by
 * `npm run eval:support` (which calls it on training folds only) and scripts/fit-support.ts (all the data).
 * Deterministic: fixed seeds, Newton's method, no randomness beyond the seeded folds.
 */
import {
  type FeatureName,
  type Features,
  featureVector,
  NOT_FOUND_FEATURES,
} from '../../src/core/verify/features';
import type { JudgeModel } from '../../src/core/verify/judge';
import { fitLogistic, predictProbability } from '../../src/core/verify/logistic';

export interface Labelled {
  features: Features;
  label: 'supported' | 'partially_supported' | 'not_supported';
  /** Attribution data has two labels only: its "not supported" may be partly supported, so the not-found model skips it. */
  dataset: string;
}

export const L2 = 1;
export const SEED = 20240607;

/**
 * Candidate inputs of the "supported" model; which one ships is chosen by cross-validation on the training data.
 * `pageLength` is measured but not a candidate: pooled, it learnt each dataset's share of supported claims (the
 * attribution data is half supported by construction, WiCE a third) and so called short real pages supported
 * too readily; with the datasets weighted alike, the pooled WiCE F1 it added (0.678 -> 0.685) was within noise.
 */
export const SUPPORT_CANDIDATES: readonly (readonly FeatureName[])[] = [
  ['shareBest', 'shareTop', 'missingTop', 'numbersMissingTop', 'namesMissingTop'],
  ['shareBest', 'shareTop', 'missingTop', 'numbersMissingTop', 'namesMissingTop', 'claimLength'],
  ['shareBest', 'shareTop', 'missingTop', 'numbersMissingTop', 'namesMissingTop', 'shareDoc', 'bigramsTop'],
  [
    'shareBest',
    'shareTop',
    'shareDoc',
    'missingTop',
    'numbersMissingTop',
    'numbersMissingDoc',
    'namesMissingTop',
    'namesMissingDoc',
    'bigramsTop',
    'claimLength',
  ],
];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export const f1 = (c: Counts) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);
export const precision = (c: Counts) => c.tp / Math.max(1, c.tp + c.fp);
export const recall = (c: Counts) => c.tp / Math.max(1, c.tp + c.fn);
/** Mean of the F1 of each class (supported, and the rest): AttributionBench's figure. */
export const macroF1 = (c: Counts) => (f1(c) + (2 * c.tn) / Math.max(1, 2 * c.tn + c.fp + c.fn)) / 2;

export function countAt(scores: readonly number[], truth: readonly boolean[], t: number): Counts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  scores.forEach((s, i) => {
    if (s >= t) truth[i] ? c.tp++ : c.fp++;
    else truth[i] ? c.fn++ : c.tn++;
  });
  return c;
}

export function addCounts(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
  into.tn += c.tn;
}

/** Area under the ROC curve: the chance a supported claim outscores another. */
export function auc(scores: readonly number[], truth: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, truth[i] ? 1 : 0] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let wins = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    let p = 0;
    let n = 0;
    while (j < order.length && order[j]?.[0] === order[i]?.[0]) {
      if (order[j]?.[1]) p++;
      else n++;
      j++;
    }
    wins += p * neg + (p * n) / 2;
    pos += p;
    neg += n;
    i = j;
  }
  return wins / Math.max(1, pos * neg);
}

/** Mulberry32: a tiny seeded generator, so the folds are the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold of each example, stratified by dataset and label. */
export function assignFolds(examples: readonly Labelled[], folds: number, seed: number): number[] {
  const rand = random(seed);
  const out = new Array<number>(examples.length).fill(0);
  const strata = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const key = `${e.dataset}/${e.label}`;
    strata.set(key, [...(strata.get(key) ?? []), i]);
  });
  for (const key of [...strata.keys()].sort()) {
    const ids = strata.get(key) ?? [];
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
    }
    ids.forEach((id, k) => {
      out[id] = k % folds;
    });
  }
  return out;
}

/** The cut that maximises `objective` on the training scores (midpoints between distinct scores). */
export function bestCut(scores: readonly number[], objective: (t: number) => number): number {
  const sorted = [...new Set(scores)].sort((a, b) => a - b);
  let best = 0.5;
  let bestValue = -Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const t = i === 0 ? (sorted[0] ?? 0) : ((sorted[i - 1] ?? 0) + (sorted[i] ?? 0)) / 2;
    const v = objective(t);
    if (v > bestValue) {
      bestValue = v;
      best = t;
    }
  }
  return best;
}

/**
 * The cut that maximises the F1 the model's own probabilities expect (expected true positives: the sum of the
 * probabilities at or above the cut). Smoother than the labels' F1, which jumps with each claim near the cut.
 */
export function expectedF1Cut(scores: readonly number[]): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  let best = 0.5;
  let bestValue = -Infinity;
  let tp = 0;
  for (let i = 0; i < sorted.length; i++) {
    tp += sorted[i] ?? 0;
    const v = (2 * tp) / Math.max(1e-9, i + 1 + total);
    const next = sorted[i + 1];
    if (v > bestValue && next !== sorted[i]) {
      bestValue = v;
      best = next === undefined ? (sorted[i] ?? 0) : ((sorted[i] ?? 0) + next) / 2;
    }
  }
  return best;
}

/**
 * Row weights under which each dataset counts as much as the other, whatever their sizes: 1,198 attribution pairs
 * (balanced by construction, half supported) would otherwise set the model's prior for the 349 WiCE claims.
 */
export let BALANCE = true;
export function setBalance(on: boolean): void {
  BALANCE = on;
}
function datasetWeights(rows: readonly Labelled[]): number[] | undefined {
  if (!BALANCE) return undefined;
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.dataset, (sizes.get(r.dataset) ?? 0) + 1);
  return rows.map((r) => rows.length / (sizes.size * (sizes.get(r.dataset) ?? 1)));
}

/** Fits both models and both cuts on `train`, with the given inputs for the "supported" model. */
export function fitWith(all: readonly Labelled[], inputs: readonly FeatureName[]): JudgeModel {
  // The token files hold partly supported claims only, picked by their label: in the "supported" model they would
  // teach it that long pages rarely support (pooled nested CV, WiCE dev F1 0.707 -> 0.405 with pageLength).
  const train = all.filter((e) => e.dataset !== 'wice-partial');
  const supported = train.map((e) => e.label === 'supported');
  const rows = train.map((e) => featureVector(e.features, inputs));
  const weights = datasetWeights(train);
  const model = fitLogistic(inputs, rows, supported, L2, 25, weights);
  const cutSupported = expectedF1Cut(rows.map((x) => predictProbability(model, x)));

  // "Not found" against "partly supported": only data with three labels can teach it.
  const three = all.filter((e) => e.dataset !== 'attribution');
  const notFoundInputs = [...new Set([...inputs, ...NOT_FOUND_FEATURES])];
  const notSupported = three.map((e) => e.label === 'not_supported');
  const notRows = three.map((e) => featureVector(e.features, notFoundInputs));
  const notFoundModel = fitLogistic(notFoundInputs, notRows, notSupported, L2);
  const notScores = notRows.map((x) => predictProbability(notFoundModel, x));
  const nNot = notSupported.filter(Boolean).length;
  const nOther = three.length - nNot;
  const cutNotFound = bestCut(notScores, (t) => {
    let hit = 0;
    let alarm = 0;
    notScores.forEach((s, i) => {
      if (s >= t) notSupported[i] ? hit++ : alarm++;
    });
    return hit / Math.max(1, nNot) - alarm / Math.max(1, nOther);
  });
  return { model, supported: cutSupported, notFoundModel, notFound: cutNotFound };
}

/**
 * Chooses the "supported" model's inputs by 4-fold cross-validation inside `train` (the pooled F1 of the held-out
 * parts, ties to the smaller set), then fits on all of `train`. Called on a training fold, it never sees the test fold.
 */
export function fitJudge(
  train: readonly Labelled[],
  candidates: readonly (readonly FeatureName[])[] = SUPPORT_CANDIDATES,
  seed = SEED,
): { judge: JudgeModel; inputs: readonly FeatureName[] } {
  let inputs = candidates[0] ?? [];
  if (candidates.length > 1) {
    const folds = assignFolds(train, 4, seed ^ 0x5eed);
    let bestF1 = -1;
    for (const candidate of candidates) {
      const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
      for (let k = 0; k < 4; k++) {
        const inner = train.filter((_, i) => folds[i] !== k);
        const held = train.filter((_, i) => folds[i] === k);
        const judge = fitWith(inner, candidate);
        const scores = held.map((e) => predictProbability(judge.model, featureVector(e.features, candidate)));
        addCounts(
          c,
          countAt(
            scores,
            held.map((e) => e.label === 'supported'),
            judge.supported,
          ),
        );
      }
      if (f1(c) > bestF1 + 1e-9) {
        bestF1 = f1(c);
        inputs = candidate;
      }
    }
  }
  return { judge: fitWith(train, inputs), inputs };
}
