import { describe, expect, it } from 'vitest';
import { quantile, stripDomain, stripRows } from '../../../src/lib/charts/stripLayout';

describe('the strip plot layout', () => {
  it('quantile interpolates between sorted values', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('gives each group its quartiles and counts the values that are not finite apart', () => {
    const [row] = stripRows([{ label: 'grid', values: [0.5, 0.3, 0.4, Infinity], note: 'won 20%' }]);
    expect(row.dots.length).toBe(3);
    expect(row.missing).toBe(1);
    expect(row.quartiles?.median).toBe(0.4);
    expect(row.note).toBe('won 20%');
  });

  it('fans out equal values across the row so that none hides another', () => {
    const [row] = stripRows([{ label: 'random', values: [0.4, 0.4, 0.4, 0.9] }]);
    const offsets = row.dots.filter((dot) => dot.value === 0.4).map((dot) => dot.offset);
    expect(new Set(offsets).size).toBe(3);
    for (const offset of offsets) expect(Math.abs(offset)).toBeLessThanOrEqual(1);
  });

  it('spans the finite values of every group, and widens a single value into a range', () => {
    expect(stripDomain([{ label: 'a', values: [0.2, 0.5] }, { label: 'b', values: [0.1, NaN] }])).toEqual([0.1, 0.5]);
    const [low, high] = stripDomain([{ label: 'a', values: [0.4] }]);
    expect(low).toBeLessThan(0.4);
    expect(high).toBeGreaterThan(0.4);
  });
});
