/**
 * The rows a classic model learns from or predicts for: a row-major feature block and a target
 * per row, cut from a Dataset by a list of row indices (e.g. a split's train part).
 */
import type { Dataset, Task } from '../datasets/dataset';

/** Rows of a dataset as flat arrays, the shape every model in this folder fits and scores. */
export interface FeatureTable {
  /** Classification (targets are class indices) or regression. */
  task: Task;
  /** Number of rows. */
  size: number;
  /** Number of feature columns. */
  featureCount: number;
  /** Number of classes; 0 for regression. */
  classCount: number;
  /** Features, row-major, shape [size * featureCount]. */
  features: Float32Array;
  /** Class index or regression target per row, shape [size]. */
  targets: Float32Array;
}

/** The rows `rows` of `dataset` (all rows when omitted), copied into a FeatureTable. */
export function tableFromDataset(dataset: Dataset, rows?: readonly number[]): FeatureTable {
  const { featureCount } = dataset;
  const indices = rows ?? Array.from({ length: dataset.size }, (_, row) => row);
  const features = new Float32Array(indices.length * featureCount);
  const targets = new Float32Array(indices.length);
  indices.forEach((row, position) => {
    features.set(dataset.features.subarray(row * featureCount, (row + 1) * featureCount), position * featureCount);
    targets[position] = dataset.targets[row];
  });
  return { task: dataset.task, size: indices.length, featureCount, classCount: dataset.classCount, features, targets };
}

/** A FeatureTable from plain rows (shape [size][featureCount]) and targets, for tests and small hand-made sets. */
export function tableFromRows(rows: readonly (readonly number[])[], targets: readonly number[], classCount: number): FeatureTable {
  const featureCount = rows.length > 0 ? rows[0].length : 0;
  if (rows.length !== targets.length) throw new RangeError(`${rows.length} rows but ${targets.length} targets`);
  return {
    task: classCount > 0 ? 'classification' : 'regression',
    size: rows.length,
    featureCount,
    classCount,
    features: Float32Array.from(rows.flat()),
    targets: Float32Array.from(targets),
  };
}

/** Throws a clear error when a table cannot be fitted: no rows, no features, a missing value, or a class index out of range. */
export function checkTable(table: FeatureTable): void {
  if (table.size < 1) throw new RangeError('a model needs at least one training row');
  if (table.featureCount < 1) throw new RangeError('a model needs at least one feature');
  if (table.features.length !== table.size * table.featureCount) {
    throw new RangeError(`features hold ${table.features.length} values, expected ${table.size} × ${table.featureCount}`);
  }
  const missing = table.features.findIndex((value) => !Number.isFinite(value));
  if (missing >= 0) {
    throw new RangeError(`row ${Math.floor(missing / table.featureCount)}, column ${missing % table.featureCount} is not a finite number`);
  }
  const missingTarget = table.targets.findIndex((value) => !Number.isFinite(value));
  if (missingTarget >= 0) throw new RangeError(`row ${missingTarget} has no finite target`);
  if (table.classCount > 0) {
    for (let row = 0; row < table.size; row++) {
      const target = table.targets[row];
      if (!Number.isInteger(target) || target < 0 || target >= table.classCount) {
        throw new RangeError(`row ${row} has class ${target}, outside 0..${table.classCount - 1}`);
      }
    }
  }
}
