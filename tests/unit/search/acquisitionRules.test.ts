import { describe, expect, it } from 'vitest';
import { expectedImprovement, logExpectedImprovement, upperConfidenceBound } from '../../../src/lib/gp/acquisition';
import { acquisitionRules, isAcquisitionName } from '../../../src/lib/search/acquisitionRules';

const context = { best: 0.5, xi: 0.01, kappa: 2 };

describe('the acquisition registry', () => {
  it('knows the four acquisitions and nothing else, not even inherited keys', () => {
    expect(Object.keys(acquisitionRules).sort()).toEqual(['expected-improvement', 'probability-of-improvement', 'thompson-sampling', 'upper-confidence-bound']);
    expect(isAcquisitionName('expected-improvement')).toBe(true);
    expect(isAcquisitionName('toString')).toBe(false);
  });

  it('expected improvement shows EI and ranks by its logarithm', () => {
    const rule = acquisitionRules['expected-improvement'];
    expect(rule.display(0.4, 0.2, context)).toBe(expectedImprovement(0.4, 0.2, 0.5, 0.01));
    expect(rule.rank(0.4, 0.2, context)).toBe(logExpectedImprovement(0.4, 0.2, 0.5, 0.01));
  });

  it('the confidence bound ranks lower bounds higher, since the search minimises', () => {
    const rule = acquisitionRules['upper-confidence-bound'];
    expect(rule.display(0.4, 0.2, context)).toBe(upperConfidenceBound(0.4, 0.2, 2));
    expect(rule.rank(0.3, 0.1, context)).toBeGreaterThan(rule.rank(0.6, 0.1, context));
  });

  it('Thompson sampling ranks by a joint sample and is shown as expected improvement', () => {
    const rule = acquisitionRules['thompson-sampling'];
    expect(rule.jointSample).toBe(true);
    expect(rule.display(0.4, 0.2, context)).toBe(expectedImprovement(0.4, 0.2, 0.5, 0.01));
  });
});
