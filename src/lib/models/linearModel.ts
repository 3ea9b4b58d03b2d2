/**
 * Penalised linear models: linear regression (least squares) and logistic regression (binary, or
 * multinomial with one weight vector per class), with an L1 (Lasso), L2 (Ridge) or elastic-net
 * penalty on the weights, never on the intercepts. Objective, with n training rows:
 *   loss + α · (ρ‖w‖₁ + (1 − ρ)/2 ‖w‖²),
 * where loss is ‖y − ŷ‖² / (2n) for regression (scikit-learn's Lasso / ElasticNet, and Ridge with
 * alpha = n·α) or the mean cross-entropy for classes (LogisticRegression with C = 1 / (n·α)).
 */
import type { Task } from '../datasets/dataset';
import { type DesignMatrix, designColumns } from './designMatrix';
import type { FittedModel } from './fittedModel';
import { scoresToOutputs } from './linkFunction';
import { argmaxRows } from './losses';

/** Which penalty: none, L1 (Lasso), L2 (Ridge) or a mix of both (elastic net, shared by l1Ratio). */
export type Penalty = 'none' | 'l1' | 'l2' | 'elasticNet';

/** Settings of a linear model. */
export interface LinearModelOptions {
  /** Kind of penalty on the weights. */
  penalty: Penalty;
  /** Penalty strength α ≥ 0 (ignored with penalty 'none'). */
  alpha: number;
  /** Elastic net's share of L1 in [0, 1] (only with penalty 'elasticNet'). */
  l1Ratio: number;
  /** Degree of the polynomial features (1 = the features themselves). */
  degree: number;
  /** Standardise each column on the training rows before fitting (recommended: a penalty assumes comparable scales). */
  standardize: boolean;
  /** Most passes of the solver (coordinate-descent sweeps or proximal-gradient steps). */
  maxIterations: number;
  /** Stop when no weight moves more than this (relative to the largest weight, at least 1). */
  tolerance: number;
}

/** A lightly penalised ridge on the raw features, standardised. */
export const defaultLinearModelOptions: LinearModelOptions = {
  penalty: 'l2', alpha: 0.01, l1Ratio: 0.5, degree: 1, standardize: true, maxIterations: 1000, tolerance: 1e-6,
};

/** The L1 share ρ of a penalty. */
export function l1Share(options: Pick<LinearModelOptions, 'penalty' | 'l1Ratio'>): number {
  if (options.penalty === 'l1') return 1;
  if (options.penalty === 'elasticNet') return options.l1Ratio;
  return 0;
}

/** The penalty strength α in effect (0 for 'none'). */
export function penaltyStrength(options: Pick<LinearModelOptions, 'penalty' | 'alpha'>): number {
  return options.penalty === 'none' ? 0 : options.alpha;
}

/** Throws a clear error on settings a linear model cannot use. */
export function checkLinearOptions(options: LinearModelOptions): void {
  const { penalty, alpha, l1Ratio, maxIterations, tolerance } = options;
  if (!['none', 'l1', 'l2', 'elasticNet'].includes(penalty)) throw new RangeError(`invalid penalty: ${penalty}`);
  if (!(alpha >= 0 && Number.isFinite(alpha))) throw new RangeError(`alpha must be a number ≥ 0, got ${alpha}`);
  if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new RangeError(`l1Ratio must be in [0, 1], got ${l1Ratio}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new RangeError(`maxIterations must be a whole number ≥ 1, got ${maxIterations}`);
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be above 0, got ${tolerance}`);
}

/** A fitted linear model: weights on the design's columns and an intercept per output. */
export class LinearModel implements FittedModel {
  /** Classification or regression. */
  readonly task: Task;
  /** Number of classes; 0 for regression. */
  readonly classCount: number;
  /** Number of input features. */
  readonly featureCount: number;
  /** The columns the weights apply to. */
  readonly design: DesignMatrix;
  /** Weights, shape [outputCount * columnCount]; outputs are 1 (regression, two classes) or classCount. */
  readonly weights: Float64Array;
  /** Intercept per output, shape [outputCount]. */
  readonly intercepts: Float64Array;

  constructor(task: Task, classCount: number, design: DesignMatrix, weights: Float64Array, intercepts: Float64Array) {
    this.task = task;
    this.classCount = classCount;
    this.featureCount = design.featureCount;
    this.design = design;
    this.weights = weights;
    this.intercepts = intercepts;
  }

  /** Linear scores [size * outputCount] of the design's columns. */
  scores(features: ArrayLike<number>): Float64Array {
    return linearScores(designColumns(this.design, features), this.design.terms.length, this.weights, this.intercepts);
  }

  /** Probabilities [size * classCount] (logistic / softmax) or predictions [size]. */
  outputs(features: ArrayLike<number>): Float64Array {
    return scoresToOutputs(this.scores(features), this.classCount);
  }

  /** Predicted class index or value per row, shape [size]. */
  predict(features: ArrayLike<number>): Float64Array {
    const outputs = this.outputs(features);
    return this.classCount > 0 ? argmaxRows(outputs, this.classCount) : outputs;
  }
}

/** Scores X·Wᵀ + b for design columns [size * width], weights [outputs * width], intercepts [outputs]. */
export function linearScores(columns: Float64Array, width: number, weights: Float64Array, intercepts: Float64Array): Float64Array {
  const outputCount = intercepts.length;
  const size = columns.length / width;
  const scores = new Float64Array(size * outputCount);
  for (let row = 0; row < size; row++) {
    for (let output = 0; output < outputCount; output++) {
      let sum = intercepts[output];
      for (let column = 0; column < width; column++) sum += columns[row * width + column] * weights[output * width + column];
      scores[row * outputCount + output] = sum;
    }
  }
  return scores;
}
