import { describe, expect, it } from 'vitest';
import { designColumns, fitDesignMatrix, polynomialTerms, termName } from '../../../src/lib/models/designMatrix';

describe('polynomialTerms', () => {
  it('lists monomials degree by degree in scikit-learn PolynomialFeatures order', () => {
    // PolynomialFeatures(3, include_bias=False) on [a, b]: a, b, a², ab, b², a³, a²b, ab², b³.
    expect(polynomialTerms(2, 3)).toEqual([[0], [1], [0, 0], [0, 1], [1, 1], [0, 0, 0], [0, 0, 1], [0, 1, 1], [1, 1, 1]]);
    expect(polynomialTerms(3, 2)).toHaveLength(9);
  });

  it('rejects a degree below 1', () => {
    expect(() => polynomialTerms(2, 0)).toThrow('polynomial degree must be a whole number ≥ 1, got 0');
  });
});

describe('termName', () => {
  it('writes powers as superscripts and products with a dot', () => {
    expect(termName([0, 0, 1], ['x', 'y'])).toBe('x²·y');
    expect(termName([1, 1, 1], ['x', 'y'])).toBe('y³');
  });
});

describe('fitDesignMatrix', () => {
  it('standardises each column with the training mean and population standard deviation', () => {
    const design = fitDesignMatrix(Float32Array.of(1, 2, 3), 1, 2, true);
    expect(design.means[0]).toBeCloseTo(2, 12);
    expect(design.means[1]).toBeCloseTo(14 / 3, 12);
    const columns = designColumns(design, Float32Array.of(1, 2, 3));
    expect(columns[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(columns[4]).toBeCloseTo(Math.sqrt(1.5), 12);
    const squares = [columns[1], columns[3], columns[5]];
    expect(squares.reduce((sum, value) => sum + value, 0)).toBeCloseTo(0, 12);
    expect(squares.reduce((sum, value) => sum + value * value, 0) / 3).toBeCloseTo(1, 12);
  });

  it('leaves a constant column at zero instead of dividing by zero, and raw columns raw without standardising', () => {
    const design = fitDesignMatrix(Float32Array.of(5, 1, 5, 2), 2, 1, true);
    expect(Array.from(designColumns(design, Float32Array.of(5, 1)))).toEqual([0, -1]);
    expect(Array.from(designColumns(fitDesignMatrix(Float32Array.of(2, 3), 2, 2, false), Float32Array.of(2, 3)))).toEqual([2, 3, 4, 6, 9]);
  });
});
