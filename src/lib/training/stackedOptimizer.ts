import * as tf from './tf';
import { adamBetas, type OptimizerName } from '../core/modelSettings';

/** One trial's optimiser settings. */
export interface TrialOptimizerSettings {
  /** Update rule. */
  optimizer: OptimizerName;
  /** Step size. */
  learningRate: number;
  /** Momentum coefficient (momentum optimizer only). */
  momentum: number;
  /** Adam's decay rates (adam only; 0.9 and 0.999 where absent). */
  beta1?: number;
  beta2?: number;
}

/** An optimiser over stacked variables [K, ...] in which every trial follows its own rule and settings. */
export interface StackedOptimizer {
  /** Applies one step: gradients[i] has the shape of variables[i], [K, ...]. Call inside tf.tidy. */
  applyGradients(gradients: tf.Tensor[]): void;
  /** Sets which trials still learn: active[k] false freezes trial k (its step becomes 0). */
  setActive(active: boolean[]): void;
  /** Zeroes the optimiser state of the trials where reset[k] is true (after their weights diverged). */
  resetTrials(reset: boolean[]): void;
  /** PBT's exploit: trial k takes trial sources[k]'s state (moments, step counts) and then steps with learningRates[k]. */
  copyTrials(sources: number[], learningRates: number[]): void;
  /** Frees the state variables and the hyperparameter tensors. */
  dispose(): void;
}

// Defaults of Keras and TF.js: ε = 1e-7; RMSprop ρ = 0.9 (Adam's β1, β2 are each trial's, from core's adamBetas).
const rmspropDecay = 0.9;
const epsilon = 1e-7;

/**
 * Per-trial coefficients of one update rule that covers all four optimisers (t = step count):
 *   m ← firstDecay·m + firstGain·g
 *   v ← secondDecay·v + secondGain·g²
 *   w ← w − learningRate · m / (1 − firstBase^t) / ( √( v / (1 − secondBase^t) + innerEpsilon ) + outerEpsilon )
 * sgd:      m = g, denominator √(0 + 1) + 0 = 1
 * momentum: m ← momentum·m + g (as tf.train.momentum), denominator 1
 * adam:     m, v exponential averages with bias correction, denominator √v̂ + ε (as tf.train.adam)
 * rmsprop:  m = g, v ← ρ·v + (1 − ρ)·g², denominator √(v + ε) (as tf.train.rmsprop, momentum 0)
 */
export function updateCoefficients(settings: TrialOptimizerSettings): number[] {
  const { optimizer, momentum } = settings;
  switch (optimizer) {
    case 'sgd':
      return [0, 1, 0, 0, 0, 0, 1, 0];
    case 'momentum':
      return [momentum, 1, 0, 0, 0, 0, 1, 0];
    case 'adam': {
      const { beta1, beta2 } = adamBetas(settings);
      return [beta1, 1 - beta1, beta2, 1 - beta2, beta1, beta2, 0, epsilon];
    }
    case 'rmsprop':
      return [0, 1, rmspropDecay, 1 - rmspropDecay, 0, 0, epsilon, 0];
    case 'sgd-hd':
    case 'adam-hd':
      throw new Error(`${optimizer} adapts its learning rate every step (hypergradient descent), which a stacked population does not model: train it by hand or in a search`);
    default:
      throw new Error(`invalid optimizer: ${optimizer as string}`);
  }
}

/**
 * Creates an optimiser for variables stacked as [K, ...]; each trial's rule and learning rate
 * are [K, 1, 1] tensors, so trials with different optimisers share the same kernels. State
 * tensors (m, v) exist only when some trial needs them.
 */
export function createStackedOptimizer(variables: tf.Variable[], trials: TrialOptimizerSettings[]): StackedOptimizer {
  return new StackedRuleOptimizer(variables, trials);
}

/** The rule of updateCoefficients with its coefficients as [K, 1, 1] tensors and its state as variables. */
class StackedRuleOptimizer implements StackedOptimizer {
  readonly #variables: tf.Variable[];
  readonly #trialCount: number;
  #learningRates: number[];
  /** firstDecay, firstGain, secondDecay, secondGain, firstBase, secondBase, innerEpsilon, outerEpsilon, each [K, 1, 1]. */
  readonly #constants: tf.Tensor3D[];
  readonly #needsFirst: boolean;
  readonly #needsSecond: boolean;
  readonly #needsFirstCorrection: boolean;
  readonly #needsSecondCorrection: boolean;
  readonly #stepSize: tf.Variable;
  readonly #firstPower: tf.Variable;
  readonly #secondPower: tf.Variable;
  readonly #firstMoments: tf.Variable[];
  readonly #secondMoments: tf.Variable[];

