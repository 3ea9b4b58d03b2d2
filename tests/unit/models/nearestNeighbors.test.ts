import { describe, expect, it } from 'vitest';
import { decodeIris } from '../../../src/lib/datasets/realData';
import { accuracyOf } from '../../../src/lib/models/losses';
import { fitNearestNeighbors } from '../../../src/lib/models/nearestNeighbors';
import { tableFromDataset, tableFromRows } from '../../../src/lib/models/table';
import { readFileSync } from 'node:fs';
import { digitsTables, expectClose, moduloSplit, wave, waveGrid } from './referenceData';

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), tests/unit/models/sklearnReference.py.
function irisTables() {
  // decodeIris standardises each column with the population standard deviation, as StandardScaler.
  const iris = decodeIris(JSON.parse(readFileSync(new URL('../../../public/data/iris.json', import.meta.url), 'utf8')));
  const { train, held } = moduloSplit(iris.size, 3);
  return { train: tableFromDataset(iris, train), held: tableFromDataset(iris, held) };
}

describe('fitNearestNeighbors', () => {
  it('predicts the held-out iris flowers as sklearn does, with uniform and with distance weights', () => {
    const { train, held } = irisTables();
    const uniform = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2];
    const distance = [...uniform.slice(0, 46), 2, ...uniform.slice(47)];
    expect(Array.from(fitNearestNeighbors(train, { k: 5, weighting: 'uniform' }).predict(held.features))).toEqual(uniform);
    expect(Array.from(fitNearestNeighbors(train, { k: 5, weighting: 'distance' }).predict(held.features))).toEqual(distance);
  });

  it('scores the held-out digits within a point of sklearn for k = 1, 3 and 7', () => {
    const { train, held } = digitsTables();
    const references: [number, number][] = [[1, 0.98888889], [3, 0.98666667], [7, 0.99555556]];
    for (const [k, reference] of references) {
      const accuracy = accuracyOf(fitNearestNeighbors(train, { k, weighting: 'uniform' }).predict(held.features), held.targets);
      expect(Math.abs(accuracy - reference)).toBeLessThan(0.01);
    }
  });

  it('averages the wave’s 3 nearest targets by inverse distance as sklearn does', () => {
    const model = fitNearestNeighbors(wave(), { k: 3, weighting: 'distance' });
    expectClose(model.predict(waveGrid), [
      0.35927943, 0.47487041, 0.48065168, 0.77436352, 1.20268343, 0.94441711, 0.1144167,
      -0.365631, -0.39993224, -0.69946691, -1.19907791, -1.05740553, -0.27105212,
    ], 1e-6);
  });

  it('finds the nearest rows nearest first, and with distance weights a row at distance 0 decides alone', () => {
    const table = tableFromRows([[0, 0], [3, 0], [0, 1], [5, 5]], [0, 1, 1, 1], 2);
    const model = fitNearestNeighbors(table, { k: 3, weighting: 'distance' });
    const { indices, squaredDistances } = model.neighbors(Float32Array.of(0, 0));
    expect(Array.from(indices)).toEqual([0, 2, 1]);
    expect(Array.from(squaredDistances)).toEqual([0, 1, 9]);
    expect(Array.from(model.outputs(Float32Array.of(0, 0)))).toEqual([1, 0]);
    expect(Array.from(fitNearestNeighbors(table, { k: 3, weighting: 'uniform' }).outputs(Float32Array.of(0, 0)))).toEqual([1 / 3, 2 / 3]);
  });

  it('uses every training row when k is larger than the training set', () => {
    const table = tableFromRows([[0], [1]], [0, 1], 2);
    expect(Array.from(fitNearestNeighbors(table, { k: 10, weighting: 'uniform' }).outputs(Float32Array.of(0.2)))).toEqual([0.5, 0.5]);
  });

  it('rejects k below 1', () => {
    expect(() => fitNearestNeighbors(wave(), { k: 0, weighting: 'uniform' })).toThrow('k must be a whole number ≥ 1, got 0');
  });
});
