import { describe, expect, it } from 'vitest';
import { moons } from '../../../src/lib/datasets/moons';
import { subsetDataset } from '../../../src/lib/datasets/subsetDataset';

describe('subsetDataset', () => {
  it('subsetDataset(dataset, rows) copies the given rows in order and keeps the metadata', () => {
    const dataset = moons({ samples: 10, noise: 0.1, seed: 1 });
    const subset = subsetDataset(dataset, [7, 2]);
    expect(subset.size).toBe(2);
    expect(Array.from(subset.features)).toEqual([...dataset.features.slice(14, 16), ...dataset.features.slice(4, 6)]);
    expect(Array.from(subset.targets)).toEqual([dataset.targets[7], dataset.targets[2]]);
    expect(subset.classNames).toEqual(dataset.classNames);
  });

  it('subsetDataset rejects a row outside the dataset', () => {
    expect(() => subsetDataset(moons({ samples: 10, noise: 0, seed: 1 }), [10])).toThrow(/outside/);
  });
});
