import { describe, expect, it } from 'vitest';
import { circleRadii, circles } from '../../../src/lib/datasets/circles';
import { classCounts, classMean, points } from './datasetChecks';

describe('circles', () => {
  it('circles(options) gives the requested number of points, split evenly between the rings', () => {
    const dataset = circles({ samples: 250, noise: 0.1, seed: 3 });
    expect(dataset.size).toBe(250);
    expect(dataset.features).toHaveLength(500);
    expect(classCounts(dataset)).toEqual([125, 125]);
  });

  it('circles with the same seed gives the same points', () => {
    expect(circles({ samples: 80, noise: 0.5, seed: 7 }).features).toEqual(circles({ samples: 80, noise: 0.5, seed: 7 }).features);
    expect(circles({ samples: 80, noise: 0.5, seed: 7 }).features).not.toEqual(circles({ samples: 80, noise: 0.5, seed: 8 }).features);
  });

  it('clean rings have radii 0.4 (inner, class 0) and 0.8 (outer, class 1)', () => {
    for (const [x, y, label] of points(circles({ samples: 120, noise: 0, seed: 5 }))) {
      expect(Math.hypot(x, y)).toBeCloseTo(circleRadii[label], 5);
    }
  });

  it('noisy rings keep their mean radius and are centred on the origin', () => {
    const dataset = circles({ samples: 2000, noise: 0.3, seed: 6 });
    for (const label of [0, 1]) {
      const radii = points(dataset).filter((point) => point[2] === label).map(([x, y]) => Math.hypot(x, y));
      expect(radii.reduce((sum, radius) => sum + radius, 0) / radii.length).toBeCloseTo(circleRadii[label], 1);
      const [meanX, meanY] = classMean(dataset, label);
      expect(Math.abs(meanX)).toBeLessThan(0.03);
      expect(Math.abs(meanY)).toBeLessThan(0.03);
    }
  });
});
