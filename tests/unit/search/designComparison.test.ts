import { describe, expect, it } from 'vitest';
import { compareDesigns, designPoints } from '../../../src/lib/search/designComparison';

const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

describe('the design comparison picture', () => {
  it('gives n points in the unit square for each design, the same for the same seed', () => {
    for (const design of compareDesigns(16, 3)) {
      expect(design.points).toHaveLength(16);
      for (const [x, y] of design.points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThan(1);
      }
    }
    expect(compareDesigns(16, 3)).toEqual(compareDesigns(16, 3));
  });

  it('random and Sobol points are prefixes: more points keep the earlier ones', () => {
    expect(designPoints('sobol', 32, 5).slice(0, 8)).toEqual(designPoints('sobol', 8, 5));
    expect(designPoints('random', 32, 5).slice(0, 8)).toEqual(designPoints('random', 8, 5));
  });

  it('a Latin hypercube has one point in each of the n slices of both axes', () => {
    const points = designPoints('latin-hypercube', 10, 2);
    for (const axis of [0, 1]) expect(new Set(points.map((point) => Math.floor(point[axis] * 10))).size).toBe(10);
  });

  // The claim the panel shows: Sobol' points are more even than random ones at every n the slider offers.
  it('Sobol points have a lower discrepancy than random points in every one of 20 seeds at n = 8 to 256', () => {
    for (const n of [8, 16, 32, 64, 128, 256]) {
      for (const seed of seeds) {
        const [random, , sobol] = compareDesigns(n, seed);
        expect(sobol.discrepancy, `n ${n}, seed ${seed}`).toBeLessThan(random.discrepancy);
      }
    }
  });
});
