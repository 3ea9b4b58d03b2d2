/**
 * A Parzen estimator (kernel density mixture) over the unit cube, the density model of TPE
 * (Bergstra, Bardenet, Bengio & Kégl 2011). One component per observation plus, optionally,
 * a broad prior component; real and log dimensions get a Gaussian truncated to [0, 1], int
 * dimensions the same Gaussian integrated over each integer's cell, choice dimensions a
 * categorical kernel that puts most mass on the observed value.
 *
 * Bandwidths follow Optuna's TPE sampler (Watanabe 2023, "Tree-structured Parzen estimator:
 * understanding its algorithm components"): by default ('neighbours', the original paper's rule)
 * each kernel is as wide, in each dimension, as the larger gap to its neighbours along that axis;
 * 'scott' gives all kernels a shared width 0.2·n^(−1/(d+4)), Optuna's multivariate rule. Both are
 * clipped to [1 / min(100, components), 1] ("magic clip").
 */
import { logNormalPdf, normalCdf } from '../gp/normal';
import type { Random } from '../core/random';
import { cellCount, type Dimension } from '../core/space';

/** The kernels of one dimension: Gaussians (real, log, int) or categorical rows (choice). */
export type DimensionKernels =
  | {
      kind: 'numeric';
      /** Cells of an int dimension; Infinity for real and log. */
      cells: number;
      /** Centres and widths, shape [components]. */
      mu: Float64Array;
      sigma: Float64Array;
      /** Log of each Gaussian's mass inside [0, 1], the truncation's normaliser, shape [components]. */
      logMass: Float64Array;
    }
  | { kind: 'categorical'; /** One row of probabilities per component, each shape [values]. */ probabilities: Float64Array[] };

/** A fitted Parzen estimator: mixture weights and each dimension's kernels. */
export interface ParzenEstimator {
  /** Mixture weights summing to 1, shape [components]; the prior, when used, is last. */
  weights: Float64Array;
  /** Kernels per dimension, in space order. */
  kernels: DimensionKernels[];
  /** Whether one component draws all coordinates (multivariate) or each dimension is its own mixture. */
  joint: boolean;
}

/** How to fit a Parzen estimator. */
export interface ParzenOptions {
  /** Weight of the prior component, relative to an observation's weight of up to 1 (0: no prior). */
  priorWeight: number;
  /** Fit one joint mixture (multivariate TPE) rather than one mixture per dimension. */
  multivariate: boolean;
  /** Kernel widths: 'neighbours' (default; per dimension, from the gaps between points) or 'scott' (one shared width). */
  bandwidth?: 'scott' | 'neighbours';
}

/**
 * Optuna's default observation weights, oldest first, shape [n]: all 1 up to 25 observations,
 * beyond that the older ones ramp linearly from 1/n up to 1 and the newest 25 keep weight 1.
 */
export function observationWeights(n: number): Float64Array {
  const weights = new Float64Array(n).fill(1);
  const ramp = n - 25;
  for (let i = 0; i < ramp; i++) weights[i] = ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1);
  return weights;
}

/** Mass of N(mu, sigma²) in [0, 1], the truncation's normaliser. */
function truncationMass(mu: number, sigma: number): number {
  return Math.max(normalCdf((1 - mu) / sigma) - normalCdf(-mu / sigma), 1e-300);
}

function neighbourSigmas(mu: Float64Array): Float64Array {
  const order = Array.from(mu, (_, i) => i).sort((a, b) => mu[a] - mu[b]);
  const sigma = new Float64Array(mu.length).fill(1);
  const n = order.length;
  for (let rank = 0; rank < n; rank++) {
    // Optuna ignores the cube's faces as neighbours ("consider_endpoints = False").
    const left = rank > 0 ? mu[order[rank]] - mu[order[rank - 1]] : -Infinity;
    const right = rank < n - 1 ? mu[order[rank + 1]] - mu[order[rank]] : -Infinity;
    sigma[order[rank]] = n === 1 ? 1 : Math.max(left, right);
  }
  return sigma;
}

/**
 * Fits the estimator to points of the unit cube (each shape [dimensions], ints and choices at
 * their cell centres) with a weight per point, shape [points].
 */
