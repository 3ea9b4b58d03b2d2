/**
 * Gaussian-process regression with a Matérn 5/2 ARD kernel, a constant mean and Gaussian
 * noise (Rasmussen & Williams 2006, algorithm 2.1). Outputs are standardised before fitting;
 * the hyperparameters (length scales, signal variance, noise variance) maximise the log
 * marginal likelihood (eq. 5.8, gradients eq. 5.9) from several starts. Usable on its own:
 * `fitGaussianProcess(points, values)` (fitGaussianProcess.ts) then `predict(point)` → mean and
 * standard deviation. The likelihood and its gradient are in marginalLikelihood.ts.
 */
import { kernelMatrixFromDifferences, kernelVector, pairwiseSquaredDifferences } from './kernels';
import {
  choleskyAppend,
  choleskySolve,
  choleskyWithJitter,
  solveLower,
} from './linalg';

/** Kernel and noise hyperparameters; variances are in standardised output units. */
export interface GaussianProcessHyperparameters {
  /** Length scale per input dimension, in input units, shape [d]. */
  lengthScales: Float64Array;
  /** Signal variance σ² of the kernel. */
  signalVariance: number;
  /** Variance σₙ² of the observation noise. */
  noiseVariance: number;
}

/** Posterior of the latent function at one point, in output units. */
export interface Prediction {
  mean: number;
  /** Standard deviation of the latent function (observation noise excluded). */
  std: number;
}

const logTwoPi = Math.log(2 * Math.PI);
const sqrtFive = Math.sqrt(5);

/** A fitted Gaussian process: n observations of d inputs, ready to predict. */
export class GaussianProcess {
  /** Number of input dimensions d. */
  readonly dimensions: number;
  /** Number of observations n. */
  readonly count: number;
  /** Observed inputs, shape [n*d] row-major. */
  readonly points: Float64Array;
  /** Standardised observed outputs, shape [n]. */
  readonly standardisedValues: Float64Array;
  /** Mean and standard deviation used to standardise the outputs. */
  readonly outputMean: number;
  readonly outputScale: number;
  readonly hyperparameters: GaussianProcessHyperparameters;
  /** Log marginal likelihood of the standardised outputs under the hyperparameters. */
  readonly logMarginalLikelihood: number;
  /** Cholesky factor of K + σₙ²I, shape [n*n]. */
  private readonly lower: Float64Array;
  /** (K + σₙ²I)⁻¹ y, shape [n]. */
  private readonly weights: Float64Array;
  private readonly diagonalNoise: number;
  private readonly kernelScratch: Float64Array;

  constructor(
    points: Float64Array,
    dimensions: number,
    standardisedValues: Float64Array,
    outputMean: number,
    outputScale: number,
    hyperparameters: GaussianProcessHyperparameters,
    lower: Float64Array,
    diagonalNoise: number,
  ) {
    this.points = points;
    this.dimensions = dimensions;
    this.count = standardisedValues.length;
    this.standardisedValues = standardisedValues;
    this.outputMean = outputMean;
    this.outputScale = outputScale;
    this.hyperparameters = hyperparameters;
    this.lower = lower;
    this.diagonalNoise = diagonalNoise;
    const n = this.count;
    this.weights = choleskySolve(lower, n, standardisedValues);
    let logDeterminant = 0;
    for (let i = 0; i < n; i++) logDeterminant += 2 * Math.log(lower[i * n + i]);
    let fit = 0;
    for (let i = 0; i < n; i++) fit += standardisedValues[i] * this.weights[i];
    this.logMarginalLikelihood = -0.5 * fit - 0.5 * logDeterminant - 0.5 * n * logTwoPi;
    this.kernelScratch = new Float64Array(n);
  }

