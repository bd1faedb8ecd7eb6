import type { JudgeModel } from './judge';

/**
 * The support judge's fitted constants. Written by `npm run eval:support -- --write` (scripts/eval-support.ts),
 * fitted on all 349 WiCE dev claims: two L2-regularised logistic regressions (penalty 1, standardised
 * features), `model` for "supported" against the rest and `notFoundModel` for "not supported" against the rest.
 * `supported` is the cut on the first that maximises the F1 its own probabilities expect; `notFound` the cut on
 * the second that best isolates "not supported" claims (Youden's J). Cross-validated figures are in
 * docs/support-judge.md. Do not edit by hand: change the features, then refit.
 */
export const JUDGE_MODEL: JudgeModel = {
  model: {
    features: ['shareBest', 'shareTop', 'missingTop', 'numbersMissingTop', 'namesMissingTop'],
    mean: [0.527102, 0.694146, 1.478161, 0.167305, 0.364517],
    scale: [0.199677, 0.196085, 0.690347, 0.329375, 0.505136],
    weights: [0.709033, 0.653073, 0.361453, -1.210924, -1.011709],
    bias: -1.525808,
  },
  supported: 0.353276,
  notFoundModel: {
    features: [
      'shareBest',
      'shareTop',
      'missingTop',
      'numbersMissingTop',
      'namesMissingTop',
      'shareDoc',
      'numbersMissingDoc',
      'namesMissingDoc',
    ],
    mean: [0.527102, 0.694146, 1.478161, 0.167305, 0.364517, 0.729226, 0.156703, 0.252118],
    scale: [0.199677, 0.196085, 0.690347, 0.329375, 0.505136, 0.195595, 0.32015, 0.33067],
    weights: [-1.072877, -0.768863, -0.816304, -0.480934, 0.158658, -0.301434, 0.289164, 0.374982],
    bias: -2.79981,
  },
  notFound: 0.080764,
};
