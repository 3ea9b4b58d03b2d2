import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatTicks, formatValue, integerTicks } from '../../../src/lib/core/formatNumber';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [64, '64'],
    [-3, '-3'],
    [200, '200'],
    [123456, '123456'],
    [0.006, '0.006'],
    [0.31234, '0.312'],
    [0.5, '0.5'],
    [-0.25, '-0.25'],
    [1234.56, '1230'],
    [0.001, '0.001'],
    [1e-4, '1e-4'],
    [0.00025, '2.5e-4'],
    [3.14159e-7, '3.14e-7'],
    [3e7, '3e7'],
    [12345678, '1.23e7'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('writes %s as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('never writes an integer below a million with a point or an exponent', () => {
    fc.assert(fc.property(fc.integer({ min: -999_999, max: 999_999 }), (value) => formatNumber(value) === String(value)));
  });

  it('never writes "e+" and reads back within the requested precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        const text = formatNumber(value);
        expect(text).not.toContain('e+');
        const back = Number(text);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-3 + 1e-300);
      }),
    );
  });

  it('honours a larger number of significant digits', () => {
    expect(formatNumber(0.123456, 5)).toBe('0.12346');
    expect(formatNumber(2.5e-5, 1)).toBe('3e-5');
  });
});

describe('formatValue', () => {
  it('formats numbers and passes words and booleans through', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue('relu')).toBe('relu');
    expect(formatValue(true)).toBe('true');
  });
});

describe('formatTicks', () => {
  it('adds digits until neighbouring ticks differ', () => {
    expect(formatTicks([0.1001, 0.1002, 0.1003])).toEqual(['0.1001', '0.1002', '0.1003']);
    expect(formatTicks([0, 0.5, 1])).toEqual(['0', '0.5', '1']);
  });
});

describe('integerTicks', () => {
  it('keeps only whole numbers for counts', () => {
    expect(integerTicks([1, 1.5, 2, 2.5, 3])).toEqual([1, 2, 3]);
  });
  it('keeps the ticks when none is whole', () => {
    expect(integerTicks([0.5, 1.5])).toEqual([0.5, 1.5]);
  });
});
