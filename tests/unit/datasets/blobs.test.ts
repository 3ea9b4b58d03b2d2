import { describe, expect, it } from 'vitest';
import { blobCentre, blobRing, blobs, blobSpread } from '../../../src/lib/datasets/blobs';
import { classCounts, classMean, points } from './datasetChecks';

describe('blobs', () => {
  it('blobs(options) deals the points evenly to 2 to 5 classes', () => {
    for (const classes of [2, 3, 4, 5]) {
      const dataset = blobs({ samples: 103, noise: 0.2, seed: 1, classes });
      expect(dataset.size).toBe(103);
      expect(dataset.classCount).toBe(classes);
      const counts = classCounts(dataset);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('blobs rejects a class count outside 2 to 5', () => {
    expect(() => blobs({ samples: 50, noise: 0, seed: 1, classes: 6 })).toThrow(/2 to 5/);
    expect(() => blobs({ samples: 50, noise: 0, seed: 1, classes: 1 })).toThrow(/2 to 5/);
  });

  it('blobs with the same seed gives the same points', () => {
    expect(blobs({ samples: 90, noise: 0.4, seed: 2 }).features).toEqual(blobs({ samples: 90, noise: 0.4, seed: 2 }).features);
  });

  it('blob centres lie on a ring of radius 0.6 and each class averages to its centre', () => {
    const dataset = blobs({ samples: 2000, noise: 0.3, seed: 5, classes: 4 });
    for (let label = 0; label < 4; label++) {
      const centre = blobCentre(label, 4);
      expect(Math.hypot(...centre)).toBeCloseTo(blobRing, 10);
      const [meanX, meanY] = classMean(dataset, label);
      expect(meanX).toBeCloseTo(centre[0], 1);
      expect(meanY).toBeCloseTo(centre[1], 1);
    }
  });

  it('the spread of a blob matches 0.05 + 0.3 × noise', () => {
    const dataset = blobs({ samples: 2000, noise: 0.5, seed: 11, classes: 2 });
    const [centreX] = blobCentre(0, 2);
    const xs = points(dataset).filter((point) => point[2] === 0).map(([x]) => x);
    const std = Math.sqrt(xs.reduce((sum, x) => sum + (x - centreX) ** 2, 0) / xs.length);
    expect(std).toBeGreaterThan(blobSpread(0.5) * 0.9);
    expect(std).toBeLessThan(blobSpread(0.5) * 1.1);
  });
});
