import { describe, expect, it } from 'vitest';
import { polynomial, polynomialCurve, polynomialNoiseScale } from '../../../src/lib/datasets/polynomial';
import { sine, sineCurve, sineNoiseScale } from '../../../src/lib/datasets/sine';

const generators = [
  { name: 'sine', generate: sine, curve: sineCurve, noiseScale: sineNoiseScale },
  { name: 'polynomial', generate: polynomial, curve: polynomialCurve, noiseScale: polynomialNoiseScale },
];

describe.each(generators)('$name', ({ generate, curve, noiseScale }) => {
  it('gives the requested number of one-feature regression rows with x in [-1, 1]', () => {
    const dataset = generate({ samples: 137, noise: 0.2, seed: 1 });
    expect(dataset.task).toBe('regression');
    expect(dataset.classCount).toBe(0);
    expect(dataset.featureCount).toBe(1);
    expect(dataset.size).toBe(137);
    expect(dataset.targets).toHaveLength(137);
    for (const x of dataset.features) expect(Math.abs(x)).toBeLessThanOrEqual(1);
  });

  it('the same seed gives the same rows', () => {
    expect(generate({ samples: 50, noise: 0.5, seed: 3 }).targets).toEqual(generate({ samples: 50, noise: 0.5, seed: 3 }).targets);
    expect(generate({ samples: 50, noise: 0.5, seed: 3 }).targets).not.toEqual(generate({ samples: 50, noise: 0.5, seed: 4 }).targets);
  });

  it('without noise every target lies on the true curve', () => {
    const dataset = generate({ samples: 100, noise: 0, seed: 2 });
    dataset.features.forEach((x, row) => expect(dataset.targets[row]).toBeCloseTo(curve(x), 5));
  });

  it('the residuals have mean 0 and standard deviation noiseScale × noise', () => {
    const dataset = generate({ samples: 2000, noise: 0.6, seed: 5 });
    const residuals = Array.from(dataset.features, (x, row) => dataset.targets[row] - curve(x));
    const mean = residuals.reduce((sum, value) => sum + value, 0) / residuals.length;
    const std = Math.sqrt(residuals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(std / (noiseScale * 0.6)).toBeGreaterThan(0.93);
    expect(std / (noiseScale * 0.6)).toBeLessThan(1.07);
  });
});

describe('true curves', () => {
  it('sineCurve has two periods on [-1, 1]', () => {
    expect(sineCurve(0.125)).toBeCloseTo(Math.SQRT1_2, 10);
    expect(sineCurve(-0.75)).toBeCloseTo(1, 10);
    expect(sineCurve(0.5)).toBeCloseTo(0, 10);
  });

  it('polynomialCurve evaluates 0.2 − 1.2x − 0.4x² + 1.6x³', () => {
    expect(polynomialCurve(0)).toBeCloseTo(0.2, 10);
    expect(polynomialCurve(1)).toBeCloseTo(0.2, 10);
    expect(polynomialCurve(-1)).toBeCloseTo(-0.6, 10);
    expect(polynomialCurve(0.5)).toBeCloseTo(0.2 - 0.6 - 0.1 + 0.2, 10);
  });
});
