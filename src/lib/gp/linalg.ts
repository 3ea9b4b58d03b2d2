/**
 * The dense linear algebra a small Gaussian process needs, on row-major Float64Arrays:
 * an n×n matrix A is stored so that A[i][j] is matrix[i * n + j].
 */

/**
 * Cholesky factor of a symmetric positive-definite n×n matrix: the lower-triangular L with
 * L·Lᵀ = matrix, shape [n*n] (upper triangle zero), or null when the matrix is not
 * numerically positive definite. Reads only the lower triangle of matrix.
 */
export function cholesky(matrix: Float64Array, n: number, out?: Float64Array): Float64Array | null {
  const lower = out ?? new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = matrix[rowI + j];
      for (let k = 0; k < j; k++) sum -= lower[rowI + k] * lower[rowJ + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[rowI + i] = Math.sqrt(sum);
      } else {
        lower[rowI + j] = sum / lower[rowJ + j];
      }
    }
    for (let j = i + 1; j < n; j++) lower[rowI + j] = 0;
  }
  return lower;
}

/**
 * Cholesky factor after adding the smallest jitter (starting at `jitter`, ×10 per try) to the
 * diagonal that makes the factorisation succeed; shape [n*n] and the jitter used.
 * Throws when even a jitter of 1 (relative to the mean diagonal) does not help.
 */
export function choleskyWithJitter(
  matrix: Float64Array,
  n: number,
  jitter = 1e-10,
): { lower: Float64Array; jitter: number } {
  const lower = new Float64Array(n * n);
  if (cholesky(matrix, n, lower)) return { lower, jitter: 0 };
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += matrix[i * n + i] / n;
  const scale = meanDiagonal > 0 ? meanDiagonal : 1;
  const shifted = new Float64Array(matrix);
  for (let added = jitter; added <= 1; added *= 10) {
    for (let i = 0; i < n; i++) shifted[i * n + i] = matrix[i * n + i] + added * scale;
    if (cholesky(shifted, n, lower)) return { lower, jitter: added * scale };
  }
  throw new Error('matrix is not positive definite, even with jitter');
}

/** Solves L·x = b for lower-triangular L (n×n), returning x, shape [n]; out may alias b. */
export function solveLower(lower: Float64Array, n: number, b: ArrayLike<number>, out?: Float64Array): Float64Array {
  const x = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[row + k] * x[k];
    x[i] = sum / lower[row + i];
  }
  return x;
}

/** Solves Lᵀ·x = b for lower-triangular L (n×n), returning x, shape [n]; out may alias b. */
export function solveUpperTransposed(
  lower: Float64Array,
  n: number,
  b: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const x = out ?? new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}

/** Solves (L·Lᵀ)·x = b given the Cholesky factor L, returning x, shape [n]. */
export function choleskySolve(lower: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = solveLower(lower, n, b);
  return solveUpperTransposed(lower, n, x, x);
}

/** log det(L·Lᵀ) = 2·Σ log Lᵢᵢ for a Cholesky factor L. */
export function choleskyLogDeterminant(lower: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.log(lower[i * n + i]);
  return 2 * sum;
}

/** Inverse of L·Lᵀ from its Cholesky factor L, a full symmetric n×n matrix, shape [n*n]. */
export function choleskyInverse(lower: Float64Array, n: number): Float64Array {
  // First M = L⁻¹ (lower triangular), then A⁻¹ = Mᵀ·M, filling both triangles.
  const inverseLower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inverseLower[j * n + j] = 1 / lower[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      const row = i * n;
      for (let k = j; k < i; k++) sum -= lower[row + k] * inverseLower[k * n + j];
      inverseLower[row + j] = sum / lower[row + i];
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += inverseLower[k * n + i] * inverseLower[k * n + j];
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}

/**
 * Cholesky factor of the (n+1)×(n+1) matrix [[A, b], [bᵀ, c]] from the factor L of A (n×n):
 * a rank-one extension in O(n²), shape [(n+1)*(n+1)]. Returns null when the new pivot
 * c − |L⁻¹b|² is not above minimumPivot (the new row nearly repeats an old one).
 */
export function choleskyAppend(
  lower: Float64Array,
  n: number,
  column: ArrayLike<number>,
  diagonal: number,
  minimumPivot = 0,
): Float64Array | null {
  const size = n + 1;
  const row = solveLower(lower, n, column);
  let explained = 0;
  for (let i = 0; i < n; i++) explained += row[i] * row[i];
  const pivot = diagonal - explained;
  if (!(pivot > minimumPivot)) return null;
  const extended = new Float64Array(size * size);
  for (let i = 0; i < n; i++) extended.set(lower.subarray(i * n, i * n + i + 1), i * size);
  extended.set(row, n * size);
  extended[n * size + n] = Math.sqrt(pivot);
  return extended;
}
