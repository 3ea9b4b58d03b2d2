/**
 * Principal component analysis for a picture of data with more than two features: the
 * directions of largest spread (eigenvectors of the covariance matrix, found by cyclic Jacobi
 * rotations, Golub & Van Loan, Matrix Computations, 4th ed., §8.5), the share of the variance
 * each explains, and each row's position along them.
 */

/** A fitted projection. */
export interface Pca {
  /** Column means, length d. */
  mean: Float64Array;
  /** Unit-length principal directions, largest variance first; each of length d. */
  components: Float64Array[];
  /** Variance along each component (sample variance, n − 1). */
  variances: number[];
  /** Share of the total variance along each component, in [0, 1]. */
  explained: number[];
}

/** Eigenvalues (descending) and unit eigenvectors (columns, as arrays) of a symmetric d×d matrix, row-major. */
export function symmetricEigen(matrix: ArrayLike<number>, d: number): { values: number[]; vectors: Float64Array[] } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (Math.abs(apq) < 1e-300) continue;
        // The rotation that zeroes a[p][q] (the smaller root, for stability).
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p];
          const akq = a[k * d + q];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k];
          const aqk = a[q * d + k];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p];
          const vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => a[j * d + j] - a[i * d + i]);
  const vectors = order.map((column) => {
    const vector = Float64Array.from({ length: d }, (_, k) => v[k * d + column]);
    // A fixed sign: the entry of largest size is positive, so pictures don't flip between runs.
    let largest = 0;
    for (let k = 1; k < d; k++) if (Math.abs(vector[k]) > Math.abs(vector[largest])) largest = k;
    if (vector[largest] < 0) for (let k = 0; k < d; k++) vector[k] = -vector[k];
    return vector;
  });
  return { values: order.map((column) => a[column * d + column]), vectors };
}

/** The first `count` principal components of `size` rows of `d` features (row-major). */
export function fitPca(features: ArrayLike<number>, size: number, d: number, count = 2): Pca {
  if (size < 2 || d < 1 || features.length < size * d) throw new Error('PCA needs at least two rows of features');
  const mean = new Float64Array(d);
  for (let row = 0; row < size; row++) for (let k = 0; k < d; k++) mean[k] += features[row * d + k] / size;
  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let row = 0; row < size; row++) {
    for (let k = 0; k < d; k++) centred[k] = features[row * d + k] - mean[k];
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) covariance[i * d + j] += centred[i] * centred[j];
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      covariance[i * d + j] /= size - 1;
      covariance[j * d + i] = covariance[i * d + j];
    }
  }
  const { values, vectors } = symmetricEigen(covariance, d);
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  const kept = Math.min(count, d);
  const variances = values.slice(0, kept).map((value) => Math.max(0, value));
  return { mean, components: vectors.slice(0, kept), variances, explained: variances.map((value) => (total > 0 ? value / total : 0)) };
}

/** Every row's coordinates along the components: shape [size * components], row-major. */
export function projectRows(pca: Pca, features: ArrayLike<number>, size: number): Float64Array {
  const d = pca.mean.length;
  const count = pca.components.length;
  const out = new Float64Array(size * count);
  for (let row = 0; row < size; row++) {
    for (let c = 0; c < count; c++) {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += (features[row * d + k] - pca.mean[k]) * pca.components[c][k];
      out[row * count + c] = sum;
    }
  }
  return out;
}
