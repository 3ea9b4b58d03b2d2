/**
 * Cyclic coordinate descent for the elastic net (Friedman, Hastie & Tibshirani, "Regularization
 * Paths for Generalized Linear Models via Coordinate Descent", J. Stat. Software 33, 2010):
 * each weight in turn is set to its exact minimiser, a soft-thresholded correlation, so an L1
 * penalty puts weights at exactly zero.
 */

/** Weights and intercepts of a linear model while a solver runs (updated in place). */
export interface LinearState {
  /** Weights, shape [outputCount * width]. */
  weights: Float64Array;
  /** Intercepts, shape [outputCount]. */
  intercepts: Float64Array;
  /** Largest weight change of the last pass. */
  change: number;
}

/** S(z, γ) = sign(z) · max(|z| − γ, 0), the proximal map of γ|·|. */
export function softThreshold(value: number, threshold: number): number {
  if (value > threshold) return value - threshold;
  if (value < -threshold) return value + threshold;
  return 0;
}

/**
 * Minimises ‖y − b − Xw‖² / (2n) + α(ρ‖w‖₁ + (1 − ρ)/2 ‖w‖²) over columns [size * width] (row-major),
 * one sweep over all weights per step; yields the state after each sweep and stops when no weight
 * moved more than tolerance × max(1, largest weight). `start` warm-starts the weights.
 */
export function* coordinateDescent(
  columns: Float64Array, width: number, targets: ArrayLike<number>, alpha: number, l1Ratio: number,
  maxIterations: number, tolerance: number, start?: Float64Array,
): Generator<LinearState, LinearState> {
  const size = targets.length;
  const means = new Float64Array(width);
  for (let row = 0; row < size; row++) for (let column = 0; column < width; column++) means[column] += columns[row * width + column] / size;
  // Centred copy, column-major, so a sweep reads each column contiguously.
  const centred = new Float64Array(size * width);
  const norms = new Float64Array(width);
  for (let column = 0; column < width; column++) {
    for (let row = 0; row < size; row++) {
      const value = columns[row * width + column] - means[column];
      centred[column * size + row] = value;
      norms[column] += (value * value) / size;
    }
  }
  let targetMean = 0;
  for (let row = 0; row < size; row++) targetMean += targets[row] / size;
  const weights = start ? start.slice() : new Float64Array(width);
  const residuals = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let fitted = 0;
    for (let column = 0; column < width; column++) fitted += centred[column * size + row] * weights[column];
    residuals[row] = targets[row] - targetMean - fitted;
  }
  const l1 = alpha * l1Ratio;
  const l2 = alpha * (1 - l1Ratio);
  const state: LinearState = { weights, intercepts: new Float64Array(1), change: Infinity };
  const setIntercept = () => {
    let offset = targetMean;
    for (let column = 0; column < width; column++) offset -= means[column] * weights[column];
    state.intercepts[0] = offset;
  };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let change = 0;
    let largest = 0;
    for (let column = 0; column < width; column++) {
      const old = weights[column];
      let updated = 0;
      if (norms[column] > 0) {
        let correlation = 0;
        const base = column * size;
        for (let row = 0; row < size; row++) correlation += centred[base + row] * residuals[row];
        updated = softThreshold(correlation / size + norms[column] * old, l1) / (norms[column] + l2);
      }
      if (updated !== old) {
        const delta = updated - old;
        const base = column * size;
        for (let row = 0; row < size; row++) residuals[row] -= centred[base + row] * delta;
        weights[column] = updated;
      }
      change = Math.max(change, Math.abs(updated - old));
      largest = Math.max(largest, Math.abs(updated));
    }
    state.change = change;
    setIntercept();
    yield state;
    if (change <= tolerance * Math.max(1, largest)) break;
  }
  setIntercept();
  return state;
}
