/**
 * Scores of a model's outputs against the true targets: accuracy and the confusion matrix for
 * classes, root mean squared error and R² for regression. Plain arrays in, numbers out.
 */

/** Index of the largest output in each row: outputs [rows * outputSize] -> [rows]. */
export function predictedClasses(outputs: ArrayLike<number>, outputSize: number): number[] {
  const rows = Math.floor(outputs.length / outputSize);
  return Array.from({ length: rows }, (_, row) => {
    let best = 0;
    for (let k = 1; k < outputSize; k++) if (outputs[row * outputSize + k] > outputs[row * outputSize + best]) best = k;
    return best;
  });
}

/** Counts [true class][predicted class], shape [classCount][classCount]. */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  const counts = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let row = 0; row < actual.length; row++) counts[actual[row]][predicted[row]] += 1;
  return counts;
}

/** Share of rows whose predicted class is the true one, 0..1 (NaN for no rows). */
export function accuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let correct = 0;
  for (let row = 0; row < actual.length; row++) if (actual[row] === predicted[row]) correct += 1;
  return correct / actual.length;
}

/** Root mean squared error, in target units (NaN for no rows). */
export function rootMeanSquaredError(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let sum = 0;
  for (let row = 0; row < actual.length; row++) sum += (actual[row] - predicted[row]) ** 2;
  return Math.sqrt(sum / actual.length);
}

/**
 * Coefficient of determination, 1 − SS_residual / SS_total: 1 is a perfect fit, 0 is no better
 * than predicting the mean, negative is worse. NaN when the targets do not vary.
 */
export function rSquared(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let mean = 0;
  for (let row = 0; row < actual.length; row++) mean += actual[row] / actual.length;
  let residual = 0;
  let total = 0;
  for (let row = 0; row < actual.length; row++) {
    residual += (actual[row] - predicted[row]) ** 2;
    total += (actual[row] - mean) ** 2;
  }
  return total === 0 ? Number.NaN : 1 - residual / total;
}
