import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { kFold, splitDataset, type SplitFractions } from '../../../src/lib/datasets/split';

/** A labelled dataset (features unused by splits) with the given class of each row. */
function labelled(labels: readonly number[], classCount: number): Pick<Dataset, 'size' | 'targets' | 'classCount'> {
  return { size: labels.length, targets: Float32Array.from(labels), classCount };
}

const labelsArbitrary = fc.integer({ min: 1, max: 6 }).chain((classCount) => fc.tuple(
  fc.constant(classCount),
  fc.array(fc.integer({ min: 0, max: classCount - 1 }), { minLength: 1, maxLength: 300 }),
));

const fractionsArbitrary = fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([train, validation, test]): SplitFractions => {
    const total = train + validation + test;
    return { train: train / total, validation: validation / total, test: test / total };
  });

describe('splitDataset', () => {
  it('the three parts are disjoint and together hold every row exactly once', () => {
    fc.assert(fc.property(labelsArbitrary, fractionsArbitrary, fc.nat(), ([classCount, labels], fractions, seed) => {
      const split = splitDataset(labelled(labels, classCount), fractions, seed);
      const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
      expect(all).toEqual(labels.map((_, index) => index));
    }));
  });

  it('each class is in each part within one row of its share (stratified)', () => {
    fc.assert(fc.property(labelsArbitrary, fractionsArbitrary, fc.nat(), ([classCount, labels], fractions, seed) => {
      const split = splitDataset(labelled(labels, classCount), fractions, seed);
      for (let label = 0; label < classCount; label++) {
        const classSize = labels.filter((value) => value === label).length;
        for (const part of ['train', 'validation', 'test'] as const) {
          const count = split[part].filter((row) => labels[row] === label).length;
          expect(Math.abs(count - classSize * fractions[part])).toBeLessThan(1 + 1e-9);
        }
      }
    }));
  });

  it('each part holds its fraction of all rows, within one row', () => {
    fc.assert(fc.property(labelsArbitrary, fractionsArbitrary, fc.nat(), ([classCount, labels], fractions, seed) => {
      const split = splitDataset(labelled(labels, classCount), fractions, seed);
      for (const part of ['train', 'validation', 'test'] as const) {
        expect(Math.abs(split[part].length - labels.length * fractions[part])).toBeLessThan(1 + 1e-9);
      }
    }));
  });

  it('60/20/20 of 100 balanced rows in 2 classes is exactly 60/20/20 with 30/10/10 per class', () => {
    const labels = Array.from({ length: 100 }, (_, index) => index % 2);
    const split = splitDataset(labelled(labels, 2), { train: 0.6, validation: 0.2, test: 0.2 }, 1);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([60, 20, 20]);
    expect(split.test.filter((row) => labels[row] === 1)).toHaveLength(10);
  });

  it('the same seed gives the same split and a different seed a different one', () => {
    const source = labelled(Array.from({ length: 200 }, (_, index) => index % 3), 3);
    const fractions = { train: 0.7, validation: 0.15, test: 0.15 };
    expect(splitDataset(source, fractions, 5)).toEqual(splitDataset(source, fractions, 5));
    expect(splitDataset(source, fractions, 5).test).not.toEqual(splitDataset(source, fractions, 6).test);
  });

  it('regression rows (classCount 0) are split without strata', () => {
    const source = { size: 10, targets: Float32Array.from([0.3, -2, 5, 1.5, 0, 7, 8, 9, 1, 2]), classCount: 0 };
    const split = splitDataset(source, { train: 0.8, validation: 0.1, test: 0.1 }, 3);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([8, 1, 1]);
  });

  it('rejects fractions that do not sum to 1, are negative, or leave train empty', () => {
    const source = labelled([0, 1, 0, 1], 2);
    expect(() => splitDataset(source, { train: 0.5, validation: 0.2, test: 0.2 }, 1)).toThrow(/sum to 1/);
    expect(() => splitDataset(source, { train: 1.2, validation: -0.2, test: 0 }, 1)).toThrow(/non-negative/);
    expect(() => splitDataset(source, { train: 0, validation: 0.5, test: 0.5 }, 1)).toThrow(/train/);
  });
});

describe('kFold', () => {
  it('every row is used exactly once as validation, and each fold trains on all the other rows', () => {
    fc.assert(fc.property(labelsArbitrary, fc.integer({ min: 3, max: 10 }), fc.nat(), ([classCount, labels], k, seed) => {
      fc.pre(labels.length >= k);
      const rows = labels.map((_, index) => index);
      const folds = kFold(labelled(labels, classCount), rows, k, seed);
      expect(folds).toHaveLength(k);
      expect(folds.flatMap((fold) => fold.validation).sort((a, b) => a - b)).toEqual(rows);
      for (const fold of folds) {
        expect([...fold.train, ...fold.validation].sort((a, b) => a - b)).toEqual(rows);
      }
      const sizes = folds.map((fold) => fold.validation.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });

  it('folds are stratified: each class differs by at most one row between folds', () => {
    const labels = Array.from({ length: 103 }, (_, index) => (index % 7 === 0 ? 2 : index % 2));
    const folds = kFold(labelled(labels, 3), labels.map((_, index) => index), 5, 4);
    for (let label = 0; label < 3; label++) {
      const counts = folds.map((fold) => fold.validation.filter((row) => labels[row] === label).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('folds over train and validation never touch the held-back test rows', () => {
    const source = labelled(Array.from({ length: 120 }, (_, index) => index % 2), 2);
    const split = splitDataset(source, { train: 0.6, validation: 0.2, test: 0.2 }, 9);
    const folds = kFold(source, [...split.train, ...split.validation], 4, 9);
    const test = new Set(split.test);
    for (const fold of folds) expect([...fold.train, ...fold.validation].some((row) => test.has(row))).toBe(false);
  });

  it('rejects k outside 3..10, repeated rows, and fewer rows than folds', () => {
    const source = labelled([0, 1, 0, 1, 0, 1], 2);
    expect(() => kFold(source, [0, 1, 2, 3, 4, 5], 2, 1)).toThrow(/3 to 10/);
    expect(() => kFold(source, [0, 1, 2, 3, 4, 5], 11, 1)).toThrow(/3 to 10/);
    expect(() => kFold(source, [0, 0, 1, 2], 3, 1)).toThrow(/repeat/);
    expect(() => kFold(source, [0, 1], 3, 1)).toThrow(/at least 3 rows/);
  });
});
