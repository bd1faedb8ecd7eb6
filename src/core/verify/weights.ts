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
      0.522021, 0.686125, 0.718102, 1.498957, 0.168164, 0.157562, 0.248213, 0.273168, 0.277415, 0.002865,
      2.513066,
    ],
    scale: [
      0.19802, 0.19648, 0.196622, 0.684517, 0.329851, 0.320668, 0.334811, 0.340666, 0.224378, 0.053452,
      0.403568,
    ],
    weights: [
      0.747126, 0.612431, -0.093109, 0.259774, -0.79748, -0.365797, -0.849251, 0.192763, -0.017518, 0.153408,
      -0.062405,
    ],
    bias: -1.363996,
  },
  supported: 0.415541,
  partial: 0.159709,
};
