import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../src/lib/core/groupDigits';

describe('groupDigits', () => {
  it('writes whole numbers as toLocaleString("en") does, with commas between groups of three digits', () => {
    for (const value of [0, 7, 999, 1000, 12_345, 123_456, 1_234_567, -1_234_567, 999.6, 20_903_780, 1e20]) {
      expect(groupDigits(value)).toBe(Math.round(value).toLocaleString('en'));
    }
  });

  it('leaves non-finite values as text', () => {
    expect(groupDigits(Infinity)).toBe('Infinity');
    expect(groupDigits(NaN)).toBe('NaN');
  });
});
