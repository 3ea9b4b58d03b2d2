import { describe, expect, it } from 'vitest';
import { minimizeBounded } from '../../../src/lib/gp/minimizeBounded';

// Rosenbrock's valley, minimum 0 at (1, 1).
const rosenbrock = (x: Float64Array) => ({
  value: (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2,
  gradient: new Float64Array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)]),
});

describe('minimizeBounded', () => {
  it('finds the minimum of Rosenbrock inside a box', () => {
    const result = minimizeBounded(rosenbrock, new Float64Array([-1.2, 1]), new Float64Array([-2, -2]), new Float64Array([2, 2]), {
      maxIterations: 200,
    });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('stops on the bound when the minimum lies outside the box', () => {
    const result = minimizeBounded(rosenbrock, new Float64Array([0, 0]), new Float64Array([-2, -2]), new Float64Array([0.5, 2]), {
      maxIterations: 200,
    });
    expect(result.x[0]).toBe(0.5);
    expect(result.x[1]).toBeCloseTo(0.25, 3);
  });
});
