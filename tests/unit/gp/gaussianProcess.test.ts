import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { fitGaussianProcess } from '../../../src/lib/gp/fitGaussianProcess';

const matern = (r: number) => (1 + Math.sqrt(5) * r + (5 * r * r) / 3) * Math.exp(-Math.sqrt(5) * r);

function sample(seed: number, n: number, d: number, f: (x: number[]) => number) {
  const random = createRandom(seed);
  const points = Array.from({ length: n }, () => Array.from({ length: d }, () => random.next()));
  return { points, values: points.map(f), random };
}

const smooth = (x: number[]) => Math.sin(5 * x[0]) + x[1] * x[1];

describe('fitGaussianProcess', () => {
  it('interpolates noise-free observations: mean equals the value and std is near zero there', () => {
    const { points, values, random } = sample(1, 15, 2, smooth);
    const model = fitGaussianProcess(points, values, { random });
    points.forEach((point, i) => {
      const { mean, std } = model.predict(point);
      expect(mean).toBeCloseTo(values[i], 3);
      expect(std).toBeLessThan(1e-2);
    });
  });

  it('matches the hand-computed posterior of two points with fixed hyperparameters', () => {
    // Values 1 and 3 standardise to −1 and 1; K = [[1, ρ], [ρ, 1]] with ρ = k(1), so
    // mean(x) = 2 + (k(1 − x) − k(x))/(1 − ρ) and var(x) = 1 − (k0² − 2ρ·k0·k1 + k1²)/(1 − ρ²).
    const model = fitGaussianProcess([[0], [1]], [1, 3], {
      hyperparameters: { lengthScales: new Float64Array([1]), signalVariance: 1, noiseVariance: 1e-12 },
    });
    const rho = matern(1);
    for (const x of [0.25, 0.5, 1.7]) {
      const k0 = matern(Math.abs(x));
      const k1 = matern(Math.abs(1 - x));
      const variance = 1 - (k0 * k0 - 2 * rho * k0 * k1 + k1 * k1) / (1 - rho * rho);
      const { mean, std } = model.predict([x]);
      expect(mean).toBeCloseTo(2 + (k1 - k0) / (1 - rho), 8);
      expect(std).toBeCloseTo(Math.sqrt(variance), 6);
    }
  });

  it('survives near-duplicate points without NaN, thanks to jitter', () => {
    const points = [[0.2, 0.2], [0.2, 0.2 + 1e-13], [0.2 + 1e-14, 0.2], [0.7, 0.1], [0.4, 0.9]];
    const values = [1, 1.0000001, 0.9999999, 3, 2];
    const model = fitGaussianProcess(points, values, { random: createRandom(2) });
    const fixed = fitGaussianProcess(points, values, {
      hyperparameters: { lengthScales: new Float64Array([0.5, 0.5]), signalVariance: 1, noiseVariance: 0 },
    });
    for (const gp of [model, fixed]) {
      for (const point of [[0.2, 0.2], [0.5, 0.5], [0.9, 0.9]]) {
        const { mean, std } = gp.predict(point);
        expect(Number.isFinite(mean)).toBe(true);
        expect(Number.isFinite(std)).toBe(true);
      }
      expect(gp.predict([0.2, 0.2]).mean).toBeCloseTo(1, 3);
    }
  });

  it('maximises the likelihood: the fit beats fixed default hyperparameters and learns a long length scale for an ignored input', () => {
    const { points, values, random } = sample(3, 25, 3, smooth);
    const model = fitGaussianProcess(points, values, { random });
    const fixed = fitGaussianProcess(points, values, {
      hyperparameters: { lengthScales: new Float64Array([0.5, 0.5, 0.5]), signalVariance: 1, noiseVariance: 1e-4 },
    });
    expect(model.logMarginalLikelihood).toBeGreaterThan(fixed.logMarginalLikelihood);
    const [first, , third] = model.hyperparameters.lengthScales;
    expect(third).toBeGreaterThan(3 * first);
  });

  it('predicts held-out points of a smooth function closely', () => {
    const { points, values, random } = sample(4, 30, 2, smooth);
    const model = fitGaussianProcess(points, values, { random });
    const test = sample(5, 20, 2, smooth);
    const errors = test.points.map((point, i) => Math.abs(model.predict(point).mean - test.values[i]));
    expect(Math.max(...errors)).toBeLessThan(0.1);
  });

  it('withObservation conditions on one more point like a full refit with the same hyperparameters', () => {
    const { points, values, random } = sample(6, 10, 2, smooth);
    const model = fitGaussianProcess(points, values, { random });
    const extended = model.withObservation([0.5, 0.5], 0.7);
    expect(extended.count).toBe(11);
    expect(extended.predict([0.5, 0.5]).mean).toBeCloseTo(0.7, 3);
    expect(extended.predict([0.5, 0.5]).std).toBeLessThan(model.predict([0.5, 0.5]).std);
  });

  it('extend conditions on more points exactly like a full factorisation with the same hyperparameters', () => {
    const { points, values, random } = sample(8, 20, 3, smooth);
    const model = fitGaussianProcess(points.slice(0, 14), values.slice(0, 14), { random });
    const added = Float64Array.from(points.slice(14).flat());
    const extended = model.extend(added, values);
    const reference = fitGaussianProcess(points, values, { hyperparameters: model.hyperparameters });
    expect(extended.count).toBe(20);
    expect(extended.outputMean).toBeCloseTo(reference.outputMean, 12);
    expect(extended.logMarginalLikelihood).toBeCloseTo(reference.logMarginalLikelihood, 6);
    for (const query of [[0.1, 0.2, 0.3], [0.9, 0.5, 0.4], points[17]]) {
      expect(extended.predict(query).mean).toBeCloseTo(reference.predict(query).mean, 8);
      expect(extended.predict(query).std).toBeCloseTo(reference.predict(query).std, 8);
    }
  });

  it('extend survives a new point that repeats an old one', () => {
    const { points, values, random } = sample(9, 8, 2, smooth);
    const model = fitGaussianProcess(points, values, { random });
    const extended = model.extend(Float64Array.from(points[3]), [...values, values[3]]);
    expect(Number.isFinite(extended.predict([0.5, 0.5]).mean)).toBe(true);
    expect(extended.predict(points[3]).mean).toBeCloseTo(values[3], 2);
  });

  it('predictMany gives the same means and standard deviations as predict, point by point', () => {
    const { points, values, random } = sample(10, 25, 3, smooth);
    const model = fitGaussianProcess(points, values, { random });
    const queries = sample(11, 40, 3, smooth).points;
    const means = new Float64Array(40);
    const stds = new Float64Array(40);
    model.predictMany(Float64Array.from(queries.flat()), 40, means, stds);
    queries.forEach((query, a) => {
      const prediction = model.predict(query);
      expect(means[a]).toBeCloseTo(prediction.mean, 10);
      expect(stds[a]).toBeCloseTo(prediction.std, 10);
    });
  });

  it('posteriorCovariance has the predicted variances on its diagonal', () => {
    const { points, values, random } = sample(7, 10, 2, smooth);
    const model = fitGaussianProcess(points, values, { random });
    const queries = new Float64Array([0.1, 0.2, 0.8, 0.3]);
    const { mean, covariance } = model.posteriorCovariance(queries, 2);
    for (let a = 0; a < 2; a++) {
      const prediction = model.predict(queries.subarray(a * 2, a * 2 + 2));
      expect(mean[a]).toBeCloseTo(prediction.mean, 10);
      expect(covariance[a * 2 + a]).toBeCloseTo(prediction.std ** 2, 8);
    }
  });

  it('rejects non-finite values and mismatched shapes', () => {
    expect(() => fitGaussianProcess([[0], [1]], [0, NaN])).toThrow('values must be finite numbers');
    expect(() => fitGaussianProcess(new Float64Array([0, 1, 2]), [0, 1])).toThrow('points and values disagree');
  });
});
