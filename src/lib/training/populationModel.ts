import * as tf from './tf';
import { maxOf } from '../core/extent';
import type { Activation, Initializer } from '../core/modelSettings';
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
  return new StackedMlp(trials, activation);
}

/** K MLPs of the same depth and activation, their parameters stacked along a leading trial axis. */
export class StackedMlp {
  /** Kernels, one per dense layer, shape [K, inputs, outputs] (inputs, outputs padded to the widest trial). */
  readonly kernels: tf.Variable<tf.Rank.R3>[] = [];
  /** Biases, one per dense layer, shape [K, 1, outputs]. */
  readonly biases: tf.Variable<tf.Rank.R3>[] = [];
  /** Padded layer widths shared by all trials, [featureCount, ...hidden, outputs]. */
  readonly paddedWidths: number[];
  readonly #trials: StackedTrialShape[];
  readonly #activation: Activation;
  /** Per hidden layer, the [K, 1, units] mask of real units (sigmoid with padding only), else null. */
  readonly #unitMasks: (tf.Tensor3D | null)[] = [];

  /** Stacks each trial's initial weights (initialWeights.ts) at its padded offsets. */
  constructor(trials: StackedTrialShape[], activation: Activation) {
    this.#trials = trials;
    this.#activation = activation;
    const paddedWidths = trials[0].layerWidths.map((_, layer) => maxOf(trials.map((trial) => trial.layerWidths[layer])));
    this.paddedWidths = paddedWidths;
    const perTrial = trials.map((trial) => initialWeights(trial.layerWidths, trial.initializer, trial.seed, trial.initialScale));
    const isPadded = trials.some((trial) => trial.layerWidths.some((width, layer) => width !== paddedWidths[layer]));
    for (let layer = 0; layer + 1 < paddedWidths.length; layer++) {
      const { kernel, mask } = stackLayer(perTrial.map((layers) => layers[layer]), paddedWidths[layer], paddedWidths[layer + 1]);
      const shape: [number, number, number] = [trials.length, paddedWidths[layer], paddedWidths[layer + 1]];
      // Inside tidy, so only the variables outlive the tensors they were made from.
      this.kernels.push(tf.tidy(() => tf.variable(tf.tensor3d(kernel, shape))) as tf.Variable<tf.Rank.R3>);
      this.biases.push(tf.tidy(() => tf.variable(tf.zeros([trials.length, 1, shape[2]]))) as tf.Variable<tf.Rank.R3>);
      const isHidden = layer + 2 < paddedWidths.length;
      this.#unitMasks.push(isHidden && isPadded && activation === 'sigmoid' ? tf.tensor3d(mask, [trials.length, 1, shape[2]]) : null);
    }
  }

  /** Forward pass: inputs [K or 1, B, featureCount], dropout keep-masks [K, B, hidden] per hidden layer or null → outputs [K, B, outputs]. */
  apply(inputs: tf.Tensor3D, dropoutMasks: tf.Tensor3D[] | null): tf.Tensor3D {
    const { kernels, biases } = this;
    let values: tf.Tensor3D = inputs;
    for (let layer = 0; layer < kernels.length; layer++) {
      values = tf.add(tf.matMul(values, kernels[layer]), biases[layer]);
      if (layer + 1 < kernels.length) {
        values = activate(this.#activation, values);
        const unitMask = this.#unitMasks[layer];
        if (unitMask) values = tf.mul(values, unitMask);
        if (dropoutMasks) values = tf.mul(values, dropoutMasks[layer]);
      }
    }
    return values;
  }

  /** Reads every trial's weights back, unpadded: [trial][layer]. */
  async read(): Promise<LayerWeights[][]> {
    const { paddedWidths } = this;
    const kernelValues = await Promise.all(this.kernels.map((kernel) => kernel.data() as Promise<Float32Array>));
    const biasValues = await Promise.all(this.biases.map((bias) => bias.data() as Promise<Float32Array>));
    return this.#trials.map((trial, index) =>
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
  }

  /** Reads one trial's weights back, unpadded (only its slice of each variable). */
  async readTrial(index: number): Promise<LayerWeights[]> {
    const widths = this.#trials[index].layerWidths;
    const slices = tf.tidy(() =>
      this.kernels.map((kernel, layer) => {
        const [inputs, outputs] = [widths[layer], widths[layer + 1]];
        return [tf.slice(kernel, [index, 0, 0], [1, inputs, outputs]), tf.slice(this.biases[layer], [index, 0, 0], [1, 1, outputs])];
      }),
    );
    try {
      const values = await Promise.all(slices.flat().map((slice) => slice.data() as Promise<Float32Array>));
      // Copies: the CPU backend hands out its own storage, which a transfer to the page would detach.
      return slices.map((_, layer) => ({ inputs: widths[layer], outputs: widths[layer + 1], kernel: new Float32Array(values[2 * layer]), bias: new Float32Array(values[2 * layer + 1]) }));
    } finally {
      tf.dispose(slices.flat());
    }
  }

  /** Frees the variables and masks. */
  dispose(): void {
    for (const variable of [...this.kernels, ...this.biases]) variable.dispose();
    for (const mask of this.#unitMasks) mask?.dispose();
  }
}

/** One layer of every trial, padded: kernels [K * inputs * outputs] and the real-unit mask [K * outputs]. */
function stackLayer(layers: LayerWeights[], inputs: number, outputs: number): { kernel: Float32Array; mask: Float32Array } {
  const kernel = new Float32Array(layers.length * inputs * outputs);
  const mask = new Float32Array(layers.length * outputs);
  layers.forEach(({ inputs: trialInputs, outputs: trialOutputs, kernel: trialKernel }, trial) => {
    for (let i = 0; i < trialInputs; i++) {
      kernel.set(trialKernel.subarray(i * trialOutputs, (i + 1) * trialOutputs), (trial * inputs + i) * outputs);
    }
    mask.fill(1, trial * outputs, trial * outputs + trialOutputs);
  });
  return { kernel, mask };
}
