import { describe, expect, it } from 'vitest';
import { datasetFromPoints } from '../../../src/lib/datasets/drawnPoints';
import { moons } from '../../../src/lib/datasets/moons';
import { splitDataset } from '../../../src/lib/datasets/split';
import { minimumSplitSize, splitForTraining } from '../../../src/lib/datasets/trainingSplit';

const fractions = { train: 0.6, validation: 0.2, test: 0.2 };

describe('splitForTraining', () => {
  it('uses every one of six drawn points for both training and validation, and says why', () => {
    const points = [0, 0, 0, 1, 1, 1].map((label, i) => ({ x: i / 6, y: label, label }));
    const { split, note } = splitForTraining(datasetFromPoints(points, 2), fractions, 1);
    expect(split.train).toEqual([0, 1, 2, 3, 4, 5]);
    expect(split.validation).toEqual([0, 1, 2, 3, 4, 5]);
    expect(split.test).toEqual([]);
    expect(note).toMatch(/^Only 6 points/);
  });

  it('falls back when training would miss a class, even above the minimum size', () => {
    // 20 points, two small classes of 2: a 10% training share has room for 2 rows, not 3 classes.
    const points = Array.from({ length: minimumSplitSize }, (_, i) => ({ x: i, y: 0, label: i < 2 ? 1 : i < 4 ? 2 : 0 }));
    const dataset = datasetFromPoints(points, 3);
    const smallTrain = { train: 0.1, validation: 0.45, test: 0.45 };
    expect(new Set(splitDataset(dataset, smallTrain, 0).train.map((row) => points[row].label)).size).toBeLessThan(3);
    const { split, note } = splitForTraining(dataset, smallTrain, 0);
    expect(note).toMatch(/^The training share would leave out every point of a class/);
    expect(split.train).toHaveLength(points.length);
  });

  it('falls back when validation would be empty', () => {
    const dataset = moons({ samples: 60, noise: 0.1, seed: 2 });
    const { split, note } = splitForTraining(dataset, { train: 0.8, validation: 0, test: 0.2 }, 1);
    expect(note).toMatch(/^The validation share leaves no points/);
    expect(split.validation).toHaveLength(60);
  });

  it('gives the ordinary seeded stratified split, with no note, when there are enough points', () => {
    const dataset = moons({ samples: 100, noise: 0.1, seed: 2 });
    const { split, note } = splitForTraining(dataset, fractions, 9);
    expect(note).toBe('');
    expect(split).toEqual(splitDataset(dataset, fractions, 9));
  });

  it('falls back for an empty dataset without throwing', () => {
    const { split, note } = splitForTraining(datasetFromPoints([], 2), fractions, 1);
    expect(split).toEqual({ train: [], validation: [], test: [] });
    expect(note).toMatch(/Only 0 points/);
  });
});
