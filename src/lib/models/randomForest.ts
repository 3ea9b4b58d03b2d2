/**
 * Random forest (Breiman, "Random Forests", Machine Learning 45, 2001): trees grown on bootstrap
 * samples, each split choosing among a random subset of features; the forest averages their
 * class probabilities (or regression values).
 */
import type { Random } from '../core/random';
import type { Task } from '../datasets/dataset';
import { type DecisionTreeOptions, growthLimits } from './decisionTree';
import type { FittedModel } from './fittedModel';
import { growTree } from './growTree';
import { argmaxRows } from './losses';
import { sortColumns } from './sortedColumns';
import { checkTable, type FeatureTable } from './table';
import { addTreeOutputs, type TreeArrays, treeImportances } from './treeStructure';

/** Settings of a random forest: its trees' settings, how many, and whether each sees a bootstrap sample. */
export interface RandomForestOptions extends DecisionTreeOptions {
  /** Number of trees (≥ 1). */
  treeCount: number;
  /** Each tree learns from n rows drawn with replacement (true) or from every row (false). */
  bootstrap: boolean;
}

/** 100 fully grown trees on bootstrap samples, √features per split (scikit-learn's classifier defaults). */
export const defaultRandomForestOptions: RandomForestOptions = {
  criterion: 'gini', maxDepth: null, minSamplesLeaf: 1, minSamplesSplit: 2, maxFeatures: 'sqrt', treeCount: 100, bootstrap: true,
};

/** A fitted forest: the average of its trees. */
export class RandomForest implements FittedModel {
  /** Classification or regression. */
  readonly task: Task;
  /** Number of classes; 0 for regression. */
  readonly classCount: number;
  /** Number of input features. */
  readonly featureCount: number;
  /** The trees, in the order they were grown. */
  readonly trees: readonly TreeArrays[];

  constructor(task: Task, classCount: number, featureCount: number, trees: readonly TreeArrays[]) {
    this.task = task;
    this.classCount = classCount;
    this.featureCount = featureCount;
    this.trees = trees;
  }

  /** Mean of the trees' outputs: probabilities [size * classCount] or predictions [size]. */
  outputs(features: ArrayLike<number>): Float64Array {
    const width = Math.max(1, this.classCount);
    const outputs = new Float64Array(Math.floor(features.length / this.featureCount) * width);
    for (const tree of this.trees) addTreeOutputs(tree, features, this.featureCount, outputs, 1 / this.trees.length);
    return outputs;
  }

  /** Predicted class index or value per row, shape [size]. */
  predict(features: ArrayLike<number>): Float64Array {
    const outputs = this.outputs(features);
    return this.classCount > 0 ? argmaxRows(outputs, this.classCount) : outputs;
  }

  /** Mean of the trees' normalised impurity-decrease importances, one per feature (sums to 1 unless every tree is a leaf). */
  featureImportances(): Float64Array {
    const means = new Float64Array(this.featureCount);
    for (const tree of this.trees) treeImportances(tree, this.featureCount).forEach((value, feature) => (means[feature] += value / this.trees.length));
    return means;
  }
}

/** How many times each of `size` rows is drawn in a bootstrap sample of `size` draws with replacement. */
export function bootstrapCounts(size: number, random: Random): Float64Array {
  const counts = new Float64Array(size);
  for (let draw = 0; draw < size; draw++) counts[random.int(size)] += 1;
  return counts;
}

/** Grows the forest one tree at a time, yielding the new tree; tree t uses random.fork(t). */
export function* growForest(train: FeatureTable, options: RandomForestOptions, random: Random): Generator<TreeArrays> {
  checkTable(train);
  if (!(Number.isInteger(options.treeCount) && options.treeCount >= 1)) throw new RangeError(`treeCount must be a whole number ≥ 1, got ${options.treeCount}`);
  const limits = growthLimits(options, train.task, train.featureCount);
  const sorted = sortColumns(train.features, train.size, train.featureCount);
  const targets = { values: train.targets, classCount: train.classCount };
  for (let index = 0; index < options.treeCount; index++) {
    const treeRandom = random.fork(index);
    const weights = options.bootstrap ? bootstrapCounts(train.size, treeRandom) : null;
    yield growTree(sorted, targets, weights, limits, treeRandom);
  }
}

/** Fits a random forest to a table, seeded by `random`. */
export function fitRandomForest(train: FeatureTable, options: RandomForestOptions, random: Random): RandomForest {
  return new RandomForest(train.task, train.classCount, train.featureCount, [...growForest(train, options, random)]);
}
