import { describe, expect, it } from 'vitest';
import { coefficientPath, largestUsefulPenalty, penaltyGrid } from '../../../src/lib/models/coefficientPath';
import { defaultLinearModelOptions, type LinearModelOptions } from '../../../src/lib/models/linearModel';
import { fitLinearModel } from '../../../src/lib/models/linearTraining';
import { tableFromDataset } from '../../../src/lib/models/table';
import { expectClose, irisPetalWidth, irisRaw } from './referenceData';

// Reference numbers: scikit-learn 1.2.1 lasso_path on standardised columns, tests/unit/models/sklearnReference.py.
const lasso: LinearModelOptions = { ...defaultLinearModelOptions, penalty: 'l1', maxIterations: 100000, tolerance: 1e-12 };
const names = ['sepal length', 'sepal width', 'petal length'];

describe('coefficientPath', () => {
  it('gives sklearn’s Lasso path on iris, coefficient by coefficient', () => {
    const path = coefficientPath(irisPetalWidth(), lasso, names, [0.001, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01]);
    expect(path.penalties).toEqual([0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.001]);
    const reference = [
      [0, 0, 0, 0, 0, -0.02592573, -0.15654384],
      [0, 0, 0, 0, 0.00818696, 0.03380973, 0.09050022],
      [0.23148177, 0.53148177, 0.63148177, 0.68148177, 0.71498939, 0.75856806, 0.90572337],
    ];
    reference.forEach((row, feature) => expectClose(path.coefficients.map((weights) => weights[feature]), row, 1e-6));
    expect(path.columnNames).toEqual(names);
  });

  it('under L1 the strongest penalty zeroes every weight and the weakest keeps most; under L2 weights shrink but none is exactly zero', () => {
    const table = irisPetalWidth();
    const l1 = coefficientPath(table, { ...lasso, degree: 2 }, names);
    const nonZero = l1.coefficients.map((weights) => weights.filter((weight) => weight !== 0).length);
    expect(nonZero[0]).toBe(0);
    expect(nonZero[nonZero.length - 1]).toBeGreaterThan(3);
    const l2 = coefficientPath(table, { ...lasso, penalty: 'l2' }, names);
    expect(l2.coefficients.slice(1).every((weights) => weights.every((weight) => weight !== 0))).toBe(true);
    expect(Math.abs(l2.coefficients[0][2])).toBeLessThan(Math.abs(l2.coefficients[29][2]));
  });

  it('names polynomial columns by their monomials', () => {
    const path = coefficientPath(irisPetalWidth(), { ...lasso, degree: 2 }, ['a', 'b', 'c'], [0.1]);
    expect(path.columnNames).toEqual(['a', 'b', 'c', 'a²', 'a·b', 'a·c', 'b²', 'b·c', 'c²']);
  });

  it('keeps one weight vector per class for a multinomial path', () => {
    const iris = tableFromDataset(irisRaw());
    const path = coefficientPath(iris, { ...lasso, maxIterations: 3000, tolerance: 1e-8 }, names.concat('petal width'), [0.1, 0.01]);
    expect(path.outputCount).toBe(3);
    expect(path.coefficients[0]).toHaveLength(12);
  });
});

describe('largestUsefulPenalty', () => {
  it('is the smallest L1 penalty with every weight zero: just below it one weight comes in', () => {
    for (const table of [irisPetalWidth(), tableFromDataset(irisRaw())]) {
      const largest = largestUsefulPenalty(table, lasso);
      const options = { ...lasso, maxIterations: 20000, tolerance: 1e-10 };
      expect(fitLinearModel(table, { ...options, alpha: largest * 1.01 }).weights.every((weight) => weight === 0)).toBe(true);
      expect(fitLinearModel(table, { ...options, alpha: largest * 0.9 }).weights.some((weight) => weight !== 0)).toBe(true);
    }
  });
});

describe('penaltyGrid', () => {
  it('spaces penalties evenly in log scale from the largest down by the ratio', () => {
    const grid = penaltyGrid(10, 4, 1e-3);
    expectClose(grid, [10, 1, 0.1, 0.01], 1e-12);
  });
});