  constructor(variables: tf.Variable[], trials: TrialOptimizerSettings[]) {
    this.#variables = variables;
    this.#trialCount = trials.length;
    const coefficients = trials.map(updateCoefficients);
    this.#constants = [0, 1, 2, 3, 4, 5, 6, 7].map((index) => this.#column(coefficients.map((row) => row[index])));
    this.#needsFirst = coefficients.some((row) => row[0] !== 0);
    this.#needsSecond = coefficients.some((row) => row[3] !== 0);
    this.#needsFirstCorrection = coefficients.some((row) => row[4] !== 0);
    this.#needsSecondCorrection = coefficients.some((row) => row[5] !== 0);
    this.#learningRates = trials.map((trial) => trial.learningRate);
    // Inside tidy, so only the variables outlive the tensors they were made from.
    const stateOf = (initial: () => tf.Tensor) => tf.tidy(() => tf.variable(initial(), false));
    this.#stepSize = stateOf(() => this.#column(this.#learningRates));
    this.#firstPower = stateOf(() => tf.ones([this.#trialCount, 1, 1]));
    this.#secondPower = stateOf(() => tf.ones([this.#trialCount, 1, 1]));
    this.#firstMoments = this.#needsFirst ? variables.map((variable) => stateOf(() => tf.zerosLike(variable))) : [];
    this.#secondMoments = this.#needsSecond ? variables.map((variable) => stateOf(() => tf.zerosLike(variable))) : [];
  }

  applyGradients(gradients: tf.Tensor[]): void {
    const [, , , , firstBase, secondBase] = this.#constants;
    // Per-trial scalars shared by every variable in this step, [K, 1, 1].
    let scale: tf.Tensor = this.#stepSize;
    if (this.#needsFirstCorrection) {
      const power = tf.mul(this.#firstPower, firstBase);
      this.#firstPower.assign(power);
      scale = tf.div(this.#stepSize, tf.sub(1, power));
    }
    let secondScale: tf.Tensor | null = null;
    if (this.#needsSecondCorrection) {
      const power = tf.mul(this.#secondPower, secondBase);
      this.#secondPower.assign(power);
      secondScale = tf.div(1, tf.sub(1, power));
    }
    this.#variables.forEach((variable, index) => this.#update(variable, index, gradients[index], scale, secondScale));
  }

  setActive(active: boolean[]): void {
    tf.tidy(() => this.#stepSize.assign(this.#column(this.#learningRates.map((rate, k) => (active[k] ? rate : 0)))));
  }

  resetTrials(reset: boolean[]): void {
    tf.tidy(() => {
      const keep = this.#column(reset.map((isReset) => (isReset ? 0 : 1)));
      for (const state of [...this.#firstMoments, ...this.#secondMoments]) {
        state.assign(tf.where(tf.equal(tf.broadcastTo(keep, state.shape), 1), state, tf.zerosLike(state)));
      }
    });
  }

  copyTrials(sources: number[], learningRates: number[]): void {
    if (sources.length !== this.#trialCount || learningRates.length !== this.#trialCount) throw new Error(`invalid copy: ${sources.length} sources for ${this.#trialCount} trials`);
    tf.tidy(() => {
      const index = tf.tensor1d(sources, 'int32');
      for (const state of [this.#firstPower, this.#secondPower, ...this.#firstMoments, ...this.#secondMoments]) state.assign(tf.gather(state, index));
    });
    // The caller's setActive turns these rates into the step sizes.
    this.#learningRates = [...learningRates];
  }

  dispose(): void {
    for (const tensor of [this.#stepSize, this.#firstPower, this.#secondPower, ...this.#firstMoments, ...this.#secondMoments, ...this.#constants]) {
      tensor.dispose();
    }
  }

  /** One variable's step: moments, then w ← w − scale · m / (√(v̂ + innerEpsilon) + outerEpsilon). */
  #update(variable: tf.Variable, index: number, gradient: tf.Tensor, scale: tf.Tensor, secondScale: tf.Tensor | null): void {
    const [firstDecay, firstGain, secondDecay, secondGain, , , innerEpsilon, outerEpsilon] = this.#constants;
    let first: tf.Tensor = gradient;
    if (this.#needsFirst) {
      first = tf.add(tf.mul(firstDecay, this.#firstMoments[index]), tf.mul(firstGain, gradient));
      this.#firstMoments[index].assign(first);
    }
    let step = tf.mul(scale, first);
    if (this.#needsSecond) {
      const second = tf.add(tf.mul(secondDecay, this.#secondMoments[index]), tf.mul(secondGain, tf.square(gradient)));
      this.#secondMoments[index].assign(second);
      const corrected = secondScale ? tf.mul(second, secondScale) : second;
      step = tf.div(step, tf.add(tf.sqrt(tf.add(corrected, innerEpsilon)), outerEpsilon));
    }
    variable.assign(tf.sub(variable, step));
  }

  #column(values: number[]): tf.Tensor3D {
    return tf.tensor3d(values, [this.#trialCount, 1, 1]);
  }
}
