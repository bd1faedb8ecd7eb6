/**
 * Evaluates the support judge on WiCE dev (../shared/support/wice-dev.jsonl, see its README) by stratified
 * 5-fold cross-validation with a fixed seed: fit on four folds, measure on the fifth, pool the five. Prints
 * supported-vs-rest F1, precision and recall, not-supported recall, evidence@3, and the same figures for a plain
 * word-overlap baseline on the same folds. `--write` then fits on all the data and rewrites
 * src/core/verify/weights.ts. `--data FILE` reads another file of the same shape.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeFeatures, FEATURE_NAMES, type Features, featureVector } from '../src/core/verify/features';
import { decide, gatherEvidence, type JudgeModel } from '../src/core/verify/judge';
import { fitLogistic, type LogisticModel, predictProbability } from '../src/core/verify/logistic';
import { indexSource } from '../src/core/verify/rank';
import { STOP_WORDS } from '../src/core/verify/stop-words';
import { CLAUSE_BREAK, wordTokens } from '../src/core/verify/text';

type Label = 'supported' | 'partially_supported' | 'not_supported';
interface Row {
  id: string;
  claim: string;
  source_sentences: string[];
  label: Label;
  evidence: number[];
}
interface Example {
  row: Row;
  features: Features;
  x: number[];
  overlap: number;
  evidenceHit: boolean;
  evidenceHitFirst: boolean;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dataArg = args.indexOf('--data');
const dataPath =
  dataArg >= 0 ? (args[dataArg + 1] ?? '') : join(root, '..', 'shared', 'support', 'wice-dev.jsonl');
const SEED = 20240607;
const FOLDS = 5;
const REPEATS = 10;
const L2 = 1;

/** The baseline: share of the claim's distinct non-stop words found anywhere on the page, no stemming. */
function plainOverlap(claim: string, page: Set<string>): number {
  const words = [...new Set(wordTokens(claim).filter((w) => !STOP_WORDS.has(w) && w !== CLAUSE_BREAK))];
  return words.length === 0 ? 0 : words.filter((w) => page.has(w)).length / words.length;
}

