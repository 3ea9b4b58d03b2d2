/** The data sets and fixed splits that tests/unit/models/sklearnReference.py computes its references on. */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { decodeDigits, decodeIris } from '../../../src/lib/datasets/realData';
import { type FeatureTable, tableFromDataset, tableFromRows } from '../../../src/lib/models/table';

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../public/data/${file}`, import.meta.url), 'utf8'));

/** Iris in cm (not standardised), as sklearn's load_iris. */
export const irisRaw = (): Dataset => decodeIris(readJson('iris.json'), { standardized: false });

/** Digits with pixels in [0, 1] (sklearn's digits / 16). */
export const digits = (): Dataset => decodeDigits(readJson('digits.json'));

/** Rows 0 .. size−1 split by `index % modulus === 0` (held out) or not (train). */
export function moduloSplit(size: number, modulus: number): { train: number[]; held: number[] } {
  const rows = Array.from({ length: size }, (_, row) => row);
  return { train: rows.filter((row) => row % modulus !== 0), held: rows.filter((row) => row % modulus === 0) };
}

/** Digits: train on rows with index % 4 ≠ 0, hold out the rest (450 rows). */
export function digitsTables(): { train: FeatureTable; held: FeatureTable } {
  const data = digits();
  const { train, held } = moduloSplit(data.size, 4);
  return { train: tableFromDataset(data, train), held: tableFromDataset(data, held) };
}

/** Iris versicolor (0) against virginica (1), in cm: the 100 rows of classes 1 and 2. */
export function irisBinary(): FeatureTable {
  const iris = irisRaw();
  const rows = Array.from({ length: iris.size }, (_, row) => row).filter((row) => iris.targets[row] > 0);
  const table = tableFromDataset(iris, rows);
  return { ...table, classCount: 2, targets: table.targets.map((target) => target - 1) };
}

/** Iris petal width (cm) as a regression target of the other three measurements. */
export function irisPetalWidth(): FeatureTable {
  const iris = tableFromDataset(irisRaw());
  const features = new Float32Array(iris.size * 3);
  const targets = new Float32Array(iris.size);
  for (let row = 0; row < iris.size; row++) {
    features.set(iris.features.subarray(row * 4, row * 4 + 3), row * 3);
    targets[row] = iris.features[row * 4 + 3];
  }
  return { task: 'regression', size: iris.size, featureCount: 3, classCount: 0, features, targets };
}

/** The hand-made "wave": x_i = i / 10 for i = 0..59, y = sin(x) + 0.3 cos(3.1 x). */
export function wave(): FeatureTable {
  const xs = Array.from({ length: 60 }, (_, index) => index / 10);
  return tableFromRows(xs.map((x) => [x]), xs.map((x) => Math.sin(x) + 0.3 * Math.cos(3.1 * x)), 0);
}

/** Query points −0.2, 0.3, …, 5.8 for the wave models. */
export const waveGrid = Float32Array.from({ length: 13 }, (_, index) => index / 2 - 0.2);

/** Expects every value of `actual` within `tolerance` of `expected`. */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length}, expected ${expected.length}`);
  for (let index = 0; index < expected.length; index++) {
    if (!(Math.abs(actual[index] - expected[index]) <= tolerance)) {
      throw new Error(`value ${index} is ${actual[index]}, expected ${expected[index]} ± ${tolerance}`);
    }
  }
}
