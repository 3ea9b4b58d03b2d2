import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskyInverse,
  choleskyLogDeterminant,
  choleskySolve,
  choleskyWithJitter,
} from '../../../src/lib/gp/linalg';

// A symmetric positive-definite 3×3 matrix with a known factor.
const matrix = new Float64Array([4, 12, -16, 12, 37, -43, -16, -43, 98]);

describe('linalg', () => {
  it('cholesky factors a positive-definite matrix into L·Lᵀ', () => {
    const lower = cholesky(matrix, 3);
    // The textbook factor of this matrix is [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
    expect(Array.from(lower!)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('cholesky returns null for a matrix that is not positive definite', () => {
    expect(cholesky(new Float64Array([1, 2, 2, 1]), 2)).toBeNull();
  });

  it('choleskySolve solves the linear system', () => {
    const lower = cholesky(matrix, 3)!;
    const x = choleskySolve(lower, 3, [1, 2, 3]);
    for (let i = 0; i < 3; i++) {
      const row = matrix[i * 3] * x[0] + matrix[i * 3 + 1] * x[1] + matrix[i * 3 + 2] * x[2];
      expect(row).toBeCloseTo([1, 2, 3][i], 10);
    }
  });

  it('choleskyInverse times the matrix is the identity, and the log determinant is log 36', () => {
    const lower = cholesky(matrix, 3)!;
    const inverse = choleskyInverse(lower, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += inverse[i * 3 + k] * matrix[k * 3 + j];
        expect(sum).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
    expect(choleskyLogDeterminant(lower, 3)).toBeCloseTo(Math.log(36), 12);
  });

  it('choleskyWithJitter factors a singular matrix by adding a small diagonal', () => {
    const singular = new Float64Array([1, 1, 1, 1]);
    const { lower, jitter } = choleskyWithJitter(singular, 2);
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(1e-6);
    expect(lower.every(Number.isFinite)).toBe(true);
  });
});
