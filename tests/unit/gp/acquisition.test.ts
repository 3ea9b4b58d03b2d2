import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import {
  expectedImprovement,
  logExpectedImprovement,
  logProbabilityOfImprovement,
  probabilityOfImprovement,
  thompsonSample,
  upperConfidenceBound,
} from '../../../src/lib/gp/acquisition';

// A stub surrogate: mean 0 and standard deviation 1 everywhere.
const mean = 0;
const std = 1;

describe('acquisition', () => {
  it('expectedImprovement gives 0.1977966 for mean 0, std 1, best −0.5 and xi 0 (scikit-optimize golden value)', () => {
    expect(expectedImprovement(mean, std, -0.5, 0)).toBeCloseTo(0.1977966, 7);
  });

  it('probabilityOfImprovement gives 0.308538 for mean 0, std 1, best −0.5 and xi 0 (scikit-optimize golden value)', () => {
    expect(probabilityOfImprovement(mean, std, -0.5, 0)).toBeCloseTo(0.308538, 6);
  });

  it('xi demands a larger improvement, lowering both expected and probability of improvement', () => {
    expect(expectedImprovement(mean, std, -0.5, 0.1)).toBeLessThan(expectedImprovement(mean, std, -0.5, 0));
    expect(probabilityOfImprovement(mean, std, -0.5, 0.1)).toBeCloseTo(probabilityOfImprovement(mean, std, -0.6, 0), 12);
  });

  it('upperConfidenceBound is mean minus kappa times std for minimisation', () => {
    expect(upperConfidenceBound(0.3, 0.5, 2)).toBeCloseTo(-0.7, 12);
    expect(upperConfidenceBound(mean, std, 1.96)).toBeCloseTo(-1.96, 12);
  });

  it('expected improvement with zero std is the plain gain, never negative', () => {
    expect(expectedImprovement(1, 0, 3)).toBe(2);
    expect(expectedImprovement(3, 0, 1)).toBe(0);
  });

  it('logExpectedImprovement stays finite and ordered where expectedImprovement underflows to 0', () => {
    expect(expectedImprovement(50, 1, 0)).toBe(0);
    expect(Number.isFinite(logExpectedImprovement(50, 1, 0))).toBe(true);
    expect(logExpectedImprovement(50, 1, 0)).toBeGreaterThan(logExpectedImprovement(51, 1, 0));
    expect(logExpectedImprovement(0, 1, -0.5)).toBeCloseTo(Math.log(0.1977966), 6);
    expect(logProbabilityOfImprovement(0, 1, -0.5)).toBeCloseTo(Math.log(0.308538), 5);
  });

  it('thompsonSample draws with the given means and covariance', () => {
    const random = createRandom(3);
    const means = new Float64Array([1, -2]);
    const covariance = new Float64Array([4, 3, 3, 4]); // correlation 0.75
    const draws = Array.from({ length: 4000 }, () => thompsonSample(means, covariance, random));
    const average = (k: number) => draws.reduce((sum, draw) => sum + draw[k], 0) / draws.length;
    const mean0 = average(0);
    const mean1 = average(1);
    const cross = draws.reduce((sum, draw) => sum + (draw[0] - mean0) * (draw[1] - mean1), 0) / draws.length;
    expect(mean0).toBeCloseTo(1, 1);
    expect(mean1).toBeCloseTo(-2, 1);
    expect(cross).toBeGreaterThan(2.6);
    expect(cross).toBeLessThan(3.4);
  });

  it('thompsonSample survives a singular covariance', () => {
    const sample = thompsonSample(new Float64Array([0, 0]), new Float64Array([1, 1, 1, 1]), createRandom(1));
    expect(sample.every(Number.isFinite)).toBe(true);
    expect(sample[0]).toBeCloseTo(sample[1], 4);
  });
});
