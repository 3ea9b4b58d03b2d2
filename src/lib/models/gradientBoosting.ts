/**
 * Gradient-boosted trees (Friedman, "Greedy Function Approximation: A Gradient Boosting Machine",
 * Annals of Statistics 29, 2001): each round fits small regression trees to the negative gradient
 * of the loss and adds them, scaled by the learning rate. Log-loss (binary: one tree per round on
 * the log-odds; multiclass: one per class on softmax scores, leaves set by Friedman's Newton step)
 * or squared error. The model and its outputs; the rounds themselves are in boostRounds.ts.
 */
import type { Task } from '../datasets/dataset';
import type { MaxFeatures } from './decisionTree';
import type { FittedModel } from './fittedModel';
import { argmaxRows } from './losses';
import { scoresToOutputs } from './linkFunction';
import { addTreeOutputs, type TreeArrays } from './treeStructure';

/** Settings of gradient boosting. */
export interface GradientBoostingOptions {
  /** Shrinkage of each round's trees, in (0, 1]. */
  learningRate: number;
  /** Boosting rounds (≥ 1); a round adds one tree (regression, two classes) or one per class. */
  rounds: number;
  /** Depth of each tree (≥ 1). */
  maxDepth: number;
  /** Fewest training rows in a leaf (≥ 1). */
  minSamplesLeaf: number;
  /** Share of the training rows, drawn without replacement, each round learns from, in (0, 1]. */
  subsample: number;
  /** Features examined per split (1 = all). */
  maxFeatures: MaxFeatures;
}

/** scikit-learn's defaults: 100 rounds of depth-3 trees at learning rate 0.1 on every row. */
export const defaultGradientBoostingOptions: GradientBoostingOptions = {
  learningRate: 0.1, rounds: 100, maxDepth: 3, minSamplesLeaf: 1, subsample: 1, maxFeatures: 1,
};

/** A fitted boosting model: initial scores plus the learning rate times every round's trees. */
export class GradientBoosting implements FittedModel {
  /** Classification or regression. */
  readonly task: Task;
  /** Number of classes; 0 for regression. */
  readonly classCount: number;
  /** Number of input features. */
  readonly featureCount: number;
  /** Raw score before any tree (log-odds, log class prior or target mean), length scoreWidth. */
  readonly initialScores: Float64Array;
  /** Trees of each round, one per raw score (each with one value per node). */
  readonly rounds: readonly (readonly TreeArrays[])[];
  /** Shrinkage applied to every tree. */
  readonly learningRate: number;

  constructor(
    task: Task, classCount: number, featureCount: number, initialScores: Float64Array,
    rounds: readonly (readonly TreeArrays[])[], learningRate: number,
  ) {
    this.task = task;
    this.classCount = classCount;
    this.featureCount = featureCount;
    this.initialScores = initialScores;
    this.rounds = rounds;
    this.learningRate = learningRate;
  }

  /** Raw scores [size * scoreWidth] for features [size * featureCount]. */
  scores(features: ArrayLike<number>): Float64Array {
    const width = this.initialScores.length;
    const size = Math.floor(features.length / this.featureCount);
    const scores = new Float64Array(size * width);
    for (let row = 0; row < size; row++) scores.set(this.initialScores, row * width);
    const column = new Float64Array(size);
    for (const trees of this.rounds) {
      trees.forEach((tree, k) => {
        column.fill(0);
        addTreeOutputs(tree, features, this.featureCount, column, this.learningRate);
        for (let row = 0; row < size; row++) scores[row * width + k] += column[row];
      });
    }
    return scores;
  }

  /** Probabilities [size * classCount] or predictions [size]. */
  outputs(features: ArrayLike<number>): Float64Array {
    return scoresToOutputs(this.scores(features), this.classCount);
  }

  /** Predicted class index or value per row, shape [size]. */
  predict(features: ArrayLike<number>): Float64Array {
    const outputs = this.outputs(features);
    return this.classCount > 0 ? argmaxRows(outputs, this.classCount) : outputs;
  }
}
