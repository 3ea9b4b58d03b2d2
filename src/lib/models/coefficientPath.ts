/**
 * The coefficients of a linear model over a grid of penalty strengths, strongest first, each fit
 * warm-started from the previous one (as glmnet's paths): the data of a "coefficients shrinking"
 * view, where L1 drives weights to exactly zero one by one and L2 only shrinks them.
 */
import { designColumns, fitDesignMatrix, termName } from './designMatrix';
import { l1Share, type LinearModelOptions } from './linearModel';
import { initialScores } from './boostRounds';
import { scoresToOutputs } from './linkFunction';
import { fitLinearModel, type LinearWarmStart } from './linearTraining';
import { checkTable, type FeatureTable } from './table';

/** Coefficients along a penalty grid. */
export interface CoefficientPath {
  /** Penalty strengths α, descending. */
  penalties: number[];
  /** Weights at each penalty, each shape [outputCount * columnCount] (on standardised columns when standardize is on). */
  coefficients: Float64Array[];
  /** Name of each column, e.g. "x", "x·y", "y²". */
  columnNames: string[];
  /** Number of outputs: 1 for regression and two classes, else one per class. */
  outputCount: number;
}

/**
 * The smallest α at which every weight is zero (for an L1 share ρ; ρ below 0.001 counts as 0.001,
 * as glmnet does, so Ridge gets a finite grid too): max |∂loss/∂w| at w = 0 divided by ρ.
 */
export function largestUsefulPenalty(train: FeatureTable, options: LinearModelOptions): number {
  checkTable(train);
  const design = fitDesignMatrix(train.features, train.featureCount, options.degree, options.standardize);
  const columns = designColumns(design, train.features);
  const width = design.terms.length;
  const { size, classCount, targets } = train;
  const init = initialScores(train);
  const scores = new Float64Array(size * init.length);
  for (let row = 0; row < size; row++) scores.set(init, row * init.length);
  const outputs = scoresToOutputs(scores, classCount);
  const outputCount = init.length;
  const gradient = new Float64Array(outputCount * width);
  const means = new Float64Array(width);
  for (let row = 0; row < size; row++) for (let column = 0; column < width; column++) means[column] += columns[row * width + column] / size;
  for (let row = 0; row < size; row++) {
    for (let output = 0; output < outputCount; output++) {
      // Regression: the residual about the mean (the loss is halved); classes: p − y at the prior.
      const error = classCount === 0 ? outputs[row] - targets[row]
        : classCount === 2 ? outputs[row * 2 + 1] - (targets[row] === 1 ? 1 : 0)
          : outputs[row * classCount + output] - (targets[row] === output ? 1 : 0);
      for (let column = 0; column < width; column++) {
        gradient[output * width + column] += (error * (columns[row * width + column] - means[column])) / size;
      }
    }
  }
  return gradient.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0) / Math.max(l1Share(options), 0.001);
}

/** `count` penalty strengths spaced evenly in log scale from `largest` down to largest × ratio. */
export function penaltyGrid(largest: number, count = 30, ratio = 1e-3): number[] {
  if (!(largest > 0) || count < 2) throw new RangeError('a penalty grid needs a positive largest penalty and at least 2 points');
  return Array.from({ length: count }, (_, index) => largest * ratio ** (index / (count - 1)));
}

/**
 * Fits the model at each penalty (sorted descending; `options.penalty` 'none' is treated as 'l2')
 * and collects the weights. Defaults to a 30-point grid down from largestUsefulPenalty.
 */
export function coefficientPath(
  train: FeatureTable, options: LinearModelOptions, featureNames: readonly string[], penalties?: readonly number[],
): CoefficientPath {
  const pathOptions: LinearModelOptions = { ...options, penalty: options.penalty === 'none' ? 'l2' : options.penalty };
  const grid = [...(penalties ?? penaltyGrid(largestUsefulPenalty(train, pathOptions)))].sort((a, b) => b - a);
  const coefficients: Float64Array[] = [];
  let start: LinearWarmStart | undefined;
  let columnNames: string[] = [];
  let outputCount = 1;
  for (const alpha of grid) {
    const model = fitLinearModel(train, { ...pathOptions, alpha }, start);
    start = { weights: model.weights, intercepts: model.intercepts };
    coefficients.push(model.weights.slice());
    columnNames = model.design.terms.map((term) => termName(term, featureNames));
    outputCount = model.intercepts.length;
  }
  return { penalties: grid, coefficients, columnNames, outputCount };
}
