/**
 * The small interface every classic model family shares, so the trainer, the charts and a
 * search can treat a tree, a forest, boosting, k-NN and a linear model alike.
 */
import type { EpochRecord } from '../core/trial';
import type { Task } from '../datasets/dataset';

/** The classic (non-TF.js) model families, by the names the model selector uses. */
export const classicModelKinds = ['linear', 'tree', 'forest', 'boosting', 'knn'] as const;

/** One of `classicModelKinds`. */
export type ClassicModelKind = (typeof classicModelKinds)[number];

/** A fitted model: it maps feature rows to outputs and predictions. */
export interface FittedModel {
  /** Classification or regression. */
  readonly task: Task;
  /** Number of classes; 0 for regression. */
  readonly classCount: number;
  /** Number of input features the model expects per row. */
  readonly featureCount: number;
  /** Class probabilities [size * classCount] (classes) or predictions [size] (regression) for features [size * featureCount]. */
  outputs(features: ArrayLike<number>): Float64Array;
  /** Predicted class index or value per row, shape [size]. */
  predict(features: ArrayLike<number>): Float64Array;
}

/** One round of training (a boosting round, a forest's next tree, a solver iteration) and the model as it stands after it. */
export interface TrainingStep {
  /** Losses and accuracies after this round, numbered from 1 like epochs. */
  record: EpochRecord;
  /** The model after this round; usable as the final model if training stops here. */
  model: FittedModel;
}
