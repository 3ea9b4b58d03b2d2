import { describe, expect, it } from 'vitest';
import { sliceAnchor } from '../../../src/lib/analysis/sliceAnchor';
import type { Dimension } from '../../../src/lib/core/space';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 0.01, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 32 },
];

describe('where a slice of the search space is cut', () => {
  it('holds every dimension at the best trial\'s value', () => {
    expect(sliceAnchor(space, { params: { learningRate: 0.3, units: 8 } })).toEqual({ learningRate: 0.3, units: 8 });
  });

  it('holds every dimension at the middle of its range before there is a best trial', () => {
    const anchor = sliceAnchor(space, null);
    expect(anchor.learningRate).toBeCloseTo(0.1, 12);
    expect(anchor.units).toBeGreaterThanOrEqual(16);
    expect(anchor.units).toBeLessThanOrEqual(18);
  });
});
