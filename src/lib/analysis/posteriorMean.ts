/**
 * The posterior mean of a Gaussian process with given hyperparameters, as a kernel surface:
 * m(x) = offset + Σⱼ wⱼ·k̃(‖(xⱼ − x)/ℓ‖), k̃ the Matérn 5/2 correlation. gp/gaussianProcess.ts
 * predicts a mean and a standard deviation, O(n²) per point; main effects need only means at
 * thousands of points, and refits on bootstrap resamples, so the surface keeps its points divided
 * by the length scales and its weights, which mainEffects.ts reuses across dimensions.
 */
import { maternFiveHalves, kernelMatrixFromDifferences, pairwiseSquaredDifferences } from '../gp/kernels';
import type { GaussianProcessHyperparameters } from '../gp/gaussianProcess';
import { choleskySolve, choleskyWithJitter } from '../gp/linalg';

/** A GP posterior mean over d features from n observations. */
export interface KernelSurface {
  /** Number of observations n and of features d. */
  count: number;
  dimensions: number;
  /** Observed features divided by the length scales, shape [n*d] row-major. */
  scaledPoints: Float64Array;
  /** 1 / length scale per feature, shape [d]. */
  inverseScales: Float64Array;
  /** Weight of each observation's kernel, in output units, shape [n]. */
  weights: Float64Array;
  /** The mean far from every observation, in output units. */
  offset: number;
  /** The surface at a point of d features, in output units. */
  evaluate(point: ArrayLike<number>): number;
}

/** Posterior mean of the GP on n points (shape [n*d]) and values (shape [n]), outputs standardised as the fit does. */
export function posteriorMean(
  points: Float64Array,
  d: number,
  values: ArrayLike<number>,
  hyperparameters: GaussianProcessHyperparameters,
): KernelSurface {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i] - mean) ** 2 / n;
  const scale = variance > 0 ? Math.sqrt(variance) : 1;
  const standardised = Float64Array.from({ length: n }, (_, i) => (values[i] - mean) / scale);
  const differences = pairwiseSquaredDifferences(points, n, d);
  const matrix = kernelMatrixFromDifferences(differences, n, hyperparameters, hyperparameters.noiseVariance);
  const { lower } = choleskyWithJitter(matrix, n);
  const weights = choleskySolve(lower, n, standardised).map((weight) => weight * scale * hyperparameters.signalVariance);
  const inverseScales = hyperparameters.lengthScales.map((lengthScale) => 1 / lengthScale);
  const scaledPoints = points.map((value, index) => value * inverseScales[index % d]);
  const scaledPoint = new Float64Array(d);
  return {
    count: n,
    dimensions: d,
    scaledPoints,
    inverseScales,
    weights,
    offset: mean,
    evaluate(point) {
      for (let k = 0; k < d; k++) scaledPoint[k] = point[k] * inverseScales[k];
      let sum = mean;
      for (let i = 0; i < n; i++) {
        let squared = 0;
        for (let k = 0; k < d; k++) {
          const difference = scaledPoints[i * d + k] - scaledPoint[k];
          squared += difference * difference;
        }
        sum += weights[i] * maternFiveHalves(Math.sqrt(squared));
      }
      return sum;
    },
  };
}
