import { describe, expect, it } from 'vitest';
import { objectiveRamp } from '../../../src/lib/charts/chartLegends';
import { objectiveDomain, objectiveScale, pooledObjectiveDomain } from '../../../src/lib/charts/objectiveScale';
import type { Trial } from '../../../src/lib/core/trial';

const trial = (id: number, value: number | null): Trial => ({ id, params: {}, state: value === null ? 'running' : 'complete', value, epochs: [] }) as unknown as Trial;
const lane = (values: (number | null)[]) => values.map((value, index) => trial(index + 1, value));

describe('pooledObjectiveDomain', () => {
  const first = lane([0.694, 0.71, 0.72, 0.745]);
  const second = lane([0.724, 0.74, 0.76, 0.782, null]);

  it('spans the lowest value and the 90th percentile of all the lanes together', () => {
    const pooled = pooledObjectiveDomain([first, second]);
    expect(pooled).toEqual(objectiveDomain([...first, ...second]));
    expect(pooled?.[0]).toBe(0.694);
    expect(pooled?.[1]).toBeGreaterThan(0.76);
  });
  it('gives one value one colour in every lane, where each lane\'s own scale gives two', () => {
    const pooled = pooledObjectiveDomain([first, second]);
    expect(objectiveScale(first)(0.73)).not.toBe(objectiveScale(second)(0.73));
    expect(objectiveScale(first, pooled)(0.73)).toBe(objectiveScale(second, pooled)(0.73));
  });
  it('gives every lane\'s legend the same range', () => {
    const pooled = pooledObjectiveDomain([first, second]);
    const range = (trials: readonly Trial[], domain?: [number, number] | null) => objectiveRamp(trials, domain).map((item) => (item.kind === 'ramp' ? `${item.low}–${item.high}` : ''));
    expect(range(first, pooled)).toEqual(range(second, pooled));
    // Eight values pooled: the 90th percentile lies 0.3 of the way from 0.76 to 0.782, 0.7666.
    expect(range(first, pooled)).toEqual(['0.694–≥ 0.767']);
    expect(range(first)).not.toEqual(range(second));
  });
  it('is null when no lane has a value yet, and ignores lanes without one', () => {
    expect(pooledObjectiveDomain([lane([null]), []])).toBeNull();
    expect(pooledObjectiveDomain([lane([null]), first])).toEqual(objectiveDomain(first));
  });
});
