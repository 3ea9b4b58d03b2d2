import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  featureCount,
  featuresFromUnit,
  fromUnit,
  oneHot,
  paramsKey,
  snapUnit,
  spaceSize,
  toUnit,
  unitFromValue,
  validateSpace,
  valueFromUnit,
  type Dimension,
} from '../../../src/lib/core/space';

const space: Dimension[] = [
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 5 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
];

describe('space', () => {
  it('valueFromUnit maps the unit interval linearly onto a real dimension', () => {
    expect(valueFromUnit(space[0], 0)).toBe(0);
    expect(valueFromUnit(space[0], 0.5)).toBeCloseTo(0.25, 12);
    expect(valueFromUnit(space[0], 1)).toBe(0.5);
  });

  it('valueFromUnit maps the unit interval log-uniformly onto a log dimension', () => {
    expect(valueFromUnit(space[1], 0)).toBeCloseTo(1e-4, 15);
    expect(valueFromUnit(space[1], 0.5)).toBeCloseTo(1e-2, 12);
    expect(valueFromUnit(space[1], 0.75)).toBeCloseTo(1e-1, 12);
  });

  it('valueFromUnit gives each integer an equal share of the unit interval', () => {
    const counts = new Map<number | string, number>();
    for (let i = 0; i < 400; i++) {
      const value = valueFromUnit(space[2], (i + 0.5) / 400);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    expect([...counts.entries()].sort()).toEqual([[2, 100], [3, 100], [4, 100], [5, 100]]);
  });

  it('valueFromUnit picks a choice by the cell the coordinate falls in and clamps outside [0, 1]', () => {
    expect(valueFromUnit(space[3], 0.2)).toBe('relu');
    expect(valueFromUnit(space[3], 0.5)).toBe('tanh');
    expect(valueFromUnit(space[3], 1)).toBe('sigmoid');
    expect(valueFromUnit(space[3], -3)).toBe('relu');
    expect(valueFromUnit(space[0], 7)).toBe(0.5);
  });

  it('toUnit and fromUnit round-trip any point of the space', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (unit) => {
        const params = fromUnit(space, unit);
        const again = fromUnit(space, toUnit(space, params));
        expect(again.units).toBe(params.units);
        expect(again.activation).toBe(params.activation);
        expect(again.dropout as number).toBeCloseTo(params.dropout as number, 12);
        expect((again.learningRate as number) / (params.learningRate as number)).toBeCloseTo(1, 10);
      }),
    );
  });

  it('fromUnit keeps every value within its bounds and ints integral', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }), (unit) => {
        const params = fromUnit(space, unit);
        expect(params.dropout).toBeGreaterThanOrEqual(0);
        expect(params.dropout).toBeLessThanOrEqual(0.5);
        expect(params.learningRate).toBeGreaterThanOrEqual(1e-4);
        expect(params.learningRate).toBeLessThanOrEqual(1);
        expect(Number.isInteger(params.units)).toBe(true);
        expect(['relu', 'tanh', 'sigmoid']).toContain(params.activation);
      }),
    );
  });

  it('unitFromValue rounds an int and rejects an unknown choice', () => {
    expect(unitFromValue(space[2], 3.4)).toBe(unitFromValue(space[2], 3));
    expect(() => unitFromValue(space[3], 'gelu')).toThrow('invalid value for activation: gelu');
  });

  it('snapUnit moves int and choice coordinates to their cell centres and leaves reals alone', () => {
    const snapped = snapUnit(space, [0.3, 0.7, 0.01, 0.99]);
    expect(Array.from(snapped)).toEqual([0.3, 0.7, 0.125, 5 / 6]);
  });

  it('featuresFromUnit one-hot encodes choices after the numeric coordinates', () => {
    expect(featureCount(space)).toBe(6);
    expect(Array.from(featuresFromUnit(space, [0.3, 0.7, 0.01, 0.5]))).toEqual([0.3, 0.7, 0.125, 0, 1, 0]);
  });

  it('oneHot puts a single 1 at the index and rejects an index out of range', () => {
    expect(Array.from(oneHot(2, 4))).toEqual([0, 0, 1, 0]);
    expect(() => oneHot(4, 4)).toThrow('invalid one-hot index 4 of 4');
  });

  it('paramsKey is equal for the same point and different for different points', () => {
    expect(paramsKey(space, { dropout: 0.1, learningRate: 0.01, units: 3, activation: 'relu' })).toBe(
      paramsKey(space, { activation: 'relu', units: 3, learningRate: 0.01, dropout: 0.1 + 1e-17 }),
    );
    expect(paramsKey(space, { dropout: 0.1, learningRate: 0.01, units: 3, activation: 'relu' })).not.toBe(
      paramsKey(space, { dropout: 0.1, learningRate: 0.01, units: 4, activation: 'relu' }),
    );
  });

  it('spaceSize counts the points of a discrete space and is infinite with a real dimension', () => {
    expect(spaceSize(space.slice(2))).toBe(12);
    expect(spaceSize(space)).toBe(Infinity);
  });

  it('validateSpace rejects reversed bounds, a log range through zero and duplicate names', () => {
    expect(() => validateSpace([{ name: 'a', type: 'real', low: 1, high: 0 }])).toThrow('need finite low <= high');
    expect(() => validateSpace([{ name: 'a', type: 'log', low: 0, high: 1 }])).toThrow('log needs low > 0');
    expect(() => validateSpace([space[0], space[0]])).toThrow('duplicate dimension dropout');
    expect(() => validateSpace(space)).not.toThrow();
  });
});
