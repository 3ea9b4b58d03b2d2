import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { isFinitePoint, largestDomainEnd, safeLinearDomain, widenedDomain } from '../../../src/lib/charts/safeDomain';

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

  it('widenedDomain keeps a domain with width and spreads a single value 5% either side (±1 around 0)', () => {
    expect(widenedDomain([0.2, 0.9])).toEqual([0.2, 0.9]);
    const [low, high] = widenedDomain([0.698207, 0.698207]);
    expect(low).toBeCloseTo(0.663297, 6);
    expect(high).toBeCloseTo(0.733117, 6);
    expect(widenedDomain([0, 0])).toEqual([-1, 1]);
    expect(widenedDomain([-4, -4])).toEqual([-4.2, -3.8]);
    expect(scaleLinear().domain(widenedDomain([0.698207, 0.698207])).nice().ticks(5).length).toBeGreaterThan(2);
  });

  it('isFinitePoint refuses a point with a NaN or infinite coordinate', () => {
    expect(isFinitePoint([1, 2])).toBe(true);
    expect(isFinitePoint([Number.NaN, 2])).toBe(false);
    expect(isFinitePoint([1, Number.NEGATIVE_INFINITY])).toBe(false);
  });
});
