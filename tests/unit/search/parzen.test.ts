import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import type { Dimension } from '../../../src/lib/core/space';
import { fitParzen, logDensity, logMarginalDensity, observationWeights, sampleParzen } from '../../../src/lib/search/parzen';

const real: Dimension = { name: 'x', type: 'real', low: 0, high: 1 };
const integer: Dimension = { name: 'n', type: 'int', low: 1, high: 5 };
const choice: Dimension = { name: 'c', type: 'choice', values: ['a', 'b', 'c'] };
const univariate = { priorWeight: 1, multivariate: false };
const ones = (n: number) => new Float64Array(n).fill(1);

describe('observationWeights', () => {
  it('weighs up to 25 observations equally', () => {
    expect(Array.from(observationWeights(25))).toEqual(Array(25).fill(1));
  });

  it('ramps the older observations from 1/n up to 1 beyond 25 and keeps the newest 25 at 1', () => {
    const weights = observationWeights(30);
    expect(weights[0]).toBeCloseTo(1 / 30, 12);
    expect(weights[4]).toBeCloseTo(1, 12);
    for (let i = 1; i < 5; i++) expect(weights[i]).toBeGreaterThan(weights[i - 1]);
    expect(Array.from(weights.slice(5))).toEqual(Array(25).fill(1));
  });
});

describe('fitParzen', () => {
  it('makes each univariate kernel as wide as its larger neighbour gap, clipped below at 1 / (components + 1)', () => {
    const points = [0.1, 0.2, 0.6].map((x) => Float64Array.of(x));
    const estimator = fitParzen([real], points, ones(3), univariate);
    const kernels = estimator.kernels[0];
    if (kernels.kind !== 'numeric') throw new Error('expected numeric kernels');
    // Sorted centres 0.1, 0.2, 0.5 (the prior), 0.6; minimum width 1 / min(100, 1 + 4) = 0.2.
    expect(Array.from(kernels.mu)).toEqual([0.1, 0.2, 0.6, 0.5]);
    expect(Array.from(kernels.sigma).map((s) => Number(s.toFixed(12)))).toEqual([0.2, 0.3, 0.2, 1]);
    expect(Array.from(estimator.weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("gives every kernel Scott's shared width 0.2 n^(-1/(d+4)) with bandwidth 'scott'", () => {
    const points = Array.from({ length: 16 }, (_, i) => Float64Array.of(i / 16, 1 - i / 16));
    const estimator = fitParzen([real, { ...real, name: 'y' }], points, ones(16), { priorWeight: 1, multivariate: true, bandwidth: 'scott' });
    const kernels = estimator.kernels[1];
    if (kernels.kind !== 'numeric') throw new Error('expected numeric kernels');
    expect(kernels.sigma[0]).toBeCloseTo(0.2 * 16 ** (-1 / 6), 12);
    expect(kernels.sigma[16]).toBe(1);
  });

  it('gives a real dimension a density that integrates to 1 over the unit interval', () => {
    const points = [0.05, 0.3, 0.31, 0.9].map((x) => Float64Array.of(x));
    for (const multivariate of [false, true]) {
      const estimator = fitParzen([real], points, ones(4), { priorWeight: 1, multivariate });
      const steps = 20000;
      let integral = 0;
      for (let i = 0; i < steps; i++) integral += Math.exp(logDensity(estimator, [(i + 0.5) / steps])) / steps;
      expect(integral).toBeCloseTo(1, 4);
    }
  });

  it('gives int and choice dimensions cell probabilities that sum to 1 and favour observed cells', () => {
    const points = [Float64Array.of(0.5, 0.5), Float64Array.of(0.7, 0.5)]; // n = 3 and 4, c = 'b'
    const estimator = fitParzen([integer, choice], points, ones(2), univariate);
    const intMass = [0, 1, 2, 3, 4].map((cell) => Math.exp(logMarginalDensity(estimator, 0, (cell + 0.5) / 5)));
    const choiceMass = [0, 1, 2].map((cell) => Math.exp(logMarginalDensity(estimator, 1, (cell + 0.5) / 3)));
    expect(intMass.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(choiceMass.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(Math.max(...intMass)).toBe(Math.max(intMass[2], intMass[3]));
    // Each observation's row is (1/6, 2/3, 1/6) (prior weight 1 spread over 3 values, plus 1 on 'b'), the prior's is
    // uniform, and the three components weigh 1/3 each.
    expect(choiceMass[1]).toBeCloseTo(5 / 9, 12);
    expect(choiceMass[0]).toBeCloseTo(2 / 9, 12);
  });

  it('is a broad prior alone when there are no points', () => {
    const estimator = fitParzen([real], [], [], univariate);
    expect(Math.exp(logDensity(estimator, [0.5]))).toBeGreaterThan(Math.exp(logDensity(estimator, [0])));
    expect(Math.exp(logDensity(estimator, [0]))).toBeGreaterThan(0.5);
  });
});

describe('sampleParzen', () => {
  it('draws points inside the cube, with ints and choices at their cell centres, around the observations', () => {
    const points = [Float64Array.of(0.8, 0.9, 0.1), Float64Array.of(0.82, 0.9, 0.1), Float64Array.of(0.78, 0.9, 0.1)];
    const estimator = fitParzen([real, integer, choice], points, ones(3), { priorWeight: 1, multivariate: true });
    const samples = sampleParzen(estimator, 2000, createRandom(3));
    for (const sample of samples) {
      expect(sample[0]).toBeGreaterThanOrEqual(0);
      expect(sample[0]).toBeLessThanOrEqual(1);
      const cell = sample[1] * 5 - 0.5;
      expect(Math.abs(cell - Math.round(cell))).toBeLessThan(1e-9);
      expect([1 / 6, 0.5, 5 / 6].some((centre) => Math.abs(sample[2] - centre) < 1e-12)).toBe(true);
    }
    const nearObserved = samples.filter((sample) => Math.abs(sample[0] - 0.8) < 0.1).length / samples.length;
    expect(nearObserved).toBeGreaterThan(0.3); // 0.2 under a uniform draw
  });

  it('gives the same draws for the same seed', () => {
    const estimator = fitParzen([real, choice], [Float64Array.of(0.3, 0.5)], ones(1), univariate);
    expect(sampleParzen(estimator, 5, createRandom(9))).toEqual(sampleParzen(estimator, 5, createRandom(9)));
  });
});