export function fitParzen(space: Dimension[], points: Float64Array[], pointWeights: ArrayLike<number>, options: ParzenOptions): ParzenEstimator {
  const withPrior = options.priorWeight > 0 || points.length === 0;
  const components = points.length + (withPrior ? 1 : 0);
  const weights = new Float64Array(components);
  for (let i = 0; i < points.length; i++) weights[i] = pointWeights[i];
  if (withPrior) weights[points.length] = options.priorWeight > 0 ? options.priorWeight : 1;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < components; i++) weights[i] /= total;

  const minSigma = 1 / Math.min(100, 1 + components);
  const scott = 0.2 * Math.max(points.length, 1) ** (-1 / (space.length + 4));
  const kernels = space.map((dimension, k): DimensionKernels => {
    if (dimension.type === 'choice') {
      const size = dimension.values.length;
      // A floor keeps every value possible when there is no prior, so log l(x) − log g(x) stays finite.
      const priorShare = Math.max(options.priorWeight / size, 1e-12);
      const probabilities = points.map((point) => {
        const row = new Float64Array(size).fill(priorShare);
        row[Math.min(size - 1, Math.floor(point[k] * size))] += 1;
        const rowTotal = row.reduce((sum, p) => sum + p, 0);
        return row.map((p) => p / rowTotal);
      });
      if (withPrior) probabilities.push(new Float64Array(size).fill(1 / size));
      return { kind: 'categorical', probabilities };
    }
    const mu = new Float64Array(components);
    for (let i = 0; i < points.length; i++) mu[i] = points[i][k];
    if (withPrior) mu[points.length] = 0.5;
    const scottWidths = options.bandwidth === 'scott';
    const sigma = scottWidths ? new Float64Array(components).fill(scott) : neighbourSigmas(mu);
    for (let i = 0; i < components; i++) sigma[i] = Math.min(1, Math.max(minSigma, sigma[i]));
    if (withPrior) sigma[points.length] = 1;
    const logMass = mu.map((centre, j) => Math.log(truncationMass(centre, sigma[j])));
    return { kind: 'numeric', cells: cellCount(dimension), mu, sigma, logMass };
  });
  return { weights, kernels, joint: options.multivariate };
}

/** Log density (real, log) or log cell probability (int, choice) of component j of one dimension at unit coordinate x. */
export function logKernel(kernels: DimensionKernels, j: number, x: number): number {
  if (kernels.kind === 'categorical') {
    const row = kernels.probabilities[j];
    return Math.log(row[Math.min(row.length - 1, Math.max(0, Math.floor(x * row.length)))]);
  }
  const mu = kernels.mu[j];
  const sigma = kernels.sigma[j];
  const logMass = kernels.logMass[j];
  if (!Number.isFinite(kernels.cells)) return logNormalPdf((x - mu) / sigma) - Math.log(sigma) - logMass;
  const cells = kernels.cells;
  const cell = Math.min(cells - 1, Math.max(0, Math.floor(x * cells)));
  const cellMass = normalCdf((cell + 1) / cells / sigma - mu / sigma) - normalCdf(cell / cells / sigma - mu / sigma);
  // Far in the tail the difference of two CDFs rounds to 0: use the density at the centre times the width.
  if (cellMass > 1e-12) return Math.log(cellMass) - logMass;
  return logNormalPdf(((cell + 0.5) / cells - mu) / sigma) - Math.log(sigma * cells) - logMass;
}

function logSumExp(values: Float64Array): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/** Log of the estimator's marginal density along dimension k at unit coordinate x (the 1-D mixture). */
export function logMarginalDensity(estimator: ParzenEstimator, k: number, x: number): number {
  const terms = new Float64Array(estimator.weights.length);
  for (let j = 0; j < terms.length; j++) terms[j] = Math.log(estimator.weights[j]) + logKernel(estimator.kernels[k], j, x);
  return logSumExp(terms);
}

/** Log density of the estimator at a unit point, shape [dimensions]. */
export function logDensity(estimator: ParzenEstimator, point: ArrayLike<number>): number {
  const d = estimator.kernels.length;
  if (!estimator.joint) {
    let sum = 0;
    for (let k = 0; k < d; k++) sum += logMarginalDensity(estimator, k, point[k]);
    return sum;
  }
  const terms = new Float64Array(estimator.weights.length);
  for (let j = 0; j < terms.length; j++) {
    let term = Math.log(estimator.weights[j]);
    for (let k = 0; k < d; k++) term += logKernel(estimator.kernels[k], j, point[k]);
    terms[j] = term;
  }
  return logSumExp(terms);
}

function pickIndex(probabilities: ArrayLike<number>, random: Random): number {
  let u = random.next();
  for (let i = 0; i < probabilities.length - 1; i++) {
    u -= probabilities[i];
    if (u < 0) return i;
  }
  return probabilities.length - 1;
}

function sampleKernel(kernels: DimensionKernels, j: number, random: Random): number {
  if (kernels.kind === 'categorical') {
    const row = kernels.probabilities[j];
    return (pickIndex(row, random) + 0.5) / row.length;
  }
  const mu = kernels.mu[j];
  const sigma = kernels.sigma[j];
  let x = mu + sigma * random.normal();
  // Rejection sampling of the truncated Gaussian: its mean is in the cube and sigma ≤ 1, so at least ~1/3 is accepted.
  for (let tries = 0; tries < 100 && (x < 0 || x > 1); tries++) x = mu + sigma * random.normal();
  x = Math.min(1, Math.max(0, x));
  if (!Number.isFinite(kernels.cells)) return x;
  return (Math.min(kernels.cells - 1, Math.floor(x * kernels.cells)) + 0.5) / kernels.cells;
}

/** Draws count points from the estimator, each shape [dimensions], ints and choices at their cell centres. */
export function sampleParzen(estimator: ParzenEstimator, count: number, random: Random): Float64Array[] {
  const d = estimator.kernels.length;
  return Array.from({ length: count }, () => {
    const point = new Float64Array(d);
    const shared = estimator.joint ? pickIndex(estimator.weights, random) : -1;
    for (let k = 0; k < d; k++) {
      const j = estimator.joint ? shared : pickIndex(estimator.weights, random);
      point[k] = sampleKernel(estimator.kernels[k], j, random);
    }
    return point;
  });
}
