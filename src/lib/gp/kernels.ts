/**
 * The Matérn 5/2 covariance with one length scale per input dimension (automatic relevance
 * determination), as in Rasmussen & Williams (2006), eq. 4.17:
 *   k(x, x') = σ² · (1 + √5·r + 5r²/3) · exp(−√5·r),   r² = Σₖ (xₖ − x'ₖ)² / ℓₖ².
 * Twice differentiable, so less smooth than the squared exponential: the usual choice for
 * hyperparameter surfaces (Snoek, Larochelle & Adams 2012).
 */

const sqrtFive = Math.sqrt(5);

/** Parameters of the Matérn 5/2 ARD kernel. */
export interface KernelParameters {
  /** Length scale ℓₖ of each input dimension, in input units (the unit cube), shape [d]. */
  lengthScales: Float64Array;
  /** Signal variance σ², in squared (standardised) output units. */
  signalVariance: number;
}

/** Matérn 5/2 correlation at scaled distance r ≥ 0: (1 + √5·r + 5r²/3)·exp(−√5·r). */
export function maternFiveHalves(r: number): number {
  const root = sqrtFive * r;
  return (1 + root + (root * root) / 3) * Math.exp(-root);
}

/** Covariance between two points a and b, each shape [d]. */
export function kernelValue(a: ArrayLike<number>, b: ArrayLike<number>, parameters: KernelParameters): number {
  const { lengthScales } = parameters;
  let squared = 0;
  for (let k = 0; k < lengthScales.length; k++) {
    const scaled = (a[k] - b[k]) / lengthScales[k];
    squared += scaled * scaled;
  }
  return parameters.signalVariance * maternFiveHalves(Math.sqrt(squared));
}

/**
 * Covariances between one point (shape [d]) and each row of points (shape [n*d], row-major),
 * shape [n]; written into out when given.
 */
export function kernelVector(
  points: Float64Array,
  n: number,
  point: ArrayLike<number>,
  parameters: KernelParameters,
  out?: Float64Array,
): Float64Array {
  const { lengthScales, signalVariance } = parameters;
  const d = lengthScales.length;
  const vector = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let squared = 0;
    for (let k = 0; k < d; k++) {
      const scaled = (points[row + k] - point[k]) / lengthScales[k];
      squared += scaled * scaled;
    }
    const root = sqrtFive * Math.sqrt(squared);
    vector[i] = signalVariance * (1 + root + (root * root) / 3) * Math.exp(-root);
  }
  return vector;
}

/**
 * Squared differences of every pair of rows i > j, per dimension, packed pair by pair in row
 * order: entry [p*d + k] is (points[i][k] − points[j][k])² for the p-th pair, shape
 * [n(n−1)/2 * d]. Computed once per fit and reused while the length scales change.
 */
export function pairwiseSquaredDifferences(points: Float64Array, n: number, d: number): Float64Array {
  const differences = new Float64Array(((n * (n - 1)) / 2) * d);
  let position = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      for (let k = 0; k < d; k++) {
        const difference = points[i * d + k] - points[j * d + k];
        differences[position++] = difference * difference;
      }
    }
  }
  return differences;
}

/**
 * Kernel matrix of n points from their packed pairwise squared differences (see
 * pairwiseSquaredDifferences), plus `diagonal` added on the diagonal (noise and jitter);
 * shape [n*n]. When `gradientFactors` (shape [n(n−1)/2]) is given it receives, per pair,
 * the factor G with ∂K/∂log ℓₖ = G · Δₖ² / ℓₖ².
 */
export function kernelMatrixFromDifferences(
  differences: Float64Array,
  n: number,
  parameters: KernelParameters,
  diagonal: number,
  gradientFactors?: Float64Array,
): Float64Array {
  const { lengthScales, signalVariance } = parameters;
  const d = lengthScales.length;
  const inverseSquared = new Float64Array(d);
  for (let k = 0; k < d; k++) inverseSquared[k] = 1 / (lengthScales[k] * lengthScales[k]);
  const matrix = new Float64Array(n * n);
  let position = 0;
  let pair = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    matrix[row + i] = signalVariance + diagonal;
    for (let j = 0; j < i; j++) {
      let squared = 0;
      for (let k = 0; k < d; k++) squared += differences[position++] * inverseSquared[k];
      const root = sqrtFive * Math.sqrt(squared);
      const decay = Math.exp(-root);
      matrix[row + j] = signalVariance * (1 + root + (root * root) / 3) * decay;
      // dk/dr = −(5/3)·σ²·r·(1 + √5 r)·e^(−√5 r) and dr/dlog ℓₖ = −Δₖ²/(ℓₖ² r), so r cancels.
      if (gradientFactors) gradientFactors[pair] = (5 / 3) * signalVariance * (1 + root) * decay;
      pair++;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) matrix[j * n + i] = matrix[i * n + j];
  return matrix;
}
