import { describe, expect, it } from 'vitest';
import { moonCentres, moonRadius, moons } from '../../../src/lib/datasets/moons';
import { classCounts, classMean, points } from './datasetChecks';

describe('moons', () => {
  it('moons(options) gives the requested number of points, split evenly between two classes', () => {
    const dataset = moons({ samples: 301, noise: 0.2, seed: 4 });
    expect(dataset.size).toBe(301);
    expect(dataset.features).toHaveLength(602);
    expect(dataset.classCount).toBe(2);
    expect(classCounts(dataset)).toEqual([151, 150]);
  });

  it('moons with the same seed gives the same points, and a different seed different ones', () => {
    const first = moons({ samples: 100, noise: 0.3, seed: 9 });
    expect(moons({ samples: 100, noise: 0.3, seed: 9 }).features).toEqual(first.features);
    expect(moons({ samples: 100, noise: 0.3, seed: 10 }).features).not.toEqual(first.features);
  });

  it('clean moons lie on half circles of radius 0.6 around their centres, upper and lower', () => {
    for (const [x, y, label] of points(moons({ samples: 200, noise: 0, seed: 1 }))) {
      const [centreX, centreY] = moonCentres[label];
      expect(Math.hypot(x - centreX, y - centreY)).toBeCloseTo(moonRadius, 5);
      if (label === 0) expect(y).toBeGreaterThanOrEqual(centreY - 1e-6);
      else expect(y).toBeLessThanOrEqual(centreY + 1e-6);
    }
  });

  it('the mean of each noisy moon is its centre shifted 2r/π into the arc', () => {
    const dataset = moons({ samples: 2000, noise: 0.3, seed: 2 });
    const shift = (2 * moonRadius) / Math.PI;
    const [upperX, upperY] = classMean(dataset, 0);
    const [lowerX, lowerY] = classMean(dataset, 1);
    expect(upperX).toBeCloseTo(moonCentres[0][0], 1);
    expect(upperY).toBeCloseTo(moonCentres[0][1] + shift, 1);
    expect(lowerX).toBeCloseTo(moonCentres[1][0], 1);
    expect(lowerY).toBeCloseTo(moonCentres[1][1] - shift, 1);
  });
});
