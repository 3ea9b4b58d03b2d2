/** The learning task a dataset poses. */
export type Task = 'classification' | 'regression';

/**
 * A table of examples, stored flat so it can be transferred to the worker without copying.
 * Row i's features are features[i * featureCount .. (i + 1) * featureCount).
 */
export interface Dataset {
  /** Short name shown in the page, e.g. "spiral". */
  name: string;
  /** Classification (targets are class indices) or regression (targets are numbers). */
  task: Task;
  /** Number of rows. */
  size: number;
  /** Number of feature columns. */
  featureCount: number;
  /** Features, row-major, shape [size * featureCount]. */
  features: Float32Array;
  /** Class index (0 .. classCount-1) or regression target per row, shape [size]. */
  targets: Float32Array;
  /** Number of classes; 0 for regression. */
  classCount: number;
  /** Column names, length featureCount. */
  featureNames: string[];
  /** Class names, length classCount (empty for regression). */
  classNames: string[];
}

/** Index lists of a train / validation / test split; disjoint and together complete. */
export interface Split {
  train: number[];
  validation: number[];
  test: number[];
}

/** A 2-D classification dataset (features x, y; one class name per class): what every toy generator returns. */
export function planeDataset(name: string, features: Float32Array, targets: Float32Array, classNames: string[]): Dataset {
  return {
    name,
    task: 'classification',
    size: targets.length,
    featureCount: 2,
    features,
    targets,
    classCount: classNames.length,
    featureNames: ['x', 'y'],
    classNames,
  };
}
