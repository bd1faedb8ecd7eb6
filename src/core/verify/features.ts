import type { AnalysedText, ClaimAnalysis } from './analyse';
import { numberConflict } from './conflict';
import { type Coverage, coverageOf, coverageShare, unionCoverage } from './coverage';
import { nameFound, nameTokenShare } from './names';
import { negatesAny } from './negation';
import { quantityMatches } from './numbers';
import type { SourceIndex } from './rank';
import type { Pick } from './select';
import { isContentWord } from './text';

/**
 * What the judge measures, each 0..1 or a small log count. Not all are used: each model lists its own inputs
 * ({@link SUPPORT_FEATURES}, {@link NOT_FOUND_FEATURES}); the rest are kept for `npm run eval:support -- --features`.
 */
export const FEATURE_NAMES = [
  'shareBest', // share of the claim (stems, numbers) in the best passage
  'shareTop', // … in the top three passages together
  'shareDoc', // … anywhere on the page
  'missingTop', // claim terms absent from the top three, log(1+n)
  'numbersMissingTop', // share of the claim's numbers absent from the top three
  'numbersMissingDoc', // … absent from the page
  'namesMissingTop', // the claim's names whose words are absent from the top three, log(1+n)
  'namesMissingDoc', // share of names not found whole anywhere on the page
  'bigramsTop', // share of the claim's adjacent content-word pairs found near each other in one top passage
  'negationConflict', // the best passage negates what the claim affirms, or the reverse
  'numberConflict', // the best passage says the same thing with another figure (see conflict.ts)
  'claimLength', // log(1 + distinct content terms): long claims say more that must all be backed
  'pageLength', // log(1 + sentences on the page): a whole web page and a short quoted extract read differently
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * The inputs of the "supported" model. On WiCE the page-wide shares, word pairs and claim length added nothing
 * once these were in, and with so few claims every extra input costs (see docs/support-judge.md).
 */
export const SUPPORT_FEATURES: readonly FeatureName[] = [
  'shareBest',
  'shareTop',
  'missingTop',
  'numbersMissingTop',
  'namesMissingTop',
];

/** The inputs of the "not found" model, which also asks what the whole page lacks. */
export const NOT_FOUND_FEATURES: readonly FeatureName[] = [
  ...SUPPORT_FEATURES,
  'shareDoc',
  'numbersMissingDoc',
  'namesMissingDoc',
];
export type Features = Record<FeatureName, number>;

export interface Evidence {
  claim: ClaimAnalysis;
  index: SourceIndex;
  picks: Pick[];
}

function topCoverage(e: Evidence): Coverage {
  let c: Coverage = { stems: new Set(), quantities: e.claim.quantities.map(() => false) };
  for (const p of e.picks) c = unionCoverage(c, p.coverage);
  return c;
}

function pairs(sequence: readonly string[], reach: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < sequence.length; i++) {
    for (let j = i + 1; j <= i + reach && j < sequence.length; j++) out.add(`${sequence[i]} ${sequence[j]}`);
  }
  return out;
}

function bigramShare(claim: ClaimAnalysis, texts: AnalysedText[]): number {
  const wanted = pairs(claim.stemSequence, 1);
  if (wanted.size === 0) return 1;
  // A pair may sit a word apart in the source ("home entertainment" / "home video and entertainment").
  const found = new Set<string>();
  for (const t of texts) for (const p of pairs(t.stemSequence, 3)) if (wanted.has(p)) found.add(p);
  return found.size / wanted.size;
}

/** A sentence must hold this share of the claim before its negation (or its lack of one) is read as a flip. */
const NEGATION_MIN_SHARE = 0.6;

/**
 * Whether the sentence of the best passage that holds most of the claim negates what the claim affirms, or
 * affirms what it negates. Only a cue governing a word the two share counts: "when she's not working" in a
 * sentence about something else is not a denial.
 */
export function negationConflict(claim: ClaimAnalysis, index: SourceIndex, best: Pick | undefined): boolean {
  const passage = best ? index.passages[best.id] : undefined;
  if (!passage) return false;
  let sentence: AnalysedText | undefined;
  let share = 0;
  for (let i = passage.start; i < passage.end; i++) {
    const s = index.sentences[i];
    const sh = s ? coverageShare(claim, coverageOf(claim, s)) : 0;
    if (s && sh > share) [sentence, share] = [s, sh];
  }
  if (!sentence || share < NEGATION_MIN_SHARE) return false;
  const tokens = sentence.tokens;
  const shared = new Set(claim.tokens.filter((t) => isContentWord(t) && tokens.includes(t)));
  return shared.size > 0 && claim.negated !== negatesAny(tokens, (t) => shared.has(t));
}

function shareMissing(flags: boolean[]): number {
  return flags.length === 0 ? 0 : flags.filter((f) => !f).length / flags.length;
}

export function computeFeatures(e: Evidence): Features {
  const { claim, index, picks } = e;
  const texts = picks.map((p) => index.analysis(p.id));
  const top = topCoverage(e);
  const topWords = new Set(texts.flatMap((t) => t.tokens));
  const missingTop = claim.stems.size - top.stems.size + top.quantities.filter((q) => !q).length;
  return {
    shareBest: picks[0]?.share ?? 0,
    shareTop: coverageShare(claim, top),
    shareDoc: coverageShare(claim, coverageOf(claim, index.whole)),
    missingTop: Math.log1p(missingTop),
    numbersMissingTop: shareMissing(top.quantities),
    numbersMissingDoc: shareMissing(
      claim.quantities.map((q) => index.whole.quantities.some((s) => quantityMatches(q, s))),
    ),
    namesMissingTop: Math.log1p(
      claim.names.filter((n) => nameTokenShare(n, topWords, claim.wordAlternatives) < 1).length,
    ),
    namesMissingDoc: shareMissing(claim.names.map((n) => nameFound(n, index.wholeTokenString))),
    bigramsTop: bigramShare(claim, texts),
    negationConflict: negationConflict(claim, index, picks[0]) ? 1 : 0,
    numberConflict: numberConflict(claim, index, picks) ? 1 : 0,
    claimLength: Math.log1p(claim.terms.length),
    pageLength: Math.log1p(index.sentences.length),
  };
}

const KNOWN = new Set<string>(FEATURE_NAMES);

/**
 * The features in the order a model lists them (all of them by default). A name the judge does not measure
 * throws: a model loaded from elsewhere, or one fitted before a feature was renamed, must not silently read 0.
 */
export function featureVector(f: Features, names: readonly FeatureName[] = FEATURE_NAMES): number[] {
  return names.map((n) => {
    if (!KNOWN.has(n)) throw new Error(`unknown judge feature: ${String(n)}`);
    return f[n];
  });
}
