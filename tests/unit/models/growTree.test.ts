import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { growTree, type GrowthLimits } from '../../../src/lib/models/growTree';
import { bootstrapCounts } from '../../../src/lib/models/randomForest';
import { sortColumns } from '../../../src/lib/models/sortedColumns';
import { digitsTables, wave } from './referenceData';

describe('growTree', () => {
  it('grows the same tree whether it keeps every column partitioned or sorts a node’s rows per feature', () => {
    const { train } = digitsTables();
    const sorted = sortColumns(train.features, train.size, train.featureCount);
    const weights = bootstrapCounts(train.size, createRandom(1));
    const targets = { values: train.targets, classCount: 10 };
    for (const criterion of ['gini', 'entropy'] as const) {
      const limits: GrowthLimits = { criterion, maxDepth: null, minSamplesLeaf: 1, minSamplesSplit: 2, maxFeatures: 8 };
      const partitioned = growTree(sorted, targets, weights, { ...limits, layout: 'partitioned' }, createRandom(2));
      const perNode = growTree(sorted, targets, weights, { ...limits, layout: 'sortedPerNode' }, createRandom(2));
      expect(perNode.nodeCount).toBeGreaterThan(50);
      expect(Array.from(perNode.feature)).toEqual(Array.from(partitioned.feature));
      expect(Array.from(perNode.threshold)).toEqual(Array.from(partitioned.threshold));
      expect(Array.from(perNode.values)).toEqual(Array.from(partitioned.values));
    }
  });

  it('leaves out rows of weight 0 and counts the others by their weight', () => {
    const table = wave();
    const sorted = sortColumns(table.features, table.size, 1);
    const weights = new Float64Array(table.size);
    weights[0] = 2;
    weights[10] = 1;
    const limits: GrowthLimits = { criterion: 'squaredError', maxDepth: 0, minSamplesLeaf: 1, minSamplesSplit: 2, maxFeatures: 1 };
    const tree = growTree(sorted, { values: table.targets, classCount: 0 }, weights, limits, createRandom(1));
    expect(tree.weight[0]).toBe(3);
    expect(tree.values[0]).toBeCloseTo((2 * table.targets[0] + table.targets[10]) / 3, 6);
    expect(() => growTree(sorted, { values: table.targets, classCount: 0 }, new Float64Array(table.size), limits, createRandom(1)))
      .toThrow('a tree needs at least one row of positive weight');
  });
});
