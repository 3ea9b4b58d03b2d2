import * as tf from '@tensorflow/tfjs';
import type { Activation, Initializer } from '../core/modelSettings';
import { maxOf } from '../core/extent';
import { initialWeights, type LayerWeights } from './initialWeights';

/** What the stacked MLP needs to know about one trial. */
export interface StackedTrialShape {
  /** Layer widths of this trial, [featureCount, ...hidden units, outputs]. */
  layerWidths: number[];
  /** Initial weight distribution. */
  initializer: Initializer;
  /** Seed of the initial weights. */
  seed: number;
  /** Multiplier of the initial kernels (1 = the initialiser's scale). */
  initialScale: number;
}

/** K MLPs of the same depth and activation, their parameters stacked along a leading trial axis. */
export interface StackedMlp {
  /** Kernels, one per dense layer, shape [K, inputs, outputs] (inputs, outputs padded to the widest trial). */
  kernels: tf.Variable<tf.Rank.R3>[];
  /** Biases, one per dense layer, shape [K, 1, outputs]. */
  biases: tf.Variable<tf.Rank.R3>[];
  /** Padded layer widths shared by all trials, [featureCount, ...hidden, outputs]. */
  paddedWidths: number[];
  /** Forward pass: inputs [K or 1, B, featureCount], dropout keep-masks [K, B, hidden] per hidden layer or null → outputs [K, B, outputs]. */
  apply(inputs: tf.Tensor3D, dropoutMasks: tf.Tensor3D[] | null): tf.Tensor3D;
  /** Reads every trial's weights back, unpadded: [trial][layer]. */
  read(): Promise<LayerWeights[][]>;
  /** Frees the variables and masks. */
  dispose(): void;
}

/** Applies a hidden-layer activation elementwise. */
export function activate(activation: Activation, values: tf.Tensor3D): tf.Tensor3D {
  switch (activation) {
    case 'relu':
      return tf.relu(values);
    case 'tanh':
      return tf.tanh(values);
    case 'sigmoid':
      return tf.sigmoid(values);
    case 'elu':
      return tf.elu(values);
    case 'linear':
      return values;
    default:
      throw new Error(`invalid activation: ${activation as string}`);
  }
}

/**
 * Creates the stacked parameters of K trials. Trials narrower than the widest one get zero
 * kernels and biases in the padded units. With relu, tanh, elu and linear a padded unit
 * outputs act(0) = 0 and receives zero gradient, so it stays exactly zero and changes nothing;
 * sigmoid outputs 0.5 at 0, so there (only) a [K, 1, units] mask zeroes padded units.
 */
export function createStackedMlp(trials: StackedTrialShape[], activation: Activation): StackedMlp {
  const depth = trials[0].layerWidths.length;
  const paddedWidths = trials[0].layerWidths.map((_, layer) => maxOf(trials.map((trial) => trial.layerWidths[layer])));
  const trialCount = trials.length;
  const perTrial = trials.map((trial) =>
    initialWeights(trial.layerWidths, trial.initializer, trial.seed, trial.initialScale),
  );
  const kernels: tf.Variable<tf.Rank.R3>[] = [];
  const biases: tf.Variable<tf.Rank.R3>[] = [];
  const unitMasks: (tf.Tensor3D | null)[] = [];
  const isPadded = trials.some((trial) => trial.layerWidths.some((width, layer) => width !== paddedWidths[layer]));
  for (let layer = 0; layer + 1 < depth; layer++) {
    const inputs = paddedWidths[layer];
    const outputs = paddedWidths[layer + 1];
    const kernel = new Float32Array(trialCount * inputs * outputs);
    const mask = new Float32Array(trialCount * outputs);
    perTrial.forEach((layers, trial) => {
      const { inputs: trialInputs, outputs: trialOutputs, kernel: trialKernel } = layers[layer];
      for (let i = 0; i < trialInputs; i++) {
        kernel.set(trialKernel.subarray(i * trialOutputs, (i + 1) * trialOutputs), (trial * inputs + i) * outputs);
      }
      mask.fill(1, trial * outputs, trial * outputs + trialOutputs);
    });
    // Inside tidy, so only the variables outlive the tensors they were made from.
    kernels.push(tf.tidy(() => tf.variable(tf.tensor3d(kernel, [trialCount, inputs, outputs]))) as tf.Variable<tf.Rank.R3>);
    biases.push(tf.tidy(() => tf.variable(tf.zeros([trialCount, 1, outputs]))) as tf.Variable<tf.Rank.R3>);
    const isHidden = layer + 2 < depth;
    unitMasks.push(isHidden && isPadded && activation === 'sigmoid' ? tf.tensor3d(mask, [trialCount, 1, outputs]) : null);
  }

  return {
    kernels,
    biases,
    paddedWidths,
    apply(inputs, dropoutMasks) {
      let values: tf.Tensor3D = inputs;
      for (let layer = 0; layer < kernels.length; layer++) {
        values = tf.add(tf.matMul(values, kernels[layer]), biases[layer]);
        if (layer + 1 < kernels.length) {
          values = activate(activation, values);
          const unitMask = unitMasks[layer];
          if (unitMask) values = tf.mul(values, unitMask);
          if (dropoutMasks) values = tf.mul(values, dropoutMasks[layer]);
        }
      }
      return values;
    },
    async read() {
      const kernelValues = await Promise.all(kernels.map((kernel) => kernel.data() as Promise<Float32Array>));
      const biasValues = await Promise.all(biases.map((bias) => bias.data() as Promise<Float32Array>));
      return trials.map((trial, index) =>
        kernelValues.map((values, layer) => {
          const inputs = trial.layerWidths[layer];
          const outputs = trial.layerWidths[layer + 1];
          const paddedInputs = paddedWidths[layer];
          const paddedOutputs = paddedWidths[layer + 1];
          const kernel = new Float32Array(inputs * outputs);
          for (let i = 0; i < inputs; i++) {
            const start = (index * paddedInputs + i) * paddedOutputs;
            kernel.set(values.subarray(start, start + outputs), i * outputs);
          }
          const bias = biasValues[layer].slice(index * paddedOutputs, index * paddedOutputs + outputs);
          return { inputs, outputs, kernel, bias };
        }),
      );
    },
    dispose() {
      for (const variable of [...kernels, ...biases]) variable.dispose();
      for (const mask of unitMasks) mask?.dispose();
    },
  };
}
