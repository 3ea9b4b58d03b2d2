/**
 * The posterior mean of a Gaussian process with given hyperparameters, as a plain function.
 * gp/gaussianProcess.ts predicts a mean and a standard deviation, O(n²) per point; main effects
 * need only means at thousands of points, O(n·d) each, and refits on bootstrap resamples.
 */
import { kernelMatrixFromDifferences, pairwiseSquaredDifferences } from '../gp/kernels';
import type { GaussianProcessHyperparameters } from '../gp/gaussianProcess';
import { choleskySolve, choleskyWithJitter } from '../gp/linalg';

/** Posterior mean at a point of d features, in output units. */
export type MeanFunction = (point: ArrayLike<number>) => number;

/** Posterior mean of the GP on n points (shape [n*d]) and values (shape [n]), outputs standardised as the fit does. */
export function posteriorMean(
  points: Float64Array,
  d: number,
  values: ArrayLike<number>,
  hyperparameters: GaussianProcessHyperparameters,
): MeanFunction {
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
  const weights = choleskySolve(lower, n, standardised);
  // Points divided by the length scales once, so each kernel value needs no division.
  const { lengthScales, signalVariance } = hyperparameters;
  const scaled = Float64Array.from(points, (value, index) => value / lengthScales[index % d]);
  const scaledPoint = new Float64Array(d);
  const sqrtFive = Math.sqrt(5);
  return (point) => {
    for (let k = 0; k < d; k++) scaledPoint[k] = point[k] / lengthScales[k];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let squared = 0;
      for (let k = 0; k < d; k++) {
        const difference = scaled[i * d + k] - scaledPoint[k];
        squared += difference * difference;
      }
      const root = sqrtFive * Math.sqrt(squared);
      sum += weights[i] * (1 + root + (root * root) / 3) * Math.exp(-root);
    }
    return mean + scale * signalVariance * sum;
  };
}
