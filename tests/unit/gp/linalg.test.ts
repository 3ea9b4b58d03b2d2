import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskyAppend,
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

  it('choleskyAppend extends a factor by one row to the factor of the bordered matrix', () => {
    const leading = cholesky(new Float64Array([4, 12, 12, 37]), 2)!;
    const extended = choleskyAppend(leading, 2, [-16, -43], 98);
    expect(Array.from(extended!)).toEqual(Array.from(cholesky(matrix, 3)!));
  });

  it('choleskyAppend matches a full factorisation of a larger random kernel-like matrix, row after row', () => {
    const n = 12;
    const full = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) full[i * n + j] = Math.exp(-((i - j) ** 2) / 8) + (i === j ? 0.1 : 0);
    let lower = cholesky(new Float64Array([full[0]]), 1)!;
    for (let size = 1; size < n; size++) {
      const column = Array.from({ length: size }, (_, j) => full[size * n + j]);
      lower = choleskyAppend(lower, size, column, full[size * n + size])!;
    }
    const reference = cholesky(full, n)!;
    for (let i = 0; i < n * n; i++) expect(lower[i]).toBeCloseTo(reference[i], 12);
  });

  it('choleskyAppend returns null when the new row repeats an old one', () => {
    const lower = cholesky(new Float64Array([1]), 1)!;
    expect(choleskyAppend(lower, 1, [1], 1, 1e-12)).toBeNull();
  });
});