  /** Posterior mean and standard deviation at one point, shape [d], in output units. */
  predict(point: ArrayLike<number>): Prediction {
    const n = this.count;
    const vector = kernelVector(this.points, n, point, this.hyperparameters, this.kernelScratch);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += vector[i] * this.weights[i];
    solveLower(this.lower, n, vector, vector);
    let explained = 0;
    for (let i = 0; i < n; i++) explained += vector[i] * vector[i];
    const variance = Math.max(0, this.hyperparameters.signalVariance - explained);
    return { mean: this.outputMean + this.outputScale * mean, std: this.outputScale * Math.sqrt(variance) };
  }

  /**
   * Posterior means and standard deviations at m points (shape [m*d]) at once, written into
   * means and stds (shape [m], output units). Same result as m calls of predict, but the
   * cross-kernel block is solved against the triangular factor in one sweep over its rows.
   */
  predictMany(points: Float64Array, m: number, means: Float64Array, stds: Float64Array): void {
    const n = this.count;
    const d = this.dimensions;
    const { lengthScales, signalVariance } = this.hyperparameters;
    const inverseScales = new Float64Array(d);
    for (let k = 0; k < d; k++) inverseScales[k] = 1 / lengthScales[k];
    // block[i*m + a] = k(xᵢ, pₐ), then overwritten in place by L⁻¹ k(X, pₐ), row by row.
    const block = new Float64Array(n * m);
    means.fill(0, 0, m);
    for (let i = 0; i < n; i++) {
      const row = i * m;
      const weight = this.weights[i];
      for (let a = 0; a < m; a++) {
        let squared = 0;
        for (let k = 0; k < d; k++) {
          const scaled = (this.points[i * d + k] - points[a * d + k]) * inverseScales[k];
          squared += scaled * scaled;
        }
        const root = sqrtFive * Math.sqrt(squared);
        const value = signalVariance * (1 + root + (root * root) / 3) * Math.exp(-root);
        block[row + a] = value;
        means[a] += value * weight;
      }
    }
    const explained = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const row = i * m;
      for (let k = 0; k < i; k++) {
        const factor = this.lower[i * n + k];
        if (factor === 0) continue;
        const other = k * m;
        for (let a = 0; a < m; a++) block[row + a] -= factor * block[other + a];
      }
      const pivot = 1 / this.lower[i * n + i];
      for (let a = 0; a < m; a++) {
        const value = block[row + a] * pivot;
        block[row + a] = value;
        explained[a] += value * value;
      }
    }
    for (let a = 0; a < m; a++) {
      means[a] = this.outputMean + this.outputScale * means[a];
      stds[a] = this.outputScale * Math.sqrt(Math.max(0, signalVariance - explained[a]));
    }
  }

  /**
   * Joint posterior of the latent function at m points (shape [m*d]): means, shape [m], and the
   * covariance matrix, shape [m*m], both in output units.
   */
  posteriorCovariance(points: Float64Array, m: number): { mean: Float64Array; covariance: Float64Array } {
    const n = this.count;
    const d = this.dimensions;
    const mean = new Float64Array(m);
    const projected = new Float64Array(m * n); // row a holds L⁻¹ k(X, xₐ)
    for (let a = 0; a < m; a++) {
      const point = points.subarray(a * d, (a + 1) * d);
      const vector = kernelVector(this.points, n, point, this.hyperparameters);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += vector[i] * this.weights[i];
      mean[a] = this.outputMean + this.outputScale * sum;
      projected.set(solveLower(this.lower, n, vector, vector), a * n);
    }
    const covariance = new Float64Array(m * m);
    const scale2 = this.outputScale * this.outputScale;
    for (let a = 0; a < m; a++) {
      const pointA = points.subarray(a * d, (a + 1) * d);
      const cross = kernelVector(points, a + 1, pointA, this.hyperparameters);
      for (let b = 0; b <= a; b++) {
        let explained = 0;
        for (let i = 0; i < n; i++) explained += projected[a * n + i] * projected[b * n + i];
        const value = scale2 * (cross[b] - explained);
        covariance[a * m + b] = value;
        covariance[b * m + a] = value;
      }
    }
    return { mean, covariance };
  }

  /**
   * The same process with one more observation (a point, shape [d], and its value in output
   * units), keeping the hyperparameters and standardisation: a rank-one Cholesky extension,
   * O(n²). Used for fantasised observations when proposing batches.
   */
  withObservation(point: ArrayLike<number>, value: number): GaussianProcess {
    const n = this.count;
    const d = this.dimensions;
    const points = new Float64Array((n + 1) * d);
    points.set(this.points);
    for (let k = 0; k < d; k++) points[n * d + k] = point[k];
    const values = new Float64Array(n + 1);
    values.set(this.standardisedValues);
    values[n] = (value - this.outputMean) / this.outputScale;
    const { signalVariance } = this.hyperparameters;
    const vector = kernelVector(this.points, n, point, this.hyperparameters);
    const lower = choleskyAppend(this.lower, n, vector, signalVariance + this.diagonalNoise, 1e-12 * signalVariance);
    if (lower) {
      return new GaussianProcess(points, d, values, this.outputMean, this.outputScale, this.hyperparameters, lower, this.diagonalNoise);
    }
    // The new point nearly duplicates an old one: refactor with jitter instead.
    return assemble(points, d, values, this.outputMean, this.outputScale, this.hyperparameters);
  }

  /**
   * The same hyperparameters conditioned on m more observations: points, shape [m*d], appended
   * after the current ones, and values, shape [n+m], the outputs of all n+m observations in
   * output units, standardised afresh. Extends the Cholesky factor one row at a time, O(m·n²)
   * instead of a refactorisation's O((n+m)³); used between hyperparameter refits.
   */
  extend(points: Float64Array, values: ArrayLike<number>): GaussianProcess {
    const d = this.dimensions;
    const total = values.length;
    const added = points.length / d;
    if (total !== this.count + added) throw new Error('extend needs the values of all old and new observations');
    for (let i = 0; i < total; i++) if (!Number.isFinite(values[i])) throw new Error('values must be finite numbers');
    const allPoints = new Float64Array(total * d);
    allPoints.set(this.points);
    allPoints.set(points, this.count * d);
    const { standardised, mean, scale } = standardise(values);
    const { signalVariance } = this.hyperparameters;
    let lower: Float64Array | null = this.lower;
    for (let n = this.count; n < total && lower; n++) {
      const vector = kernelVector(allPoints, n, allPoints.subarray(n * d, (n + 1) * d), this.hyperparameters);
      lower = choleskyAppend(lower, n, vector, signalVariance + this.diagonalNoise, 1e-12 * signalVariance);
    }
    if (lower) return new GaussianProcess(allPoints, d, standardised, mean, scale, this.hyperparameters, lower, this.diagonalNoise);
    // A new point nearly duplicates an old one: refactor with jitter instead.
    return assemble(allPoints, d, standardised, mean, scale, this.hyperparameters);
  }
}

/** Outputs shifted and scaled to mean 0 and standard deviation 1 (scale 1 when they are all equal). */
export function standardise(values: ArrayLike<number>): { standardised: Float64Array; mean: number; scale: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i] - mean) ** 2 / n;
  const scale = variance > 0 ? Math.sqrt(variance) : 1;
  const standardised = new Float64Array(n);
  for (let i = 0; i < n; i++) standardised[i] = (values[i] - mean) / scale;
  return { standardised, mean, scale };
}

/** The Gaussian process with these hyperparameters, factorised (with jitter if needed) over the points. */
export function assemble(
  points: Float64Array,
  d: number,
  values: Float64Array,
  outputMean: number,
  outputScale: number,
  hyperparameters: GaussianProcessHyperparameters,
): GaussianProcess {
  const n = values.length;
  const differences = pairwiseSquaredDifferences(points, n, d);
  const matrix = kernelMatrixFromDifferences(differences, n, hyperparameters, hyperparameters.noiseVariance);
  const { lower, jitter } = choleskyWithJitter(matrix, n);
  return new GaussianProcess(
    points, d, values, outputMean, outputScale, hyperparameters, lower, hyperparameters.noiseVariance + jitter,
  );
}
