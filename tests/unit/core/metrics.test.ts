import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, predictedClasses, rootMeanSquaredError, rSquared } from '../../../src/lib/core/metrics';

describe('metrics', () => {
  it('predictedClasses(outputs, outputSize) takes the largest output of each row', () => {
    expect(predictedClasses([0.1, 0.7, 0.2, 0.5, 0.3, 0.2], 3)).toEqual([1, 0]);
  });

  it('confusionMatrix counts true classes by row and predictions by column', () => {
    expect(confusionMatrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it('accuracy is the share of rows predicted right', () => {
    expect(accuracy([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.75);
  });

  it('rootMeanSquaredError is the square root of the mean squared miss', () => {
    expect(rootMeanSquaredError([1, 2, 3, 4], [1, 2, 3, 6])).toBeCloseTo(1, 12);
  });

  it('rSquared is 1 for a perfect fit, 0 for the mean and negative for worse (golden values by hand)', () => {
    const actual = [1, 2, 3, 4];
    expect(rSquared(actual, actual)).toBe(1);
    expect(rSquared(actual, [2.5, 2.5, 2.5, 2.5])).toBe(0);
    // SS_res = 4, SS_tot = 5: 1 − 4/5.
    expect(rSquared(actual, [1, 2, 3, 6])).toBeCloseTo(0.2, 12);
    expect(rSquared(actual, [4, 3, 2, 1])).toBeLessThan(0);
    expect(rSquared([2, 2], [2, 2])).toBeNaN();
  });
});
