/**
 * Hypergradient descent (Baydin et al., "Online Learning Rate Adaptation with Hypergradient
 * Descent", ICLR 2018): the learning rate α itself follows the gradient of the loss with respect
 * to α. With d_t the update direction of step t (SGD: the gradient g_t; Adam: m̂_t / (√v̂_t + ε)),
 * the loss after step t−1 depends on α through θ_{t−1} = θ_{t−2} − α d_{t−1}, so
 *   ∂f(θ_{t−1})/∂α = −g_t · d_{t−1}   and   α_t = α_{t−1} + β g_t · d_{t−1},
 * then θ_t = θ_{t−1} − α_t d_t. Consecutive steps that agree raise α; steps that overshoot and
 * reverse lower it. α stays on the device; the trainer reads it back once per epoch.
 */
import * as tf from './tf';
import { defaultAdamBetas } from '../core/modelSettings';

/** The rule whose learning rate hypergradient descent adapts. */
export type HypergradientRule = 'sgd' | 'adam';

// Adam's ε as tf.train.adam uses it for float32; β1 and β2 are the trial's (Keras's 0.9 and 0.999 by default).
const adamEpsilon = 1e-7;

/** Why hypergradient trials train one by one on TF.js where the fused kernel can't take them, as the page says it. */
export const hypergradientTrainerReason = 'hypergradient descent (sgd-hd, adam-hd) changes each trial\'s learning rate every step, which the TF.js stacked population does not model (only the fused WebGPU kernel does): without it, those trials train one by one on TF.js';

/** Per-variable state: the previous direction d_{t−1}, and Adam's moments. */
interface VariableState {
  previous: tf.Variable;
  first: tf.Variable | null;
  second: tf.Variable | null;
}

/** SGD-HD and Adam-HD as a TF.js optimiser: `minimize` works as with tf.train.sgd or tf.train.adam. */
export class HypergradientOptimizer extends tf.Optimizer {
  /** TF.js's serialisation name. */
  static get className(): string {
    return 'HypergradientOptimizer';
  }

  readonly rule: HypergradientRule;
  readonly initialLearningRate: number;
  readonly hypergradientRate: number;
  /** Adam's decay rates (read by the 'adam' rule only). */
  readonly beta1: number;
  readonly beta2: number;
  /** α, a scalar variable updated every step. */
  readonly learningRate: tf.Variable<tf.Rank.R0>;
  readonly #states = new Map<string, VariableState>();
  #step = 0;

  /** An optimiser following `rule` from learning rate `learningRate`, adapting it at hypergradient rate `hypergradientRate` (β), with Adam's `betas`. */
  constructor(rule: HypergradientRule, learningRate: number, hypergradientRate: number, betas: { beta1: number; beta2: number } = defaultAdamBetas) {
    super();
    this.rule = rule;
    this.initialLearningRate = learningRate;
    this.hypergradientRate = hypergradientRate;
    this.beta1 = betas.beta1;
    this.beta2 = betas.beta2;
    this.learningRate = tf.tidy(() => tf.variable(tf.scalar(learningRate), false));
  }

  /** One step over the named gradients: α ← α + β Σ g·d_prev, then θ ← θ − α d. */
  applyGradients(variableGradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const entries = Array.isArray(variableGradients) ? variableGradients.map(({ name, tensor }) => [name, tensor] as const) : Object.entries(variableGradients);
    this.#step += 1;
    tf.tidy(() => {
      const parts = entries.map(([name, gradient]) => {
        const variable = tf.engine().registeredVariables[name];
        if (!variable) throw new Error(`hypergradient optimiser: no variable named ${name}`);
        const state = this.#stateOf(name, variable);
        return { variable, state, gradient, direction: this.#direction(state, gradient) };
      });
      if (parts.length === 0) return;
      // g_t · d_{t−1} over every parameter (0 on the first step, where d_0 = 0).
      const hypergradient = tf.addN(parts.map(({ gradient, state }) => tf.sum(tf.mul(gradient, state.previous))));
      const rate = tf.add(this.learningRate, tf.mul(this.hypergradientRate, hypergradient));
      this.learningRate.assign(rate as tf.Scalar);
      for (const { variable, state, direction } of parts) {
        variable.assign(tf.sub(variable, tf.mul(rate, direction)));
        state.previous.assign(direction);
      }
    });
  }

  /** The update direction d_t of one variable (SGD: the gradient; Adam: the bias-corrected m̂ / (√v̂ + ε)), updating Adam's moments. */
  #direction(state: VariableState, gradient: tf.Tensor): tf.Tensor {
    if (this.rule === 'sgd' || !state.first || !state.second) return gradient;
    const { beta1, beta2 } = this;
    const first = tf.add(tf.mul(beta1, state.first), tf.mul(1 - beta1, gradient));
    const second = tf.add(tf.mul(beta2, state.second), tf.mul(1 - beta2, tf.square(gradient)));
    state.first.assign(first);
    state.second.assign(second);
    const firstCorrected = tf.div(first, 1 - beta1 ** this.#step);
    const secondCorrected = tf.div(second, 1 - beta2 ** this.#step);
    return tf.div(firstCorrected, tf.add(tf.sqrt(secondCorrected), adamEpsilon));
  }

  #stateOf(name: string, variable: tf.Variable): VariableState {
    let state = this.#states.get(name);
    if (!state) {
      const zeros = () => tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
      state = { previous: zeros(), first: this.rule === 'adam' ? zeros() : null, second: this.rule === 'adam' ? zeros() : null };
      this.#states.set(name, state);
    }
    return state;
  }

  /** Frees α and every state variable. */
  override dispose(): void {
    this.learningRate.dispose();
    for (const { previous, first, second } of this.#states.values()) {
      previous.dispose();
      first?.dispose();
      second?.dispose();
    }
    this.#states.clear();
  }

  /** The settings it was made with (TF.js's Serializable contract). */
  getConfig(): tf.serialization.ConfigDict {
    return { rule: this.rule, learningRate: this.initialLearningRate, hypergradientRate: this.hypergradientRate, beta1: this.beta1, beta2: this.beta2 };
  }
}
