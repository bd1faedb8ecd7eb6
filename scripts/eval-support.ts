/**
 * Evaluates the support judge on WiCE dev (../shared/support/wice-dev.jsonl, see its README) by stratified
 * 5-fold cross-validation with a fixed seed: fit on four folds, measure on the fifth, pool the five; then the same
 * over ten other seeds. Everything the judge learns (both models' weights and both cuts) is fitted on the training
 * folds alone. Prints supported-vs-rest F1, precision and recall, not-supported recall, evidence@3, and the same
 * figures for a plain word-overlap baseline on the same folds. `--features` adds each feature alone. `--write`
 * then fits on all the data and rewrites src/core/verify/weights.ts. `--data FILE` reads another file of the same
 * shape.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  computeFeatures,
  FEATURE_NAMES,
  type FeatureName,
  type Features,
  featureVector,
  NOT_FOUND_FEATURES,
  SUPPORT_FEATURES,
} from '../src/core/verify/features';
import { decide, gatherEvidence, type JudgeModel } from '../src/core/verify/judge';
import { fitLogistic, type LogisticModel, predictProbability } from '../src/core/verify/logistic';
import { indexSource } from '../src/core/verify/rank';
import { STOP_WORDS } from '../src/core/verify/stop-words';
import { foldText } from '../src/core/verify/text';

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

/**
 * Folded words as the judge first read them, before it learnt dates and ordinals: the baseline stays what it was, so
 * its figures compare across versions of the judge.
 */
