import { describe, expect, it } from 'vitest';
import { centredDiscrepancy } from '../../../src/lib/search/discrepancy';

describe('centredDiscrepancy', () => {
  it("matches scipy.stats.qmc.discrepancy's documented example (a 6-point Latin square)", () => {
    const points = [[1, 3], [2, 6], [3, 2], [4, 5], [5, 1], [6, 4]].map((point) => point.map((value) => (value - 0.5) / 6));
    expect(centredDiscrepancy(points)).toBeCloseTo(0.008142039609053464, 15);
  });

  it('is lower for an even grid than for the same number of points piled in a corner', () => {
    const grid = Array.from({ length: 16 }, (_, i) => [((i % 4) + 0.5) / 4, (Math.floor(i / 4) + 0.5) / 4]);
    const corner = grid.map(([x, y]) => [x / 4, y / 4]);
    expect(centredDiscrepancy(grid)).toBeLessThan(centredDiscrepancy(corner) / 10);
  });

  it('does not change when an axis is reflected about 1/2', () => {
    const points = [[0.1, 0.7], [0.4, 0.2], [0.9, 0.95]];
    const reflected = points.map(([x, y]) => [1 - x, y]);
    expect(centredDiscrepancy(reflected)).toBeCloseTo(centredDiscrepancy(points), 14);
  });

  it('throws on an empty set of points', () => {
    expect(() => centredDiscrepancy([])).toThrow('invalid points: none');
  });
});
