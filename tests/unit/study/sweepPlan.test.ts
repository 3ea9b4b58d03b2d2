import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { parseValueList, sizeFractions, sizeSweepPlan, trainingSubset, validationSweepPlan } from '../../../src/lib/study/sweepPlan';

const rows = Array.from({ length: 50 }, (_, index) => index * 2);

describe('sweepPlan', () => {
  it('sizeFractions(5) spaces five fractions evenly from 10% to 100%', () => {
    const fractions = sizeFractions(5);
    expect(fractions).toHaveLength(5);
    expect(fractions[0]).toBeCloseTo(0.1);
    expect(fractions[2]).toBeCloseTo(0.55);
    expect(fractions[4]).toBe(1);
    expect(() => sizeFractions(1)).toThrow(/at least 2 sizes/);
  });

  it('trainingSubset draws distinct rows of the split, ascending, the same for the same seed', () => {
    const subset = trainingSubset(rows, 10, 3);
    expect(subset).toHaveLength(10);
    expect(new Set(subset).size).toBe(10);
    expect(subset.every((row) => rows.includes(row))).toBe(true);
    expect([...subset].sort((a, b) => a - b)).toEqual(subset);
    expect(trainingSubset(rows, 10, 3)).toEqual(subset);
    expect(trainingSubset(rows, 10, 4)).not.toEqual(subset);
  });

  it('trainingSubset of one seed is nested: a larger size only adds rows', () => {
    const small = trainingSubset(rows, 5, 9);
    const large = trainingSubset(rows, 20, 9);
    expect(small.every((row) => large.includes(row))).toBe(true);
  });

  it('sizeSweepPlan trains every size with every seed, the largest on the whole split', () => {
    const plan = sizeSweepPlan(rows, defaultModelSettings, { fractions: sizeFractions(3), seeds: [1, 2] });
    expect(plan.map((run) => [run.x, run.seed])).toEqual([[5, 1], [5, 2], [28, 1], [28, 2], [50, 1], [50, 2]]);
    expect(plan.every((run) => run.trainIndices.length === run.x)).toBe(true);
    expect(plan.at(-1)?.trainIndices).toEqual(rows);
  });

  it('sizeSweepPlan never trains on fewer rows than the minimum, and merges sizes that round alike', () => {
    const plan = sizeSweepPlan(rows.slice(0, 10), defaultModelSettings, { fractions: [0.1, 0.2, 1], seeds: [1] });
    expect(plan.map((run) => run.x)).toEqual([4, 10]);
  });

  it('validationSweepPlan sets the swept setting to each value (sorted, once each) and leaves the rest', () => {
    const plan = validationSweepPlan(rows, defaultModelSettings, { setting: 'units', values: [8, 2, 8], seeds: [1, 2] });
    expect(plan.map((run) => [run.x, run.settings.units, run.seed])).toEqual([[2, 2, 1], [2, 2, 2], [8, 8, 1], [8, 8, 2]]);
    expect(plan[0].settings.learningRate).toBe(defaultModelSettings.learningRate);
    expect(plan[0].trainIndices).toEqual(rows);
  });

  it('validationSweepPlan refuses an unknown setting and a single value', () => {
    expect(() => validationSweepPlan(rows, defaultModelSettings, { setting: 'colour' as 'units', values: [1, 2], seeds: [1] })).toThrow(/invalid setting to sweep: colour/);
    expect(() => validationSweepPlan(rows, defaultModelSettings, { setting: 'units', values: [4, 4], seeds: [1] })).toThrow(/at least 2 different values/);
  });

  it('parseValueList reads numbers separated by commas or spaces and names the first that is not one', () => {
    expect(parseValueList('2, 8  32;1e-3')).toEqual([2, 8, 32, 0.001]);
    expect(() => parseValueList('2, eight')).toThrow(/"eight" is not a number/);
  });
});
