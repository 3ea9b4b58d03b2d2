/**
 * Builds a trial's model from its plain settings: an MLP, or polynomial ridge regression
 * (a linear layer on polynomial features, penalised by alpha).
 */
import * as tf from './tf';
import { hiddenWidths, type Initializer, type ModelSettings } from '../core/modelSettings';
import type { Random } from '../core/random';

function initializer(name: Initializer, seed: number): ReturnType<typeof tf.initializers.glorotUniform> {
  switch (name) {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'heNormal':
      return tf.initializers.heNormal({ seed });
    case 'lecunNormal':
      return tf.initializers.leCunNormal({ seed });
    case 'randomNormal':
      return tf.initializers.randomNormal({ mean: 0, stddev: 0.1, seed });
    default:
      throw new Error(`invalid initializer: ${name as string}`);
  }
}

/**
 * An MLP mapping [batch, inputSize] to [batch, outputSize] (logits for classes, values for
 * regression). Weights are drawn from `random`, so the same seed gives the same model.
 */
export function buildMlp(settings: ModelSettings, inputSize: number, outputSize: number, random: Random): tf.Sequential {
  const model = tf.sequential();
  const widths = hiddenWidths(settings);
  for (let layer = 0; layer < widths.length; layer++) {
    model.add(
      tf.layers.dense({
        units: widths[layer],
        activation: settings.activation,
        kernelInitializer: initializer(settings.initializer, random.uint32()),
        biasInitializer: 'zeros',
        ...(layer === 0 ? { inputShape: [inputSize] } : {}),
      }),
    );
    if (settings.dropout > 0) model.add(tf.layers.dropout({ rate: settings.dropout, seed: random.uint32() }));
  }
  model.add(
    tf.layers.dense({
      units: outputSize,
      activation: 'linear',
      kernelInitializer: initializer(settings.initializer, random.uint32()),
      biasInitializer: 'zeros',
      ...(settings.hiddenLayers === 0 ? { inputShape: [inputSize] } : {}),
    }),
  );
  return model;
}

/** Number of columns polynomialFeatures makes from `featureCount` inputs at `degree`. */
export function polynomialFeatureCount(featureCount: number, degree: number): number {
  return featureCount * degree;
}

/**
 * Expands rows of features into powers 1..degree of each feature (no cross terms):
 * [size * featureCount] -> [size * featureCount * degree], row-major. Inputs are expected in
 * about [-1, 1] so high powers stay bounded.
 */
export function polynomialFeatures(features: Float32Array, featureCount: number, degree: number): Float32Array {
  const size = features.length / featureCount;
  const width = polynomialFeatureCount(featureCount, degree);
  const expanded = new Float32Array(size * width);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < featureCount; column++) {
      const value = features[row * featureCount + column];
      let power = value;
      for (let d = 0; d < degree; d++) {
        expanded[row * width + column * degree + d] = power;
        power *= value;
      }
    }
  }
  return expanded;
}

/** The L1/L2 penalty on the kernels (not biases): l1 * sum|w| + l2 * sum w^2, a scalar. */
export function weightPenalty(model: tf.LayersModel, l1: number, l2: number): tf.Scalar {
  return tf.tidy(() => {
    let penalty: tf.Scalar = tf.scalar(0);
    if (l1 === 0 && l2 === 0) return penalty;
    for (const weight of model.trainableWeights) {
      if (!weight.name.includes('kernel')) continue;
      const value = weight.read();
      if (l1 > 0) penalty = penalty.add(value.abs().sum().mul(l1));
      if (l2 > 0) penalty = penalty.add(value.square().sum().mul(l2));
    }
    return penalty;
  });
}
