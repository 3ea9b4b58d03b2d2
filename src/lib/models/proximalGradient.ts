/**
 * Penalised logistic regression by accelerated proximal gradient (FISTA: Beck & Teboulle, SIAM J.
 * Imaging Sciences 2, 2009) with gradient-based restarts (O'Donoghue & Candès, Found. Comput.
 * Math. 15, 2015). The L1 part is applied by soft-thresholding, so weights reach exactly zero.
 */
import type { LinearState } from './coordinateDescent';
import { softThreshold } from './coordinateDescent';
import { scoresToOutputs } from './linkFunction';
import { linearScores } from './linearModel';

/** Largest eigenvalue of AᵀA / n for A = [columns, 1] (power iteration, 5% margin): the gradient's Lipschitz scale. */
function largestEigenvalue(columns: Float64Array, width: number, size: number): number {
  let vector = new Float64Array(width + 1).fill(1 / Math.sqrt(width + 1));
  let value = 0;
  for (let iteration = 0; iteration < 60; iteration++) {
    const next = new Float64Array(width + 1);
    for (let row = 0; row < size; row++) {
      let projection = vector[width];
      for (let column = 0; column < width; column++) projection += columns[row * width + column] * vector[column];
      for (let column = 0; column < width; column++) next[column] += (columns[row * width + column] * projection) / size;
      next[width] += projection / size;
    }
    value = Math.hypot(...next);
    if (value === 0) return 0;
    vector = next.map((entry) => entry / value);
  }
  return value * 1.05;
}

/** Gradient of the mean cross-entropy (without penalty) at `weights`, `intercepts`; writes into the two gradient arrays. */
function lossGradient(
  columns: Float64Array, width: number, targets: ArrayLike<number>, classCount: number,
  weights: Float64Array, intercepts: Float64Array, weightGradient: Float64Array, interceptGradient: Float64Array,
): void {
  const outputCount = intercepts.length;
  const size = targets.length;
  const probabilities = scoresToOutputs(linearScores(columns, width, weights, intercepts), classCount);
  weightGradient.fill(0);
  interceptGradient.fill(0);
  for (let row = 0; row < size; row++) {
    for (let output = 0; output < outputCount; output++) {
      // Two classes: one output, p(class 1) − y; K classes: p_k − [y = k].
      const probability = classCount === 2 ? probabilities[row * 2 + 1] : probabilities[row * classCount + output];
      const indicator = classCount === 2 ? (targets[row] === 1 ? 1 : 0) : (targets[row] === output ? 1 : 0);
      const error = (probability - indicator) / size;
      if (error === 0) continue;
      interceptGradient[output] += error;
      for (let column = 0; column < width; column++) weightGradient[output * width + column] += error * columns[row * width + column];
    }
  }
}

/**
 * Minimises mean cross-entropy + α(ρ‖W‖₁ + (1 − ρ)/2 ‖W‖²) over columns [size * width]; one output
 * (sigmoid) for two classes, one per class (softmax) otherwise. Yields the state after each step and
 * stops when no weight moved more than tolerance × max(1, largest weight).
 */
export function* proximalGradient(
  columns: Float64Array, width: number, targets: ArrayLike<number>, classCount: number, alpha: number, l1Ratio: number,
  maxIterations: number, tolerance: number, start?: { weights: Float64Array; intercepts: Float64Array },
): Generator<LinearState, LinearState> {
  const size = targets.length;
  const outputCount = classCount === 2 ? 1 : classCount;
  const l1 = alpha * l1Ratio;
  const l2 = alpha * (1 - l1Ratio);
  const lipschitz = (classCount === 2 ? 0.25 : 0.5) * largestEigenvalue(columns, width, size) + l2;
  const step = 1 / Math.max(lipschitz, 1e-12);
  let weights = start ? start.weights.slice() : new Float64Array(outputCount * width);
  let intercepts = start ? start.intercepts.slice() : new Float64Array(outputCount);
  let extraWeights = weights.slice();
  let extraIntercepts = intercepts.slice();
  const weightGradient = new Float64Array(weights.length);
  const interceptGradient = new Float64Array(outputCount);
  let momentum = 1;
  const state: LinearState = { weights, intercepts, change: Infinity };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    lossGradient(columns, width, targets, classCount, extraWeights, extraIntercepts, weightGradient, interceptGradient);
    const nextWeights = new Float64Array(weights.length);
    const nextIntercepts = new Float64Array(outputCount);
    for (let index = 0; index < weights.length; index++) {
      const gradient = weightGradient[index] + l2 * extraWeights[index];
      nextWeights[index] = softThreshold(extraWeights[index] - step * gradient, step * l1);
    }
    for (let output = 0; output < outputCount; output++) nextIntercepts[output] = extraIntercepts[output] - step * interceptGradient[output];
    let change = 0;
    let largest = 0;
    let alignment = 0;
    for (let index = 0; index < weights.length; index++) {
      change = Math.max(change, Math.abs(nextWeights[index] - weights[index]));
      largest = Math.max(largest, Math.abs(nextWeights[index]));
      alignment += (extraWeights[index] - nextWeights[index]) * (nextWeights[index] - weights[index]);
    }
    for (let output = 0; output < outputCount; output++) {
      change = Math.max(change, Math.abs(nextIntercepts[output] - intercepts[output]));
      alignment += (extraIntercepts[output] - nextIntercepts[output]) * (nextIntercepts[output] - intercepts[output]);
    }
    // Restart the momentum when it points against the proximal-gradient step.
    const nextMomentum = alignment > 0 ? 1 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    const blend = alignment > 0 ? 0 : (momentum - 1) / nextMomentum;
    extraWeights = nextWeights.map((value, index) => value + blend * (value - weights[index]));
    extraIntercepts = nextIntercepts.map((value, output) => value + blend * (value - intercepts[output]));
    momentum = nextMomentum;
    weights = nextWeights;
    intercepts = nextIntercepts;
    state.weights = weights;
    state.intercepts = intercepts;
    state.change = change;
    yield state;
    if (change <= tolerance * Math.max(1, largest)) break;
  }
  return state;
}
