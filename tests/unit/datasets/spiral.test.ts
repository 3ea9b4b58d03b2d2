import { describe, expect, it } from 'vitest';
import { spiral } from '../../../src/lib/datasets/spiral';
import { classCounts, points } from './datasetChecks';

describe('spiral', () => {
  it('spiral(options) gives the requested number of points, dealt evenly to its arms', () => {
    const dataset = spiral({ samples: 301, noise: 0.1, seed: 1, classes: 3 });
    expect(dataset.size).toBe(301);
    expect(dataset.features).toHaveLength(602);
    expect(classCounts(dataset)).toEqual([101, 100, 100]);
  });

  it('spiral with the same seed gives the same points', () => {
    expect(spiral({ samples: 100, noise: 0.2, seed: 3 }).features).toEqual(spiral({ samples: 100, noise: 0.2, seed: 3 }).features);
    expect(spiral({ samples: 100, noise: 0.2, seed: 3 }).features).not.toEqual(spiral({ samples: 100, noise: 0.2, seed: 4 }).features);
  });

  it('clean arms start near the centre, end at radius 0.9, and stay in [-1, 1]²', () => {
    const dataset = spiral({ samples: 200, noise: 0, seed: 1 });
    const radii = points(dataset).map(([x, y]) => Math.hypot(x, y));
    expect(Math.min(...radii)).toBeCloseTo(0.05, 5);
    expect(Math.max(...radii)).toBeCloseTo(0.9, 5);
    for (const value of dataset.features) expect(Math.abs(value)).toBeLessThanOrEqual(1);
  });

  it('the two clean arms are point reflections of each other through the origin', () => {
    const [first, second] = [0, 1].map((label) => points(spiral({ samples: 100, noise: 0, seed: 1 })).filter((point) => point[2] === label));
    first.forEach(([x, y], index) => {
      expect(second[index][0]).toBeCloseTo(-x, 5);
      expect(second[index][1]).toBeCloseTo(-y, 5);
    });
  });
});
