/**
 * A CART decision tree (Breiman et al. 1984) for classes or regression: the fitted model, its
 * options, and `fitDecisionTree`. Growth itself is in growTree.ts.
 */
import { createRandom, type Random } from '../core/random';
import type { Task } from '../datasets/dataset';
import { growTree, type GrowthLimits } from './growTree';
import { argmaxRows } from './losses';
import { sortColumns, type SortedColumns } from './sortedColumns';
import { classCriteria, type SplitCriterion } from './splitCriterion';
import { checkTable, type FeatureTable } from './table';
import { addTreeOutputs, type TreeArrays, treeImportances, treeShape } from './treeStructure';

/** How many features a split examines: a fraction of them in (0, 1], or √featureCount. */
export type MaxFeatures = number | 'sqrt';

/** Settings of a decision tree. */
export interface DecisionTreeOptions {
  /** Impurity measure: gini or entropy for classes; regression always uses squaredError. */
  criterion: SplitCriterion;
  /** Deepest split level (root is 0); null = no limit. */
  maxDepth: number | null;
  /** Fewest training rows in a leaf (≥ 1). */
  minSamplesLeaf: number;
  /** Fewest rows a node needs to be split (≥ 2). */
  minSamplesSplit: number;
  /** Features examined per split (1 = all of them). */
  maxFeatures: MaxFeatures;
}

/** A fully grown tree (criterion gini / squared error), as scikit-learn's defaults. */
export const defaultDecisionTreeOptions: DecisionTreeOptions = {
  criterion: 'gini', maxDepth: null, minSamplesLeaf: 1, minSamplesSplit: 2, maxFeatures: 1,
};

/** The number of features a split examines for `maxFeatures` out of `featureCount`. */
export function featuresPerSplit(maxFeatures: MaxFeatures, featureCount: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(featureCount)));
  if (!(maxFeatures > 0 && maxFeatures <= 1)) throw new RangeError(`maxFeatures must be a fraction in (0, 1] or 'sqrt', got ${maxFeatures}`);
  return Math.max(1, Math.floor(maxFeatures * featureCount));
}

/** Checks tree options against the task and turns them into growth limits (counts). */
export function growthLimits(options: DecisionTreeOptions, task: Task, featureCount: number): GrowthLimits {
  const { maxDepth, minSamplesLeaf, minSamplesSplit } = options;
  if (maxDepth !== null && !(Number.isInteger(maxDepth) && maxDepth >= 0)) throw new RangeError(`maxDepth must be a whole number ≥ 0 or null, got ${maxDepth}`);
  if (!(Number.isInteger(minSamplesLeaf) && minSamplesLeaf >= 1)) throw new RangeError(`minSamplesLeaf must be a whole number ≥ 1, got ${minSamplesLeaf}`);
  if (!(Number.isInteger(minSamplesSplit) && minSamplesSplit >= 2)) throw new RangeError(`minSamplesSplit must be a whole number ≥ 2, got ${minSamplesSplit}`);
  const criterion = task === 'regression' ? 'squaredError' : options.criterion;
  if (task === 'classification' && !classCriteria.includes(criterion)) throw new RangeError(`criterion ${criterion} does not apply to classes`);
  return { criterion, maxDepth, minSamplesLeaf, minSamplesSplit, maxFeatures: featuresPerSplit(options.maxFeatures, featureCount) };
}

/** A fitted decision tree: class probabilities or a regression value per row. */
export class DecisionTree {
  /** Classification or regression. */
  readonly task: Task;
  /** Number of classes; 0 for regression. */
  readonly classCount: number;
  /** Number of input features. */
  readonly featureCount: number;
  /** The tree's nodes as flat arrays. */
  readonly tree: TreeArrays;
  /** Weighted impurity decrease per feature, normalised to sum to 1 (all 0 for a single leaf). */
  readonly featureImportances: Float64Array;

  constructor(task: Task, classCount: number, featureCount: number, tree: TreeArrays) {
    this.task = task;
    this.classCount = classCount;
    this.featureCount = featureCount;
    this.tree = tree;
    this.featureImportances = treeImportances(tree, featureCount);
  }

  /** Class probabilities [size * classCount] (classes) or predictions [size] (regression) for features [size * featureCount]. */
  outputs(features: ArrayLike<number>): Float64Array {
    const size = Math.floor(features.length / this.featureCount);
    const outputs = new Float64Array(size * this.tree.valueWidth);
    addTreeOutputs(this.tree, features, this.featureCount, outputs);
    return outputs;
  }

  /** Predicted class index or value per row, shape [size]. */
  predict(features: ArrayLike<number>): Float64Array {
    const outputs = this.outputs(features);
    return this.classCount > 0 ? argmaxRows(outputs, this.classCount) : outputs;
  }

  /** Leaf count and depth of the fitted tree. */
  shape(): { leafCount: number; depth: number } {
    return treeShape(this.tree);
  }
}

/**
 * Fits a tree to a table. `random` picks the features examined per split when maxFeatures < 1;
 * `sorted` may be passed in when the caller already sorted the table's columns.
 */
export function fitDecisionTree(
  train: FeatureTable, options: DecisionTreeOptions = defaultDecisionTreeOptions,
  random: Random = createRandom(0), sorted: SortedColumns = sortColumns(train.features, train.size, train.featureCount),
): DecisionTree {
  checkTable(train);
  const limits = growthLimits(options, train.task, train.featureCount);
  const targets = { values: train.targets, classCount: train.classCount };
  const tree = growTree(sorted, targets, null, limits, random);
  return new DecisionTree(train.task, train.classCount, train.featureCount, tree);
}
