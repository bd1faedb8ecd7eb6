import type { JudgeModel } from './judge';

/**
 * The support judge's fitted constants. Written by `npm run eval:support -- --write` (scripts/eval-support.ts):
 * an L2-regularised logistic regression (penalty 1, standardised features) for "supported" against the rest,
 * fitted on all 349 WiCE dev claims; `supported` is the cut on its probability that maximises
 * supported-vs-rest F1, `partial` the cut below it that best isolates "not supported" claims (Youden's J).
 * Cross-validated figures are in docs/support-judge.md. Do not edit by hand: change the features, then refit.
 */
export const JUDGE_MODEL: JudgeModel = {
  model: {
    features: [
      'shareBest',
      'shareTop',
      'shareDoc',
      'missingTop',
      'numbersMissingTop',
      'numbersMissingDoc',
      'namesMissingTop',
      'namesMissingDoc',
      'bigramsTop',
      'negationConflict',
      'claimLength',
    ],
    mean: [
      0.522747, 0.686646, 0.718623, 1.497493, 0.168164, 0.157562, 0.248213, 0.269491, 0.277797, 0.002865,
      2.513066,
    ],
    scale: [
      0.198554, 0.196589, 0.196646, 0.684826, 0.329851, 0.320668, 0.334811, 0.341644, 0.225265, 0.053452,
      0.403568,
    ],
    weights: [
      0.75095, 0.600524, -0.079948, 0.292314, -0.803626, -0.367166, -0.936422, 0.277957, -0.000827, 0.153423,
      -0.082131,
    ],
    bias: -1.368992,
  },
  supported: 0.418889,
  partial: 0.158957,
};
