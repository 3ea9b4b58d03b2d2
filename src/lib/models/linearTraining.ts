/**
 * Fits a linear model one solver pass at a time (coordinate-descent sweeps for regression,
 * proximal-gradient steps for classes), each pass an epoch of its learning curve.
 */
import { coordinateDescent, type LinearState } from './coordinateDescent';
import { designColumns, fitDesignMatrix } from './designMatrix';
import type { TrainingStep } from './fittedModel';
import {
  checkLinearOptions, l1Share, LinearModel, type LinearModelOptions, linearScores, penaltyStrength,
} from './linearModel';
import { scoresToOutputs } from './linkFunction';
import { epochRecord, scoreOutputs } from './losses';
import { proximalGradient } from './proximalGradient';
import { checkTable, type FeatureTable } from './table';

/** Starting weights and intercepts, e.g. the fit at a larger penalty on a coefficient path. */
export interface LinearWarmStart {
  /** Weights, shape [outputCount * columnCount]. */
  weights: Float64Array;
  /** Intercepts, shape [outputCount]. */
  intercepts: Float64Array;
}

/** The solver for the table's task, as a generator of its passes over the design columns [size * width]. */
export function linearSolver(
  train: FeatureTable, columns: Float64Array, width: number, options: LinearModelOptions, start?: LinearWarmStart,
): Generator<LinearState, LinearState> {
  const alpha = penaltyStrength(options);
  const l1Ratio = l1Share(options);
  const { maxIterations, tolerance } = options;
  return train.classCount === 0
    ? coordinateDescent(columns, width, train.targets, alpha, l1Ratio, maxIterations, tolerance, start?.weights)
    : proximalGradient(columns, width, train.targets, train.classCount, alpha, l1Ratio, maxIterations, tolerance, start);
}

/**
 * Trains a linear model, yielding each solver pass's record and the model after it; returns the
 * final model. Polynomial terms and their scaling are fitted on the training rows only.
 */
export function* linearSteps(
  train: FeatureTable, validation: FeatureTable, options: LinearModelOptions, start?: LinearWarmStart,
): Generator<TrainingStep, LinearModel> {
  checkTable(train);
  checkLinearOptions(options);
  const design = fitDesignMatrix(train.features, train.featureCount, options.degree, options.standardize);
  const width = design.terms.length;
  const trainColumns = designColumns(design, train.features);
  const validationColumns = designColumns(design, validation.features);
  const solver = linearSolver(train, trainColumns, width, options, start);
  const score = (columns: Float64Array, state: LinearState, table: FeatureTable) =>
    scoreOutputs(scoresToOutputs(linearScores(columns, width, state.weights, state.intercepts), table.classCount), table);
  let epoch = 0;
  for (let next = solver.next(); ; next = solver.next()) {
    const state = next.value;
    const model = new LinearModel(train.task, train.classCount, design, state.weights.slice(), state.intercepts.slice());
    if (next.done) return model;
    epoch++;
    yield { record: epochRecord(epoch, score(trainColumns, state, train), score(validationColumns, state, validation)), model };
  }
}

/** Fits a linear model to a table and returns it (no curve). */
export function fitLinearModel(train: FeatureTable, options: LinearModelOptions, start?: LinearWarmStart): LinearModel {
  checkTable(train);
  checkLinearOptions(options);
  const design = fitDesignMatrix(train.features, train.featureCount, options.degree, options.standardize);
  const columns = designColumns(design, train.features);
  const solver = linearSolver(train, columns, design.terms.length, options, start);
  let next = solver.next();
  while (!next.done) next = solver.next();
  return new LinearModel(train.task, train.classCount, design, next.value.weights.slice(), next.value.intercepts.slice());
}
