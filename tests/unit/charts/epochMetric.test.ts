import { describe, expect, it } from 'vitest';
import { epochMetric } from '../../../src/lib/charts/epochMetric';

describe('epochMetric', () => {
  it('shows accuracy when the records carry it', () => {
    const record = { epoch: 1, trainLoss: 0.5, validationLoss: 0.6, trainAccuracy: 0.8, validationAccuracy: 0.7 };
    const metric = epochMetric([record], 0.69);
    expect(metric?.name).toBe('accuracy');
    expect(metric?.train(record)).toBe(0.8);
    expect(metric?.validation(record)).toBe(0.7);
  });

  it('shows R-squared = 1 − MSE / variance of the targets for regression', () => {
    const record = { epoch: 1, trainLoss: 0.5, validationLoss: 1.5 };
    const metric = epochMetric([record], 2);
    expect(metric?.name).toBe('R²');
    expect(metric?.train(record)).toBe(0.75);
    expect(metric?.validation(record)).toBe(0.25);
  });

  it('shows no metric for regression without a baseline', () => {
    expect(epochMetric([{ epoch: 1, trainLoss: 0.5, validationLoss: 0.6 }])).toBeNull();
    expect(epochMetric([{ epoch: 1, trainLoss: 0.5, validationLoss: 0.6 }], 0)).toBeNull();
  });

  it('shows no metric before the first epoch, when it is not yet known whether there are classes', () => {
    expect(epochMetric([], 0.69)).toBeNull();
  });
});
