/**
 * From a model's raw scores to its outputs: the logistic function for two classes (one score, the
 * log-odds of class 1), softmax for more, the identity for regression. Shared by boosting and the
 * linear models.
 */

/** Number of raw scores per row: 1 for regression and two classes, else one per class. */
export function scoreWidth(classCount: number): number {
  return classCount > 2 ? classCount : 1;
}

/**
 * Turns raw scores [size * scoreWidth] into outputs: probabilities [size * classCount] through the
 * logistic (two classes) or softmax function, or the scores themselves (regression).
 */
export function scoresToOutputs(scores: Float64Array, classCount: number): Float64Array {
  if (classCount === 0) return scores;
  if (classCount === 2) {
    const outputs = new Float64Array(scores.length * 2);
    for (let row = 0; row < scores.length; row++) {
      const positive = 1 / (1 + Math.exp(-scores[row]));
      outputs[row * 2] = 1 - positive;
      outputs[row * 2 + 1] = positive;
    }
    return outputs;
  }
  const outputs = new Float64Array(scores.length);
  for (let start = 0; start < scores.length; start += classCount) {
    let largest = -Infinity;
    for (let k = 0; k < classCount; k++) largest = Math.max(largest, scores[start + k]);
    let total = 0;
    for (let k = 0; k < classCount; k++) total += (outputs[start + k] = Math.exp(scores[start + k] - largest));
    for (let k = 0; k < classCount; k++) outputs[start + k] /= total;
  }
  return outputs;
}
