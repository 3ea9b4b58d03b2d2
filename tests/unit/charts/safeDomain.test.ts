import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { isFinitePoint, largestDomainEnd, safeLinearDomain } from '../../../src/lib/charts/safeDomain';

describe('safeDomain', () => {
  it('safeLinearDomain keeps ordinary extents as they are and falls back when nothing is finite', () => {
    expect(safeLinearDomain([3, -2, Number.NaN, 7])).toEqual([-2, 7]);
    expect(safeLinearDomain([Number.POSITIVE_INFINITY])).toEqual([0, 1]);
  });

  it('safeLinearDomain pulls ±1e308 in so a niced, clamped scale maps every finite value to a finite pixel', () => {
    const domain = safeLinearDomain([1e308, -1e308, Number.MAX_VALUE]);
    expect(domain).toEqual([-largestDomainEnd, largestDomainEnd]);
    const y = scaleLinear().domain(domain).nice().range([200, 0]).clamp(true);
    for (const value of [1e308, -1e308, Number.MAX_VALUE, 0, 1]) expect(Number.isFinite(y(value))).toBe(true);
    expect(y(1e308)).toBe(0);
    expect(y(-1e308)).toBe(200);
  });

  it('isFinitePoint refuses a point with a NaN or infinite coordinate', () => {
    expect(isFinitePoint([1, 2])).toBe(true);
    expect(isFinitePoint([Number.NaN, 2])).toBe(false);
    expect(isFinitePoint([1, Number.NEGATIVE_INFINITY])).toBe(false);
  });
});
