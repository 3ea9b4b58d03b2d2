import * as tf from './tf';

/**
 * The loss every trainer in this app minimises and reports, for one trial:
 *
 *   loss = dataLoss + Σ over dense layers ( l1 · Σ|W| + l2 · Σ W² )
 *
 * - The penalty covers the kernels W of every dense layer (hidden and output), not the biases
 *   (the same as Keras' kernelRegularizer l1l2({ l1, l2 }) on each layer: no factor ½ on L2).
 * - classCount ≥ 2: dataLoss = mean over the examples of −log softmax(logits)[target class]
 *   (softmax cross-entropy on the raw logits of the output layer, which has classCount units).
 * - classCount = 0 (regression): dataLoss = mean over the examples of (prediction − target)²
 *   (mean squared error; the output layer has one linear unit).
 *
 * Reported losses (as src/lib/training/trainTrial.ts reports them, so curves compare): after each
 * epoch, dataLoss alone (no penalty, no dropout) on all training rows and on all validation rows;
 * accuracies (classification only) are the fraction of rows with argmax(logits) = target.
 */
export const lossDefinition = 'minimised: dataLoss + Σ_layers (l1·Σ|W| + l2·ΣW²); reported: dataLoss (softmax cross-entropy or MSE)';

/** Per-trial data loss: outputs [K, B, C], targets one-hot [K or 1, B, C] (or [K or 1, B, 1] for regression) → [K]. */
export function dataLoss(outputs: tf.Tensor3D, targets: tf.Tensor3D, classCount: number): tf.Tensor1D {
  if (classCount === 0) {
    return tf.mean(tf.squaredDifference(outputs, targets), [1, 2]) as tf.Tensor1D;
  }
  const logProbabilities = tf.logSoftmax(outputs);
  return tf.neg(tf.mean(tf.sum(tf.mul(logProbabilities, targets), 2), 1)) as tf.Tensor1D;
}

/**
 * Per-trial weight penalty Σ (l1·Σ|W| + l2·ΣW²) over the kernels [K, in, out] → [K].
 * l1, l2: [K, 1, 1], or null where no trial uses that penalty (saves its kernels).
 * |W| is written W·sign(W) so its gradient at exactly 0 is 0 (tf.abs gives −1 there), which
 * keeps the zero padding of masked hidden units at zero.
 */
export function weightPenalty(kernels: tf.Tensor3D[], l1: tf.Tensor3D | null, l2: tf.Tensor3D | null): tf.Tensor1D | null {
  const terms: tf.Tensor[] = [];
  for (const kernel of kernels) {
    if (l1) terms.push(tf.mul(l1, tf.sum(tf.mul(kernel, tf.sign(kernel)), [1, 2], true)));
    if (l2) terms.push(tf.mul(l2, tf.sum(tf.square(kernel), [1, 2], true)));
  }
  if (terms.length === 0) return null;
  return tf.reshape(tf.addN(terms), [-1]) as tf.Tensor1D;
}

/** Per-trial count of correct predictions: outputs [K, B, C], labels [K or 1, B] int32 → [K] float32. */
export function correctCount(outputs: tf.Tensor3D, labels: tf.Tensor2D): tf.Tensor1D {
  const predicted = tf.argMax(outputs, 2);
  return tf.sum(tf.cast(tf.equal(predicted, labels), 'float32'), 1) as tf.Tensor1D;
}
