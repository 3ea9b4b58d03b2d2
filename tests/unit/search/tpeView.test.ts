import { describe, expect, it } from 'vitest';
import type { Dimension, Params } from '../../../src/lib/core/space';
import { computeTpeSlice } from '../../../src/lib/search';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 1, high: 8 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
];
// Best near learningRate 1e-2 (unit 0.5), more units better, tanh better.
const objective = (params: Params) =>
  (Math.log10(params.learningRate as number) + 2) ** 2 + (8 - (params.units as number)) * 0.05 + (params.activation === 'tanh' ? 0 : 0.3);
const observations = Array.from({ length: 40 }, (_, i) => {
  const params: Params = { learningRate: 10 ** (-4 + ((i * 7) % 40) / 10), units: 1 + ((i * 3) % 8), activation: i % 3 === 0 ? 'tanh' : 'relu' };
  return { params, value: objective(params) };
});

describe('computeTpeSlice', () => {
  it('peaks the ratio l/g where the good results are along a log dimension', () => {
    const slice = computeTpeSlice(space, observations, 'learningRate');
    expect(slice.unit).toHaveLength(101);
    slice.ratio.forEach((ratio, i) => expect(ratio).toBeCloseTo(slice.good[i] / slice.bad[i], 12));
    const peak = slice.unit[slice.ratio.indexOf(Math.max(...slice.ratio))];
    expect(Math.abs(peak - 0.5)).toBeLessThan(0.1);
    expect(slice.values[50]).toBeCloseTo(1e-2, 12);
  });

  it('has one grid point per cell for int and choice dimensions, with cell probabilities summing to 1', () => {
    const units = computeTpeSlice(space, observations, 'units', { multivariate: false });
    expect(units.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(units.good.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(units.bad.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    const activation = computeTpeSlice(space, observations, 'activation');
    expect(activation.values).toEqual(['relu', 'tanh']);
    expect(activation.ratio[1]).toBeGreaterThan(activation.ratio[0]);
  });

  it('reports the split: the best ceil(0.1 n) results are good, the threshold is the worst of them', () => {
    const slice = computeTpeSlice(space, observations, 'units');
    const sorted = observations.map((observation) => observation.value).sort((a, b) => a - b);
    expect(slice.goodCount).toBe(4);
    expect(slice.threshold).toBe(sorted[3]);
  });

  it('shows the flat prior before any result and throws on an unknown dimension', () => {
    const slice = computeTpeSlice(space, [], 'learningRate', { points: 11 });
    expect(slice.goodCount).toBe(0);
    slice.ratio.forEach((ratio) => expect(ratio).toBeCloseTo(1, 12));
    expect(() => computeTpeSlice(space, [], 'momentum')).toThrow('invalid dimension: momentum');
  });
});
