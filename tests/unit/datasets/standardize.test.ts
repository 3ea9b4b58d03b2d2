import { describe, expect, it } from 'vitest';
import { fitStandardizer, standardize, unstandardize } from '../../../src/lib/datasets/standardize';

describe('standardize', () => {
  it('fitStandardizer gives each column its mean and population standard deviation', () => {
    // Columns: [1, 2, 3, 4] (mean 2.5, std √1.25) and [10, 10, 10, 10] (constant).
    const standardizer = fitStandardizer([1, 10, 2, 10, 3, 10, 4, 10], 2);
    expect(standardizer.means).toEqual([2.5, 10]);
    expect(standardizer.stds[0]).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(standardizer.stds[1]).toBe(1);
  });

  it('standardized columns have mean 0 and standard deviation 1, and a constant column becomes 0', () => {
    const raw = [1, 10, 2, 10, 3, 10, 4, 10];
    const scores = standardize(raw, fitStandardizer(raw, 2));
    const first = [scores[0], scores[2], scores[4], scores[6]];
    expect(first.reduce((sum, value) => sum + value, 0)).toBeCloseTo(0, 6);
    expect(first.reduce((sum, value) => sum + value * value, 0) / 4).toBeCloseTo(1, 6);
    expect([scores[1], scores[3], scores[5], scores[7]]).toEqual([0, 0, 0, 0]);
  });

  it('unstandardize undoes standardize', () => {
    const raw = [5.1, 3.5, 4.9, 3.0, 6.7, 3.1];
    const standardizer = fitStandardizer(raw, 2);
    Array.from(unstandardize(standardize(raw, standardizer), standardizer)).forEach((value, index) => {
      expect(value).toBeCloseTo(raw[index], 5);
    });
  });
});