function plainWords(text: string): string[] {
  return foldText(text)
    .replace(/n't\b/g, ' not')
    .replace(/[,;:](?=\s|$)|[!?()[\]]/g, ' | ')
    .split(/[^\p{L}\p{N}|]+/u)
    .filter((w) => w.length > 0 && w !== '|');
}

/** The baseline: share of the claim's distinct non-stop words found anywhere on the page, no stemming. */
function plainOverlap(claim: string, page: Set<string>): number {
  const words = [...new Set(plainWords(claim).filter((w) => !STOP_WORDS.has(w)))];
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
  const page = new Set(row.source_sentences.flatMap((s) => plainWords(s)));
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

/**
 * The cut on a model's probabilities that maximises the F1 those probabilities themselves expect: at cut t, the
 * expected true positives are the sum of the probabilities at or above t, and the expected positives the sum of
 * all of them. It reads no labels beyond those the model was fitted on, and it is smoother than the labels' own
 * F1, which jumps with each of the few dozen supported claims near the cut (so the cut drifts from split to split).
 */
function expectedF1Cut(scores: number[]): number {
  const total = scores.reduce((a, b) => a + b, 0);
  return bestCut(scores, (t) => {
    let tp = 0;
    let predicted = 0;
    for (const s of scores) {
      if (s >= t) {
        tp += s;
        predicted++;
      }
    }
    return (2 * tp) / Math.max(1e-9, predicted + total);
  });
}

const rowsOf = (es: Example[], names: readonly FeatureName[]) =>
  es.map((e) => featureVector(e.features, names));

interface FittedJudge {
  judge: JudgeModel;
  /** The cut that maximises F1 on the training labels, for comparison with the expected-F1 cut. */
  labelCut: number;
}

function fitJudge(train: Example[]): FittedJudge {
  const supported = train.map((e) => e.row.label === 'supported');
  const rows = rowsOf(train, SUPPORT_FEATURES);
  const model = fitLogistic(SUPPORT_FEATURES, rows, supported, L2);
  const scores = rows.map((x) => predictProbability(model, x));
  const cutSupported = expectedF1Cut(scores);
  const labelCut = bestCut(scores, (t) => f1(countAt(scores, supported, t)));

  // "Not found" has its own model, which also reads what the whole page lacks, and its own cut: Youden's J
  // (recall of "not supported" less the share of the others caught), as the class is small (12%).
  const notSupported = train.map((e) => e.row.label === 'not_supported');
  const notRows = rowsOf(train, NOT_FOUND_FEATURES);
  const notFoundModel = fitLogistic(NOT_FOUND_FEATURES, notRows, notSupported, L2);
  const notScores = notRows.map((x) => predictProbability(notFoundModel, x));
  const nNot = notSupported.filter(Boolean).length;
  const nOther = train.length - nNot;
  const cutNotFound = bestCut(notScores, (t) => {
    const hit = notScores.filter((s, i) => s >= t && notSupported[i]).length / Math.max(1, nNot);
    const falseAlarm = notScores.filter((s, i) => s >= t && !notSupported[i]).length / Math.max(1, nOther);
    return hit - falseAlarm;
  });
  return {
    judge: { model, supported: cutSupported, notFoundModel, notFound: cutNotFound },
    labelCut,
  };
}

interface Outcome {
  judge: Counts;
  /** The judge with its supported cut at the training labels' F1 maximum instead. */
  labelCut: Counts;
  base: Counts;
  /** Claims of any label the judge calls "not found". */
  judgeNotFoundCalls: number;
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
    labelCut: { tp: 0, fp: 0, fn: 0 },
    base: { tp: 0, fp: 0, fn: 0 },
    judgeNotFoundCalls: 0,
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
    const { judge, labelCut } = fitJudge(train);
    const decisions = test.map((e) => decide(e.features, judge));
    add(
      out.labelCut,
      countAt(
        test.map((e) =>
          decide(e.features, { ...judge, supported: labelCut }).verdict === 'supported' ? 1 : 0,
        ),
        truth,
        1,
      ),
    );
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
    out.judgeNotFoundCalls += decisions.filter((d) => d.verdict === 'not_found').length;

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
  console.log('                       F1     P      R      not-supported recall  "not found" calls');
  const line = (label: string, c: Counts, notFound?: number, calls?: number) =>
    console.log(
      `${label.padEnd(23)}${pct(f1(c))}  ${pct(precision(c))}  ${pct(recall(c))}  ${notFound === undefined ? '     ' : pct(notFound / nNot)}${calls === undefined ? '' : `                 ${calls}`}`,
    );
  line('judge', main.judge, main.judgeNotFound, main.judgeNotFoundCalls);
  line('  cut at label F1 max', main.labelCut);
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
  const labelF1 = repeats.map((o) => f1(o.labelCut));
  const baseF1 = repeats.map((o) => f1(o.base));
  console.log(
    `\nover ${REPEATS} other seeds: judge F1 ${pct(mean(judgeF1))} ± ${pct(sd(judgeF1))} (P ${pct(mean(repeats.map((o) => precision(o.judge))))}, R ${pct(mean(repeats.map((o) => recall(o.judge))))}, not-supported recall ${pct(mean(repeats.map((o) => o.judgeNotFound / nNot)))}, "not found" calls ${mean(repeats.map((o) => o.judgeNotFoundCalls)).toFixed(0)}, AUC ${pct(mean(repeats.map((o) => auc(o.scores, o.truth))))})`,
  );
  console.log(
    `  cut at label F1 max ${pct(mean(labelF1))} ± ${pct(sd(labelF1))}; baseline F1 ${pct(mean(baseF1))} ± ${pct(sd(baseF1))}`,
  );

  if (args.includes('--features')) featuresAlone(examples);
  const full = fitJudge(examples).judge;
  for (const [title, model] of [
    ['supported', full.model],
    ['not found', full.notFoundModel],
  ] as const) {
    console.log(`\n"${title}" weights fitted on all claims (standardised features):`);
    model.features.forEach((name, i) => {
      console.log(`  ${name.padEnd(20)} ${(model.weights[i] ?? 0).toFixed(3)}`);
    });
  }
  console.log(`  cuts: supported >= ${full.supported.toFixed(3)}, not found >= ${full.notFound.toFixed(3)}`);
  if (args.includes('--write')) writeWeights(full, examples.length);
  const done = performance.now();
  console.log(
    `\ntime: ${((prepared - started) / 1000).toFixed(1)} s features, ${((done - prepared) / 1000).toFixed(1)} s fitting`,
  );
}

function writeWeights(judge: JudgeModel, examplesCount: number): void {
  const r = (x: number) => Number(x.toFixed(6));
  const rounded = (m: LogisticModel): LogisticModel => ({
    features: m.features,
    mean: m.mean.map(r),
    scale: m.scale.map(r),
    weights: m.weights.map(r),
    bias: r(m.bias),
  });
  const constants = {
    model: rounded(judge.model),
    supported: r(judge.supported),
    notFoundModel: rounded(judge.notFoundModel),
    notFound: r(judge.notFound),
  };
  const text = `import type { JudgeModel } from './judge';

/**
 * The support judge's fitted constants. Written by \`npm run eval:support -- --write\` (scripts/eval-support.ts),
 * fitted on all ${examplesCount} WiCE dev claims: two L2-regularised logistic regressions (penalty ${L2}, standardised
 * features), \`model\` for "supported" against the rest and \`notFoundModel\` for "not supported" against the rest.
 * \`supported\` is the cut on the first that maximises the F1 its own probabilities expect; \`notFound\` the cut on
 * the second that best isolates "not supported" claims (Youden's J). Cross-validated figures are in
 * docs/support-judge.md. Do not edit by hand: change the features, then refit.
 */
export const JUDGE_MODEL: JudgeModel = ${JSON.stringify(constants, null, 2)};
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
