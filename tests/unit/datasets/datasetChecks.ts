import type { Dataset } from '../../../src/lib/datasets/dataset';

/** Number of rows of each class, length classCount. */
export function classCounts(dataset: Dataset): number[] {
  const counts = new Array<number>(dataset.classCount).fill(0);
  for (const target of dataset.targets) counts[target]++;
  return counts;
}

/** Mean [x, y] of the rows of one class of a 2-D dataset. */
export function classMean(dataset: Dataset, label: number): [number, number] {
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (let row = 0; row < dataset.size; row++) {
    if (dataset.targets[row] !== label) continue;
    sumX += dataset.features[2 * row];
    sumY += dataset.features[2 * row + 1];
    count++;
  }
  return [sumX / count, sumY / count];
}

/** Rows of a 2-D dataset as [x, y, label] triples. */
export function points(dataset: Dataset): [number, number, number][] {
  return Array.from({ length: dataset.size }, (_, row) => [
    dataset.features[2 * row], dataset.features[2 * row + 1], dataset.targets[row],
  ]);
}
