import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from '../../../src/lib/analysis/pareto';

describe('paretoFront', () => {
  it('keeps the trials no other beats on both objective and cost, cheapest first', () => {
    const points = [
      { value: 0.5, cost: 10 }, // 0: front (cheapest)
      { value: 0.3, cost: 20 }, // 1: front
      { value: 0.4, cost: 25 }, // 2: dominated by 1
      { value: 0.1, cost: 40 }, // 3: front
      { value: 0.2, cost: 50 }, // 4: dominated by 3
      { value: 0.6, cost: 5 }, //  5: front (cheaper than all)
    ];
    expect(paretoFront(points)).toEqual([5, 0, 1, 3]);
  });

  it('keeps both of two identical trials, but not a trial matched on one and worse on the other', () => {
    const points = [
      { value: 0.3, cost: 20 },
      { value: 0.3, cost: 20 }, // identical: neither dominates
      { value: 0.3, cost: 30 }, // same value, dearer: dominated
      { value: 0.4, cost: 20 }, // same cost, worse: dominated
      { value: 0.1, cost: 30 },
    ];
    expect(paretoFront(points)).toEqual([0, 1, 4]);
  });

  it('leaves out diverged or unmeasured trials and handles no trials', () => {
    const points = [
      { value: Number.NaN, cost: 1 },
      { value: Infinity, cost: 2 },
      { value: 0.2, cost: Number.NaN },
      { value: 0.5, cost: 9 },
    ];
    expect(paretoFront(points)).toEqual([3]);
    expect(paretoFront([])).toEqual([]);
  });

  it('agrees with the definition: no front point is dominated, every other point is', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ value: ((i * 37) % 11) / 10, cost: ((i * 53) % 13) + 1 }));
    const front = new Set(paretoFront(points));
    points.forEach((point, index) => {
      const dominated = points.some((other) => dominates(other, point));
      expect(front.has(index)).toBe(!dominated);
    });
  });
});
