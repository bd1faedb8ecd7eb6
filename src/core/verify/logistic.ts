/**
 * A small L2-regularised logistic regression, fitted by Newton's method (a handful of features, a few hundred
 * rows: exact and deterministic, no learning rate to tune). Features are standardised first so that one
 * penalty suits them all.
 */
export interface LogisticModel<Name extends string = string> {
  /** The inputs, in the order of `mean`, `scale` and `weights`. */
  features: readonly Name[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function predictProbability(model: LogisticModel<string>, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) {
    z += (model.weights[i] ?? 0) * (((x[i] ?? 0) - (model.mean[i] ?? 0)) / (model.scale[i] ?? 1));
  }
  return 1 / (1 + Math.exp(-z));
}

export function fitLogistic<Name extends string>(
  features: readonly Name[],
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  l2 = 1,
  iterations = 25,
  /** How much each row counts (1 each by default): lets several datasets of unequal size count alike. */
  rowWeights?: readonly number[],
): LogisticModel<Name> {
  const d = features.length;
  const n = rows.length;
  const mean = Array.from(
    { length: d },
    (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / Math.max(1, n),
  );
  const scale = mean.map((m, j) => {
    const v = rows.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / Math.max(1, n);
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  // Column 0 is the bias, unpenalised.
  const X = rows.map((r) => [1, ...r.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1))]);
  const w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    X.forEach((x, i) => {
      const z = x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const weight = rowWeights?.[i] ?? 1;
      const err = weight * (p - (labels[i] ? 1 : 0));
      const h = weight * p * (1 - p);
      for (let a = 0; a <= d; a++) {
        grad[a] = (grad[a] ?? 0) + err * (x[a] ?? 0);
        const row = hess[a] as number[];
        for (let b = 0; b <= d; b++) row[b] = (row[b] ?? 0) + h * (x[a] ?? 0) * (x[b] ?? 0);
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a] = (grad[a] ?? 0) + l2 * (w[a] ?? 0);
      (hess[a] as number[])[a] = ((hess[a] as number[])[a] ?? 0) + l2;
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let a = 0; a <= d; a++) {
      w[a] = (w[a] ?? 0) - (step[a] ?? 0);
      change = Math.max(change, Math.abs(step[a] ?? 0));
    }
    if (change < 1e-9) break;
  }
  return { features: [...features], mean, scale, bias: w[0] ?? 0, weights: w.slice(1) };
}

/** Gaussian elimination with partial pivoting; the Hessian is small and positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const p = a[col] as number[];
    const pv = p[col] ?? 1;
    if (Math.abs(pv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const f = (row[col] ?? 0) / pv;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
  }
  return a.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}
