import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { accuracyOf } from '../../../src/lib/models/losses';
import { bootstrapCounts, defaultRandomForestOptions, fitRandomForest } from '../../../src/lib/models/randomForest';
import { tableFromDataset, tableFromRows } from '../../../src/lib/models/table';
import { digitsTables, expectClose, irisRaw, wave, waveGrid } from './referenceData';

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), tests/unit/models/sklearnReference.py.
const options = defaultRandomForestOptions;

describe('fitRandomForest', () => {
  it('100 trees on digits score within 2 points of sklearn on the held-out rows', () => {
    const { train, held } = digitsTables();
    // sklearn RandomForestClassifier(n_estimators=100), seeds 0–4: 0.980, 0.980, 0.982, 0.980, 0.982.
    const accuracy = accuracyOf(fitRandomForest(train, options, createRandom(1)).predict(held.features), held.targets);
    expect(Math.abs(accuracy - 0.981)).toBeLessThan(0.02);
  });

  it('30 trees of depth 3 on digits score within 4 points of sklearn', () => {
    const { train, held } = digitsTables();
    // sklearn (n_estimators=30, max_depth=3), seeds 0–4: 0.858, 0.862, 0.873, 0.856, 0.864 (mean 0.863).
    const forest = fitRandomForest(train, { ...options, treeCount: 30, maxDepth: 3 }, createRandom(3));
    expect(Math.abs(accuracyOf(forest.predict(held.features), held.targets) - 0.863)).toBeLessThan(0.04);
    expect(forest.trees).toHaveLength(30);
  });

  it('averages its trees: probabilities are the mean of the trees’ leaf shares', () => {
    const table = tableFromRows([[0], [1], [2], [3], [4], [5]], [0, 0, 1, 0, 1, 1], 2);
    const forest = fitRandomForest(table, { ...options, treeCount: 7 }, createRandom(4));
    const outputs = forest.outputs(table.features);
    for (let row = 0; row < table.size; row++) {
      expect(outputs[row * 2] + outputs[row * 2 + 1]).toBeCloseTo(1, 12);
      expect(outputs[row * 2] * 7).toBeCloseTo(Math.round(outputs[row * 2] * 7), 9);
    }
  });

  it('without bootstrap and with every feature, all its trees are the same tree', () => {
    const forest = fitRandomForest(wave(), { ...options, treeCount: 3, bootstrap: false, maxFeatures: 1 }, createRandom(5));
    expect(Array.from(forest.trees[1].threshold)).toEqual(Array.from(forest.trees[0].threshold));
    expect(Array.from(forest.trees[2].values)).toEqual(Array.from(forest.trees[0].values));
  });

  it('a regression forest on the wave follows the curve more smoothly than its leaves', () => {
    const forest = fitRandomForest(wave(), { ...options, treeCount: 50, maxFeatures: 1 }, createRandom(6));
    const predictions = forest.predict(waveGrid);
    const truth = Array.from(waveGrid, (x) => Math.sin(x) + 0.3 * Math.cos(3.1 * x));
    const meanSquaredError = truth.reduce((sum, value, index) => sum + (value - predictions[index]) ** 2, 0) / truth.length;
    expect(meanSquaredError).toBeLessThan(0.02);
  });

  it('is seeded: the same seed grows the same forest, another seed a different one', () => {
    const { train } = digitsTables();
    const small = { ...options, treeCount: 2, maxDepth: 3 };
    const thresholds = (seed: number) => Array.from(fitRandomForest(train, small, createRandom(seed)).trees[1].threshold);
    expect(thresholds(8)).toEqual(thresholds(8));
    expect(thresholds(8)).not.toEqual(thresholds(9));
  });

  it('credits the petals on iris as sklearn does (mean impurity decrease, averaged over trees)', () => {
    const forest = fitRandomForest(tableFromDataset(irisRaw()), options, createRandom(1));
    const importances = forest.featureImportances();
    expect(importances.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    // sklearn RandomForestClassifier(n_estimators=100), mean over seeds 0–4 (each seed varies by about ±0.05).
    expectClose(importances, [0.1078, 0.0242, 0.429, 0.4388], 0.06);
  });

  it('rejects a forest without trees', () => {
    expect(() => fitRandomForest(wave(), { ...options, treeCount: 0 }, createRandom(1))).toThrow('treeCount must be a whole number ≥ 1, got 0');
  });
});

describe('bootstrapCounts', () => {
  it('draws as many rows as there are, leaving about a third out', () => {
    const counts = bootstrapCounts(3000, createRandom(2));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(3000);
    const left = counts.filter((count) => count === 0).length / 3000;
    expect(Math.abs(left - Math.exp(-1))).toBeLessThan(0.03);
  });
});
