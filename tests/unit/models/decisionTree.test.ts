import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { defaultDecisionTreeOptions, fitDecisionTree } from '../../../src/lib/models/decisionTree';
import { accuracyOf } from '../../../src/lib/models/losses';
import { tableFromDataset, tableFromRows } from '../../../src/lib/models/table';
import { digitsTables, expectClose, irisRaw, wave, waveGrid } from './referenceData';

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), tests/unit/models/sklearnReference.py.
const options = defaultDecisionTreeOptions;

describe('fitDecisionTree', () => {
  it('a depth-2 tree on iris splits off setosa, then cuts petal width at 1.75 cm, and scores 0.96 as sklearn', () => {
    const iris = tableFromDataset(irisRaw());
    const tree = fitDecisionTree(iris, { ...options, maxDepth: 2 });
    // sklearn (random_state 0) splits setosa off by petal width ≤ 0.8; petal length ≤ 2.45 separates it
    // equally well (a tie); ties go to the lower feature here. The second split is the same.
    expect(Array.from(tree.tree.feature)).toEqual([2, -1, 3, -1, -1]);
    expect(tree.tree.threshold[0]).toBeCloseTo(2.45, 5);
    expect(tree.tree.threshold[2]).toBeCloseTo(1.75, 5);
    expect(Array.from(tree.tree.values.slice(3, 6))).toEqual([1, 0, 0]);
    expect(accuracyOf(tree.predict(iris.features), iris.targets)).toBe(0.96);
  });

  it('gini and entropy trees of depth 3 both fit iris to 0.9733 as sklearn', () => {
    const iris = tableFromDataset(irisRaw());
    for (const criterion of ['gini', 'entropy'] as const) {
      const tree = fitDecisionTree(iris, { ...options, criterion, maxDepth: 3 });
      expect(accuracyOf(tree.predict(iris.features), iris.targets)).toBeCloseTo(0.97333333, 6);
    }
  });

  it('a minimum of 5 rows per leaf gives iris the 6 leaves and depth 4 of sklearn', () => {
    const iris = tableFromDataset(irisRaw());
    const tree = fitDecisionTree(iris, { ...options, minSamplesLeaf: 5 });
    expect(tree.shape()).toEqual({ leafCount: 6, depth: 4 });
    for (let node = 0; node < tree.tree.nodeCount; node++) {
      if (tree.tree.left[node] === -1) expect(tree.tree.weight[node]).toBeGreaterThanOrEqual(5);
    }
  });

  it('a depth-3 regression tree on the wave predicts what sklearn predicts', () => {
    const tree = fitDecisionTree(wave(), { ...options, maxDepth: 3 });
    expectClose(tree.predict(waveGrid), [
      0.34276675, 0.49703429, 0.49703429, 1.01004131, 1.01004131, 1.01004131, 0.36937826,
      -0.42375721, -0.42375721, -1.03236949, -1.03236949, -1.03236949, -0.35847203,
    ], 1e-6);
  });

  it('a fully grown tree on digits scores within 3 points of sklearn on the held-out rows', () => {
    const { train, held } = digitsTables();
    // sklearn, seeds 0–4: 0.851, 0.842, 0.842, 0.849, 0.840 (mean 0.845).
    const accuracy = accuracyOf(fitDecisionTree(train).predict(held.features), held.targets);
    expect(Math.abs(accuracy - 0.845)).toBeLessThan(0.03);
  });

  it('grows until its leaves are pure and gives probabilities that sum to 1', () => {
    const table = tableFromRows([[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.2]], [0, 1, 1, 0, 2], 3);
    const tree = fitDecisionTree(table);
    expect(accuracyOf(tree.predict(table.features), table.targets)).toBe(1);
    const outputs = tree.outputs(table.features);
    for (let row = 0; row < table.size; row++) expect(outputs[row * 3] + outputs[row * 3 + 1] + outputs[row * 3 + 2]).toBeCloseTo(1, 12);
  });

  it('a depth-0 tree is one leaf holding the class shares', () => {
    const table = tableFromRows([[0], [1], [2], [3]], [0, 0, 0, 1], 2);
    const tree = fitDecisionTree(table, { ...options, maxDepth: 0 });
    expect(tree.tree.nodeCount).toBe(1);
    expect(Array.from(tree.outputs(Float32Array.of(7)))).toEqual([0.75, 0.25]);
  });

  it('never splits between equal feature values', () => {
    const table = tableFromRows([[1], [1], [1], [2]], [0, 1, 0, 1], 2);
    const tree = fitDecisionTree(table);
    expect(tree.tree.threshold[0]).toBe(1.5);
    expect(Array.from(tree.outputs(Float32Array.of(1)))).toEqual([2 / 3, 1 / 3]);
  });

  it('with a fraction of the features per split, the seed decides the tree and the same seed repeats it', () => {
    const { train } = digitsTables();
    const fit = (seed: number) => fitDecisionTree(train, { ...options, maxDepth: 4, maxFeatures: 0.1 }, createRandom(seed)).tree;
    expect(Array.from(fit(1).feature)).toEqual(Array.from(fit(1).feature));
    expect(Array.from(fit(1).feature)).not.toEqual(Array.from(fit(2).feature));
  });

  it('feature importances sum to 1 and credit the features it split on', () => {
    const iris = tableFromDataset(irisRaw());
    const tree = fitDecisionTree(iris, { ...options, maxDepth: 2 });
    expect(tree.featureImportances.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(tree.featureImportances[0]).toBe(0);
    expect(tree.featureImportances[2]).toBeGreaterThan(0);
  });

  it('rejects settings a person can get wrong with a clear message', () => {
    const table = tableFromRows([[0], [1]], [0, 1], 2);
    expect(() => fitDecisionTree(table, { ...options, maxDepth: -1 })).toThrow('maxDepth must be a whole number ≥ 0 or null, got -1');
    expect(() => fitDecisionTree(table, { ...options, minSamplesLeaf: 0 })).toThrow('minSamplesLeaf');
    expect(() => fitDecisionTree(table, { ...options, criterion: 'squaredError' })).toThrow('criterion squaredError does not apply to classes');
    expect(() => fitDecisionTree(table, { ...options, maxFeatures: 1.5 })).toThrow('maxFeatures');
  });
});