function prepare(row: Row): Example {
  const index = indexSource({ sentences: row.source_sentences });
  const evidence = gatherEvidence(row.claim, index);
  const gold = new Set(row.evidence);
  const hits = (id: number) => {
    const passage = index.passages[id];
    if (!passage) return false;
    for (let i = passage.start; i < passage.end; i++) if (gold.has(i)) return true;
    return false;
  };
  const evidenceHit = evidence.picks.some((p) => hits(p.id));
  const evidenceHitFirst = evidence.picks[0] !== undefined && hits(evidence.picks[0].id);
  const page = new Set(row.source_sentences.flatMap((s) => wordTokens(s)));
  const features = computeFeatures(evidence);
  return {
    row,
    features,
    x: featureVector(features),
    overlap: plainOverlap(row.claim, page),
    evidenceHit,
    evidenceHitFirst,
  };
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

/** Fold of each example, stratified by label. */
function assignFolds(examples: Example[], seed: number): number[] {
  const rand = random(seed);
  const folds = new Array<number>(examples.length).fill(0);
  for (const label of ['supported', 'partially_supported', 'not_supported'] as const) {
    const ids = examples.map((e, i) => (e.row.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
    }
    ids.forEach((id, k) => {
      folds[id] = k % FOLDS;
    });
  }
  return folds;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
/** Area under the ROC curve: the chance a supported claim outscores another; steadier than F1 for comparing. */
function auc(scores: number[], truth: boolean[]): number {
  let pairs = 0;
  let wins = 0;
  scores.forEach((s, i) => {
    if (!truth[i]) return;
    scores.forEach((t, j) => {
      if (truth[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / Math.max(1, pairs);
}
const f1 = (c: Counts) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);

function countAt(scores: number[], truth: boolean[], t: number): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  scores.forEach((s, i) => {
    if (s >= t && truth[i]) c.tp++;
    else if (s >= t) c.fp++;
    else if (truth[i]) c.fn++;
  });
  return c;
}

/** The cut that maximises `objective` on the training scores (midpoints between distinct scores). */
function bestCut(scores: number[], objective: (t: number) => number): number {
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

function fitJudge(train: Example[]): JudgeModel {
  const model = fitLogistic(
    FEATURE_NAMES,
    train.map((e) => e.x),
    train.map((e) => e.row.label === 'supported'),
    L2,
  );
  const scores = train.map((e) => predictProbability(model, e.x));
  const supported = train.map((e) => e.row.label === 'supported');
  const cutSupported = bestCut(scores, (t) => f1(countAt(scores, supported, t)));
  // The lower cut separates "not supported" from the rest: Youden's J, as the class is small (12%).
  const notSupported = train.map((e) => e.row.label === 'not_supported');
  const nNot = notSupported.filter(Boolean).length;
  const cutPartial = bestCut(
    scores.filter((s) => s < cutSupported),
    (t) => {
      const hit = scores.filter((s, i) => s < t && notSupported[i]).length / Math.max(1, nNot);
      const falseAlarm =
        scores.filter((s, i) => s < t && !notSupported[i]).length / Math.max(1, train.length - nNot);
      return hit - falseAlarm;
    },
  );
  return { model, supported: cutSupported, partial: Math.min(cutPartial, cutSupported) };
}

interface Outcome {
  judge: Counts;
  base: Counts;
  /** Not-supported claims the judge calls "not found", and the baseline's low cut catches. */
  judgeNotFound: number;
  baseNotFound: number;
  foldF1: number[];
  scores: number[];
  truth: boolean[];
}

/** The baseline: one cut on word overlap for "supported", one below it for "not found", fitted like the judge's. */
function fitBaseline(train: Example[]): { supported: number; notFound: number } {
  const overlap = train.map((e) => e.overlap);
  const supported = train.map((e) => e.row.label === 'supported');
  const notSupported = train.map((e) => e.row.label === 'not_supported');
  const nNot = notSupported.filter(Boolean).length;
  return {
    supported: bestCut(overlap, (t) => f1(countAt(overlap, supported, t))),
    notFound: bestCut(
      overlap,
      (t) =>
        overlap.filter((s, i) => s < t && notSupported[i]).length / Math.max(1, nNot) -
        overlap.filter((s, i) => s < t && !notSupported[i]).length / Math.max(1, train.length - nNot),
    ),
  };
}

function add(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

function crossValidate(examples: Example[], seed: number): Outcome {
  const folds = assignFolds(examples, seed);
  const out: Outcome = {
    judge: { tp: 0, fp: 0, fn: 0 },
    base: { tp: 0, fp: 0, fn: 0 },
    judgeNotFound: 0,
    baseNotFound: 0,
    foldF1: [],
    scores: [],
    truth: [],
  };
  for (let k = 0; k < FOLDS; k++) {
    const train = examples.filter((_, i) => folds[i] !== k);
    const test = examples.filter((_, i) => folds[i] === k);
    const truth = test.map((e) => e.row.label === 'supported');
    const isNot = test.map((e) => e.row.label === 'not_supported');

    // Verdicts through the runtime's own rule (model, cuts and the negation cap), not the bare probability.
    const judge = fitJudge(train);
    const decisions = test.map((e) => decide(e.features, judge));
    const c = countAt(
      decisions.map((d) => (d.verdict === 'supported' ? 1 : 0)),
      truth,
      1,
    );
    add(out.judge, c);
    out.foldF1.push(f1(c));
    out.scores.push(...decisions.map((d) => d.score));
    out.truth.push(...truth);
    out.judgeNotFound += decisions.filter((d, i) => isNot[i] && d.verdict === 'not_found').length;

    const cuts = fitBaseline(train);
    const overlap = test.map((e) => e.overlap);
    add(out.base, countAt(overlap, truth, cuts.supported));
    out.baseNotFound += overlap.filter((o, i) => isNot[i] && o < cuts.notFound).length;
  }
  return out;
}

const pct = (x: number) => x.toFixed(3);
const precision = (c: Counts) => c.tp / Math.max(1, c.tp + c.fp);
const recall = (c: Counts) => c.tp / Math.max(1, c.tp + c.fn);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** Each feature alone through the same folds: which carry signal and which only ride along. */
function featuresAlone(examples: Example[]): void {
  const folds = assignFolds(examples, SEED);
  const truth = examples.map((e) => e.row.label === 'supported');
  FEATURE_NAMES.forEach((name, j) => {
    const one = { tp: 0, fp: 0, fn: 0 };
    const column = (es: Example[]) => es.map((e) => [e.x[j] ?? 0]);
    for (let k = 0; k < FOLDS; k++) {
      const train = examples.filter((_, i) => folds[i] !== k);
      const test = examples.filter((_, i) => folds[i] === k);
      const trainTruth = train.map((e) => e.row.label === 'supported');
      const model = fitLogistic([name], column(train), trainTruth, L2);
      const scores = column(train).map((x) => predictProbability(model, x));
      const cut = bestCut(scores, (t) => f1(countAt(scores, trainTruth, t)));
      const testScores = column(test).map((x) => predictProbability(model, x));
      add(
        one,
        countAt(
          testScores,
          test.map((e) => e.row.label === 'supported'),
          cut,
        ),
      );
    }
    const a = auc(
      examples.map((e) => e.x[j] ?? 0),
      truth,
    );
    console.log(`  alone: ${name.padEnd(20)} F1 ${pct(f1(one))}  AUC ${pct(Math.max(a, 1 - a))}`);
  });
}

function main(): void {
  const started = performance.now();
  const rows = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  const examples = rows.map(prepare);
  const prepared = performance.now();

  const main = crossValidate(examples, SEED);
  const supportedExamples = examples.filter((e) => e.row.label === 'supported');
  const withGold = supportedExamples.filter((e) => e.row.evidence.length > 0);
  const nNot = examples.filter((e) => e.row.label === 'not_supported').length;
  console.log(
    `WiCE dev: ${examples.length} claims (${supportedExamples.length} supported, ${nNot} not supported)`,
  );
  console.log(`stratified ${FOLDS}-fold cross-validation, seed ${SEED}, pooled over the test folds\n`);
  console.log('                       F1     P      R      not-supported recall');
  const line = (label: string, c: Counts, notFound: number) =>
    console.log(
      `${label.padEnd(23)}${pct(f1(c))}  ${pct(precision(c))}  ${pct(recall(c))}  ${pct(notFound / nNot)}`,
    );
  line('judge', main.judge, main.judgeNotFound);
  line('word-overlap baseline', main.base, main.baseNotFound);
  console.log(`judge F1 by fold: ${main.foldF1.map(pct).join(' ')}`);
  const overlapAuc = auc(
    examples.map((e) => e.overlap),
    examples.map((e) => e.row.label === 'supported'),
  );
  console.log(
    `ROC AUC (supported vs rest): judge ${pct(auc(main.scores, main.truth))}, baseline ${pct(overlapAuc)}`,
  );
  console.log(
    `evidence@3: ${pct(withGold.filter((e) => e.evidenceHit).length / Math.max(1, withGold.length))} of ${withGold.length} supported claims with gold evidence (evidence@1: ${pct(withGold.filter((e) => e.evidenceHitFirst).length / Math.max(1, withGold.length))})`,
  );

  // One split's F1 moves by a few points with the seed; repeats show how much.
  const repeats = Array.from({ length: REPEATS }, (_, r) => crossValidate(examples, SEED + r + 1));
  const judgeF1 = repeats.map((o) => f1(o.judge));
  const baseF1 = repeats.map((o) => f1(o.base));
  console.log(
    `over ${REPEATS} other seeds: judge F1 ${pct(mean(judgeF1))} ± ${pct(sd(judgeF1))}, baseline F1 ${pct(mean(baseF1))} ± ${pct(sd(baseF1))}`,
  );

  if (args.includes('--features')) featuresAlone(examples);
  const full = fitJudge(examples);
  console.log('\nweights fitted on all claims (standardised features):');
  full.model.features.forEach((name, i) => {
    console.log(`  ${name.padEnd(20)} ${(full.model.weights[i] ?? 0).toFixed(3)}`);
  });
  console.log(`  cuts: supported >= ${full.supported.toFixed(3)}, partial >= ${full.partial.toFixed(3)}`);
  if (args.includes('--write')) writeWeights(full, examples.length);
  const done = performance.now();
  console.log(
    `\ntime: ${((prepared - started) / 1000).toFixed(1)} s features, ${((done - prepared) / 1000).toFixed(1)} s fitting`,
  );
}

function writeWeights(judge: JudgeModel, examplesCount: number): void {
  const r = (x: number) => Number(x.toFixed(6));
  const model: LogisticModel = {
    features: judge.model.features,
    mean: judge.model.mean.map(r),
    scale: judge.model.scale.map(r),
    weights: judge.model.weights.map(r),
    bias: r(judge.model.bias),
  };
  const text = `import type { JudgeModel } from './judge';

/**
 * The support judge's fitted constants. Written by \`npm run eval:support -- --write\` (scripts/eval-support.ts):
 * an L2-regularised logistic regression (penalty ${L2}, standardised features) for "supported" against the rest,
 * fitted on all ${examplesCount} WiCE dev claims; \`supported\` is the cut on its probability that maximises
 * supported-vs-rest F1, \`partial\` the cut below it that best isolates "not supported" claims (Youden's J).
 * Cross-validated figures are in docs/support-judge.md. Do not edit by hand: change the features, then refit.
 */
export const JUDGE_MODEL: JudgeModel = ${JSON.stringify({ model, supported: r(judge.supported), partial: r(judge.partial) }, null, 2)};
`;
  const file = join(root, 'src', 'core', 'verify', 'weights.ts');
  writeFileSync(file, text);
  // Formatted as the linter wants it, so a refit shows only the numbers that changed.
  try {
    execFileSync('npx', ['biome', 'format', '--write', file], { cwd: root, stdio: 'ignore' });
  } catch {
    console.warn('could not run biome on weights.ts: run `npx biome format --write` on it');
  }
  console.log('wrote src/core/verify/weights.ts');
}

main();
