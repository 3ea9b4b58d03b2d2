import type { Dataset } from './dataset';

/** A new dataset holding only the given rows, in the given order (features copied, shape [rows.length * featureCount]). */
export function subsetDataset(dataset: Dataset, rows: readonly number[]): Dataset {
  const { featureCount } = dataset;
  const features = new Float32Array(rows.length * featureCount);
  const targets = new Float32Array(rows.length);
  rows.forEach((row, position) => {
    if (!Number.isInteger(row) || row < 0 || row >= dataset.size) {
      throw new RangeError(`row ${row} is outside 0..${dataset.size - 1}`);
    }
    features.set(dataset.features.subarray(row * featureCount, (row + 1) * featureCount), position * featureCount);
    targets[position] = dataset.targets[row];
  });
  return { ...dataset, size: rows.length, features, targets };
}
