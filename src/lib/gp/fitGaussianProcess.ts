/**
 * Fitting a Gaussian process: the hyperparameters maximise the log marginal likelihood (plus a
 * weak length-scale prior) by projected L-BFGS from several starts (Rasmussen & Williams 2006, §5.4).
 */
import type { Random } from '../core/random';
import { assemble, standardise, type GaussianProcess, type GaussianProcessHyperparameters } from './gaussianProcess';
import { pairwiseSquaredDifferences } from './kernels';
import { fromTheta, negativeLogLikelihood, toTheta } from './marginalLikelihood';
import { minimizeBounded } from './minimizeBounded';

/** Settings of fitGaussianProcess; every field is optional. */
export interface GaussianProcessFitOptions {
  /** Use these hyperparameters as they are, without maximising the likelihood. */
  hyperparameters?: GaussianProcessHyperparameters;
  /** A first start for the optimiser, typically the previous fit's hyperparameters (warm start). */
  initial?: GaussianProcessHyperparameters;
  /** Number of extra random starts (default 3); needs `random`. */
  restarts?: number;
  /** Seeded generator for the random starts. */
  random?: Random;
  /** Iterations of the optimiser per start (default 60). */
  maxIterations?: number;
  /** Bounds of every length scale, input units (default [0.01, 20]). */
  lengthScaleBounds?: [number, number];
  /** Bounds of the signal variance, standardised units (default [0.01, 100]). */
  signalVarianceBounds?: [number, number];
  /** Bounds of the noise variance, standardised units (default [1e-8, 0.1]: the signal should dominate). */
  noiseVarianceBounds?: [number, number];
  /**
   * Weak log-normal prior on each length scale, as mean and standard deviation of log ℓ
   * (default { mean: log 0.5, std: 1.5 }); null for the plain maximum likelihood. With few
   * points the likelihood alone often explains everything with one very short length scale.
   */
  lengthScalePrior?: { mean: number; std: number } | null;
}

/**
 * Fits a Gaussian process to n points (shape [n*d] row-major, or n arrays of d numbers) and
 * their values (shape [n], output units, finite). Hyperparameters maximise the log marginal
 * likelihood (plus the weak length-scale prior, unless turned off) by projected L-BFGS with analytic gradients, from the warm start (if given), a
 * default start and `restarts` random starts; the best start wins.
 */
export function fitGaussianProcess(
  points: Float64Array | ArrayLike<number>[],
  values: ArrayLike<number>,
  options: GaussianProcessFitOptions = {},
): GaussianProcess {
  const n = values.length;
  if (n === 0) throw new Error('cannot fit a Gaussian process to no observations');
  const flat = points instanceof Float64Array ? Float64Array.from(points) : Float64Array.from(points.flatMap((row) => Array.from(row)));
  const d = flat.length / n;
  if (!Number.isInteger(d) || d < 1) throw new Error('points and values disagree in length');
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) throw new Error('values must be finite numbers');
  const { standardised, mean, scale } = standardise(values);
  if (options.hyperparameters) return assemble(flat, d, standardised, mean, scale, options.hyperparameters);

  const {
    restarts = 3,
    random,
    maxIterations = 60,
    lengthScaleBounds = [0.01, 20],
    signalVarianceBounds = [0.01, 100],
    noiseVarianceBounds = [1e-8, 0.1],
    lengthScalePrior = { mean: Math.log(0.5), std: 1.5 },
  } = options;
  const lower = new Float64Array(d + 2);
  const upper = new Float64Array(d + 2);
  lower.fill(Math.log(lengthScaleBounds[0]), 0, d);
  upper.fill(Math.log(lengthScaleBounds[1]), 0, d);
  [lower[d], upper[d]] = signalVarianceBounds.map(Math.log);
  [lower[d + 1], upper[d + 1]] = noiseVarianceBounds.map(Math.log);

  const starts: Float64Array[] = [];
  if (options.initial) starts.push(toTheta(options.initial, d));
  if (!options.initial || restarts > 0) {
    // Two default starts, nearly noise-free and noisy: the likelihood often has one optimum near each.
    starts.push(toTheta({ lengthScales: new Float64Array(d).fill(0.5), signalVariance: 1, noiseVariance: 1e-6 }, d));
    starts.push(toTheta({ lengthScales: new Float64Array(d).fill(0.5), signalVariance: 1, noiseVariance: 1e-2 }, d));
  }
  if (random) {
    for (let r = 0; r < restarts; r++) {
      const theta = new Float64Array(d + 2);
      for (let k = 0; k < d; k++) theta[k] = random.uniform(Math.log(0.05), Math.log(2));
      theta[d] = random.uniform(Math.log(0.3), Math.log(3));
      theta[d + 1] = random.uniform(Math.log(1e-7), Math.log(1e-2));
      starts.push(theta);
    }
  }

  const differences = pairwiseSquaredDifferences(flat, n, d);
  const objective = (theta: Float64Array) => {
    const result = negativeLogLikelihood(theta, differences, standardised, n, d);
    if (lengthScalePrior) {
      const precision = 1 / (lengthScalePrior.std * lengthScalePrior.std);
      for (let k = 0; k < d; k++) {
        const offset = theta[k] - lengthScalePrior.mean;
        result.value += 0.5 * precision * offset * offset;
        result.gradient[k] += precision * offset;
      }
    }
    return result;
  };
  let best: { x: Float64Array; value: number } | null = null;
  for (const start of starts) {
    const result = minimizeBounded(objective, start, lower, upper, { maxIterations, gradientTolerance: 1e-7 });
    if (Number.isFinite(result.value) && (!best || result.value < best.value)) best = result;
  }
  const theta = best ? best.x : starts[0];
  return assemble(flat, d, standardised, mean, scale, fromTheta(theta, d));
}
