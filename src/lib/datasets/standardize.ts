/** Per-column statistics that map raw feature values to z-scores: z = (value − mean) / std. */
export interface Standardizer {
  /** Mean of each column, in the column's raw units, length featureCount. */
  means: number[];
  /** Population standard deviation of each column (1 where a column is constant), length featureCount. */
  stds: number[];
}

/** Column means and standard deviations of row-major features, shape [size * featureCount]. */
export function fitStandardizer(features: ArrayLike<number>, featureCount: number): Standardizer {
  const size = featureCount > 0 ? Math.floor(features.length / featureCount) : 0;
  const means = new Array<number>(featureCount).fill(0);
  const stds = new Array<number>(featureCount).fill(1);
  for (let column = 0; column < featureCount; column++) {
    let sum = 0;
    for (let row = 0; row < size; row++) sum += features[row * featureCount + column];
    const mean = size > 0 ? sum / size : 0;
    let squares = 0;
    for (let row = 0; row < size; row++) squares += (features[row * featureCount + column] - mean) ** 2;
    const std = size > 0 ? Math.sqrt(squares / size) : 0;
    means[column] = mean;
    // A constant column stays constant (all zeros) instead of dividing by zero.
    stds[column] = std > 1e-12 ? std : 1;
  }
  return { means, stds };
}

/** Z-scores of row-major features, shape [size * featureCount], with a fitted standardizer. */
export function standardize(features: ArrayLike<number>, standardizer: Standardizer): Float32Array {
  const featureCount = standardizer.means.length;
  const result = new Float32Array(features.length);
  for (let index = 0; index < features.length; index++) {
    const column = index % featureCount;
    result[index] = (features[index] - standardizer.means[column]) / standardizer.stds[column];
  }
  return result;
}

/** Raw values back from z-scores, shape [size * featureCount]: value = z * std + mean. */
export function unstandardize(scores: ArrayLike<number>, standardizer: Standardizer): Float64Array {
  const featureCount = standardizer.means.length;
  const result = new Float64Array(scores.length);
  for (let index = 0; index < scores.length; index++) {
    const column = index % featureCount;
    result[index] = scores[index] * standardizer.stds[column] + standardizer.means[column];
  }
  return result;
}
