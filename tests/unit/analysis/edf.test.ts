import { describe, expect, it } from 'vitest';
import { empiricalDistribution, groupedDistributions, shareAtOrBelow } from '../../../src/lib/analysis/edf';

describe('empiricalDistribution', () => {
  it('gives the share of trials at or below each distinct value, ascending', () => {
    expect(empiricalDistribution([0.4, 0.1, 0.4, 0.2])).toEqual([
      { value: 0.1, share: 0.25 },
      { value: 0.2, share: 0.5 },
      { value: 0.4, share: 1 },
    ]);
  });

  it('counts diverged trials in the total, so the curve stops below 1', () => {
    expect(empiricalDistribution([0.1, Infinity, 0.3, Number.NaN])).toEqual([
      { value: 0.1, share: 0.25 },
      { value: 0.3, share: 0.5 },
    ]);
    expect(empiricalDistribution([])).toEqual([]);
  });

  it('answers the share at or below any threshold', () => {
    expect(shareAtOrBelow([0.1, 0.2, 0.3, Infinity], 0.2)).toBe(0.5);
    expect(shareAtOrBelow([], 1)).toBe(0);
  });
});

describe('groupedDistributions', () => {
  it('builds one distribution per strategy, in order of first appearance', () => {
    const trials = [
      { strategy: 'random', value: 0.5 },
      { strategy: 'bayesian', value: 0.2 },
      { strategy: 'random', value: 0.3 },
    ];
    expect(groupedDistributions(trials, (trial) => trial.strategy, (trial) => trial.value)).toEqual([
      { group: 'random', count: 2, steps: [{ value: 0.3, share: 0.5 }, { value: 0.5, share: 1 }] },
      { group: 'bayesian', count: 1, steps: [{ value: 0.2, share: 1 }] },
    ]);
  });
});
