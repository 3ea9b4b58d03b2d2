import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/lib/core/diagnose';
import { appendAll, finiteExtent, maxOf, minOf } from '../../../src/lib/core/extent';
import { createRandom } from '../../../src/lib/core/random';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { splitDataset } from '../../../src/lib/datasets/split';
import { spread } from '../../../src/lib/analysis/scoreBands';

/** A million values: far past the ~120,000 arguments a spread call may pass in Chromium (and the ~125,000 in Node). */
const million = 1_000_000;

function millionValues(): Float64Array {
  const random = createRandom(15);
  const values = new Float64Array(million);
  for (let i = 0; i < million; i++) values[i] = random.uniform(-1, 1);
  values[123_456] = -5;
  values[987_654] = 7;
  return values;
}

describe('extent', () => {
  it('minOf and maxOf take a million values and agree with Math.min and Math.max on short lists', () => {
    const values = millionValues();
    expect(minOf(values)).toBe(-5);
    expect(maxOf(values)).toBe(7);
    expect(() => Math.min(...values)).toThrow(RangeError);
    for (const list of [[3, 1, 2], [-0.5], [], [1, Number.NaN, 2], [Number.NEGATIVE_INFINITY, 4]]) {
      expect(minOf(list)).toBe(Math.min(...list));
      expect(maxOf(list)).toBe(Math.max(...list));
    }
  });

  it('finiteExtent skips NaN and infinities, takes a million values, and falls back when none is finite', () => {
    const values = Array.from(millionValues());
    values.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
    expect(finiteExtent(values)).toEqual([-5, 7]);
    expect(finiteExtent([Number.NaN, Number.POSITIVE_INFINITY])).toEqual([0, 1]);
    expect(finiteExtent([], [2, 3])).toEqual([2, 3]);
    expect(finiteExtent([4])).toEqual([4, 4]);
  });

  it('appendAll appends a million items in order, where push(...items) overflows the stack', () => {
    const items = Array.from({ length: million }, (_, index) => index);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target).toHaveLength(million + 1);
    expect(target[million]).toBe(million - 1);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
  });
});

describe('summaries over a million values', () => {
  it('spread of score bands gives the mean, min and max of a million values', () => {
    const summary = spread(Array.from(millionValues()));
    expect(summary.min).toBe(-5);
    expect(summary.max).toBe(7);
    expect(Math.abs(summary.mean)).toBeLessThan(0.01);
  });

  it('splitDataset splits a million rows into disjoint parts that cover them all', () => {
    const split = splitDataset({ size: million, targets: new Float32Array(million), classCount: 0 }, { train: 0.6, validation: 0.2, test: 0.2 }, 3);
    expect(split.train.length + split.validation.length + split.test.length).toBe(million);
    expect(split.validation.length).toBe(200_000);
  });

  it('diagnose reads a million epochs of a falling loss', () => {
    const epochs: EpochRecord[] = Array.from({ length: million }, (_, index) => ({
      epoch: index + 1,
      trainLoss: 1 / (index + 1),
      validationLoss: 1.05 / (index + 1),
    }));
    expect(() => diagnose(epochs)).not.toThrow();
  });
});
