import { describe, expect, it } from 'vitest';
import { none } from '../../../../src/lib/search/schedules/none';
import { runSequentially } from './runTrials';

describe('none', () => {
  it('lets every finite curve train for maxEpochs, however poor', () => {
    expect(runSequentially(none({ maxEpochs: 5 }), [[1, 1, 1, 1, 1], [9, 9, 9, 9, 9], [0.1, 0.1, 0.1, 0.1, 0.1]])).toEqual([5, 5, 5]);
  });

  it('stops a trial whose value is NaN or infinite', () => {
    expect(runSequentially(none({ maxEpochs: 5 }), [[1, NaN, 1, 1, 1], [1, 1, 1, Infinity, 1]])).toEqual([2, 4]);
  });

  it('gives every trial all its epochs at once', () => {
    expect(none({ maxEpochs: 7 }).budgetForNextTrial(1)).toEqual({ maxEpochs: 7, initialEpochs: 7, decisionEpochs: [], bracket: 0 });
  });
});
