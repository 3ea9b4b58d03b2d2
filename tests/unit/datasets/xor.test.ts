import { describe, expect, it } from 'vitest';
import { xor, xorMargin } from '../../../src/lib/datasets/xor';
import { classCounts, classMean, points } from './datasetChecks';

describe('xor', () => {
  it('xor(options) gives the requested number of points, split evenly between two classes', () => {
    const dataset = xor({ samples: 99, noise: 0.1, seed: 1 });
    expect(dataset.size).toBe(99);
    expect(classCounts(dataset)).toEqual([50, 49]);
  });

  it('xor with the same seed gives the same points', () => {
    expect(xor({ samples: 60, noise: 0.2, seed: 3 }).features).toEqual(xor({ samples: 60, noise: 0.2, seed: 3 }).features);
    expect(xor({ samples: 60, noise: 0.2, seed: 3 }).features).not.toEqual(xor({ samples: 60, noise: 0.2, seed: 4 }).features);
  });

  it('clean xor puts class 0 where x and y share a sign and class 1 where they differ, off the axes', () => {
    for (const [x, y, label] of points(xor({ samples: 400, noise: 0, seed: 2 }))) {
      expect(Math.sign(x * y)).toBe(label === 0 ? 1 : -1);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(xorMargin - 1e-6);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
    }
  });

  it('each class covers both of its quadrants, so its mean is near the origin', () => {
    const dataset = xor({ samples: 2000, noise: 0, seed: 8 });
    for (const label of [0, 1]) {
      const [meanX, meanY] = classMean(dataset, label);
      expect(Math.abs(meanX)).toBeLessThan(0.06);
      expect(Math.abs(meanY)).toBeLessThan(0.06);
    }
  });
});
