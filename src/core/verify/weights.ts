import type { JudgeModel } from './judge';

/**
 * The support judge's fitted constants. Written by `npm run eval:support -- --write` (scripts/eval-support.ts):
 * an L2-regularised logistic regression (penalty 1, standardised features) for "supported" against the rest,
 * fitted on all 349 WiCE dev claims; `supported` is the cut on its probability that maximises
 * supported-vs-rest F1, `partial` the cut below it that best isolates "not supported" claims (Youden's J).
 * Cross-validated figures are in docs/support-judge.md. Do not edit by hand: change the features, then refit.
 */
export const JUDGE_MODEL: JudgeModel = {
  "model": {
    "features": [
      "shareBest",
      "shareTop",
      "shareDoc",
      "missingTop",
      "numbersMissingTop",
      "numbersMissingDoc",
      "namesMissingTop",
      "namesMissingDoc",
      "bigramsTop",
      "negationConflict",
      "claimLength"
    ],
    "mean": [
      0.522747,
      0.686646,
      0.718623,
      1.497493,
      0.168164,
      0.157562,
      0.248213,
      0.269491,
      0.277797,
      0.057307,
      2.513066
    ],
    "scale": [
      0.198554,
      0.196589,
      0.196646,
      0.684826,
      0.329851,
      0.320668,
      0.334811,
      0.341644,
      0.225265,
      0.232428,
      0.403568
    ],
    "weights": [
      0.758446,
      0.602611,
      -0.07761,
      0.300828,
      -0.806067,
      -0.368523,
      -0.938603,
      0.277172,
      -0.00195,
      -0.019813,
      -0.088414
    ],
    "bias": -1.378445
  },
  "supported": 0.473214,
  "partial": 0.158919
};
