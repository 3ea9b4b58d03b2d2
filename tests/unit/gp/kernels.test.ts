import { describe, expect, it } from 'vitest';
import {
  kernelMatrixFromDifferences,
  kernelValue,
  kernelVector,
  maternFiveHalves,
  pairwiseSquaredDifferences,
} from '../../../src/lib/gp/kernels';

const parameters = { lengthScales: new Float64Array([0.5, 2]), signalVariance: 1.5 };

describe('kernels', () => {
  it('maternFiveHalves is 1 at distance 0 and matches the closed form at r = 1', () => {
    expect(maternFiveHalves(0)).toBe(1);
    const root5 = Math.sqrt(5);
    expect(maternFiveHalves(1)).toBeCloseTo((1 + root5 + 5 / 3) * Math.exp(-root5), 14);
  });

  it('kernelValue scales each dimension by its own length scale', () => {
    // Moving 0.5 along x (length 0.5) is as far as moving 2 along y (length 2).
    expect(kernelValue([0, 0], [0.5, 0], parameters)).toBeCloseTo(kernelValue([0, 0], [0, 2], parameters), 14);
    expect(kernelValue([0, 0], [0.5, 0], parameters)).toBeCloseTo(1.5 * maternFiveHalves(1), 14);
  });

  it('kernelMatrixFromDifferences and kernelVector agree with kernelValue', () => {
    const points = new Float64Array([0, 0, 0.3, 1, 0.9, 0.2]);
    const matrix = kernelMatrixFromDifferences(pairwiseSquaredDifferences(points, 3, 2), 3, parameters, 0.01);
    const vector = kernelVector(points, 3, [0.3, 1], parameters);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const expected = kernelValue(points.subarray(i * 2, i * 2 + 2), points.subarray(j * 2, j * 2 + 2), parameters);
        expect(matrix[i * 3 + j]).toBeCloseTo(expected + (i === j ? 0.01 : 0), 14);
      }
      expect(vector[i]).toBeCloseTo(matrix[i * 3 + 1] - (i === 1 ? 0.01 : 0), 14);
    }
  });

  it('gradient factors give the derivative with respect to a log length scale', () => {
    const points = new Float64Array([0, 0, 0.3, 0.7]);
    const differences = pairwiseSquaredDifferences(points, 2, 2);
    const factors = new Float64Array(1);
    kernelMatrixFromDifferences(differences, 2, parameters, 0, factors);
    const step = 1e-6;
    const shifted = { ...parameters, lengthScales: new Float64Array([0.5 * Math.exp(step), 2]) };
    const numeric = (kernelValue([0, 0], [0.3, 0.7], shifted) - kernelValue([0, 0], [0.3, 0.7], parameters)) / step;
    expect((factors[0] * differences[0]) / 0.25).toBeCloseTo(numeric, 5);
  });
});
