import { describe, expect, it } from 'vitest';
import {
  activeAtUnit,
  activeDimensions,
  featuresFromUnit,
  fromUnit,
  inactiveFeature,
  isActive,
  paramsKey,
  spaceSize,
  toUnit,
  validateSpace,
  type Dimension,
} from '../../../src/lib/core/space';

const space: Dimension[] = [
  { name: 'layers', type: 'int', low: 1, high: 3 },
  { name: 'units3', type: 'int', low: 2, high: 5, when: { dimension: 'layers', atLeast: 3 } },
  { name: 'optimizer', type: 'choice', values: ['sgd', 'momentum', 'adam'] },
  { name: 'momentum', type: 'real', low: 0, high: 0.99, when: { dimension: 'optimizer', in: ['momentum'] } },
  { name: 'beta1', type: 'choice', values: [0.8, 0.9], when: { dimension: 'optimizer', in: ['adam'] } },
];

describe('conditional dimensions', () => {
  it('a dimension is active only while its condition holds', () => {
    expect(isActive(space[1], { layers: 2 })).toBe(false);
    expect(isActive(space[1], { layers: 3 })).toBe(true);
    expect(isActive(space[3], { optimizer: 'adam' })).toBe(false);
    expect(isActive(space[3], { optimizer: 'momentum' })).toBe(true);
    expect(activeDimensions(space, { layers: 3, optimizer: 'sgd' }).map((dimension) => dimension.name)).toEqual(['layers', 'units3', 'optimizer']);
  });

  it('fromUnit leaves inactive dimensions out and toUnit reads them back as a placeholder', () => {
    const params = fromUnit(space, [0.1, 0.9, 0.5, 0.7, 0.1]);
    expect(params).toEqual({ layers: 1, optimizer: 'momentum', momentum: expect.closeTo(0.693, 3) });
    const unit = toUnit(space, params);
    expect(unit[1]).toBe(0.5);
    expect(unit[4]).toBe(0.5);
    expect(activeAtUnit(space, unit)).toEqual([true, false, true, true, false]);
    expect(() => toUnit(space, { layers: 3, optimizer: 'sgd' })).toThrow('missing value for units3');
  });

  it('features put an inactive numeric dimension at one fixed value below the axis and zero a choice', () => {
    const a = featuresFromUnit(space, [0.1, 0.9, 0.1, 0.3, 0.1]);
    const b = featuresFromUnit(space, [0.1, 0.2, 0.1, 0.8, 0.9]);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[1]).toBe(inactiveFeature);
    expect(a[5]).toBe(inactiveFeature);
    expect(Array.from(a.subarray(6, 8))).toEqual([0, 0]);
    const active = featuresFromUnit(space, [0.9, 0.1, 0.9, 0.3, 0.1]);
    expect(active[1]).toBeCloseTo(0.125);
    expect(Array.from(active.subarray(6, 8))).toEqual([1, 0]);
  });

  it('the key of params ignores values of inactive dimensions', () => {
    expect(paramsKey(space, { layers: 2, units3: 4, optimizer: 'sgd' })).toBe(paramsKey(space, { layers: 2, optimizer: 'sgd' }));
    expect(paramsKey(space, { layers: 3, units3: 4, optimizer: 'sgd' })).not.toBe(paramsKey(space, { layers: 3, units3: 5, optimizer: 'sgd' }));
  });

  it('counts the distinct points of a discrete conditional space', () => {
    const discrete = space.filter((dimension) => dimension.name !== 'momentum');
    // layers 1, 2 (no units3) + layers 3 × 4 units = 6; optimizer sgd, momentum + adam × 2 betas = 4.
    expect(spaceSize(discrete)).toBe(24);
  });

  it('refuses conditions on missing, conditional or mismatched dimensions', () => {
    expect(() => validateSpace([{ name: 'a', type: 'real', low: 0, high: 1, when: { dimension: 'b', atLeast: 1 } }])).toThrow('needs another searched dimension');
    expect(() => validateSpace([...space, { name: 'c', type: 'real', low: 0, high: 1, when: { dimension: 'units3', atLeast: 3 } }])).toThrow('itself conditional');
    expect(() => validateSpace([...space, { name: 'c', type: 'real', low: 0, high: 1, when: { dimension: 'optimizer', atLeast: 3 } }])).toThrow('numeric dimension');
    expect(() => validateSpace([...space, { name: 'c', type: 'real', low: 0, high: 1, when: { dimension: 'optimizer', in: [] } }])).toThrow('lists no values');
  });
});
