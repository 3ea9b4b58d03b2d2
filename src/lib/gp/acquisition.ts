/**
 * Acquisition functions for minimisation: how much a point is worth evaluating next, given
 * the surrogate's posterior mean and standard deviation there and the best value so far.
 * Each takes plain numbers, so a constant stub surrogate can check them against golden values.
 */
import type { Random } from '../core/random';
import { cholesky } from './linalg';
import { logExpectedImprovementFactor, logNormalCdf, normalCdf } from './normal';

/** Names of the acquisition functions a person can choose. */
export type AcquisitionName = 'expected-improvement' | 'probability-of-improvement' | 'upper-confidence-bound' | 'thompson-sampling';

/**
 * Expected improvement below best − xi (Jones, Schonlau & Welch 1998):
 * (best − xi − mean)·Φ(z) + std·φ(z), z = (best − xi − mean)/std; in output units, ≥ 0.
 */
export function expectedImprovement(mean: number, std: number, best: number, xi = 0): number {
  const gap = best - xi - mean;
  if (!(std > 0)) return Math.max(0, gap);
  return std * Math.exp(logExpectedImprovementFactor(gap / std));
}

/**
 * Natural log of expected improvement, finite far into the tail where the plain value
 * underflows to 0, so flat regions still rank; −Infinity only where std is 0 and no gain is possible.
 */
export function logExpectedImprovement(mean: number, std: number, best: number, xi = 0): number {
  const gap = best - xi - mean;
  if (!(std > 0)) return gap > 0 ? Math.log(gap) : -Infinity;
  return Math.log(std) + logExpectedImprovementFactor(gap / std);
}

/** Probability that the value falls below best − xi (Kushner 1964): Φ((best − xi − mean)/std), in [0, 1]. */
export function probabilityOfImprovement(mean: number, std: number, best: number, xi = 0): number {
  const gap = best - xi - mean;
  if (!(std > 0)) return gap > 0 ? 1 : 0;
  return normalCdf(gap / std);
}

/** Natural log of probability of improvement, finite far into the tail. */
export function logProbabilityOfImprovement(mean: number, std: number, best: number, xi = 0): number {
  const gap = best - xi - mean;
  if (!(std > 0)) return gap > 0 ? 0 : -Infinity;
  return logNormalCdf(gap / std);
}

/**
 * The optimistic confidence bound for minimisation, mean − kappa·std (Srinivas et al. 2010,
 * "GP-UCB" with the sign flipped): smaller is more promising, in output units.
 */
export function upperConfidenceBound(mean: number, std: number, kappa = 2): number {
  return mean - kappa * std;
}

/**
 * One Thompson sample (Thompson 1933): a draw from the joint posterior at m candidates,
 * given their means (shape [m]) and covariance (shape [m*m]); returns the sampled values,
 * shape [m], whose smallest entry marks the proposal.
 */
export function thompsonSample(mean: Float64Array, covariance: Float64Array, random: Random): Float64Array {
  const m = mean.length;
  let meanDiagonal = 0;
  for (let i = 0; i < m; i++) meanDiagonal += Math.max(0, covariance[i * m + i]) / m;
  const shifted = new Float64Array(covariance);
  let lower: Float64Array | null = null;
  // The posterior covariance is often numerically singular: add the least jitter that factorises it.
  for (let jitter = 1e-10; !lower && jitter <= 1; jitter *= 10) {
    for (let i = 0; i < m; i++) shifted[i * m + i] = covariance[i * m + i] + jitter * (meanDiagonal || 1);
    lower = cholesky(shifted, m);
  }
  const normals = new Float64Array(m);
  for (let i = 0; i < m; i++) normals[i] = random.normal();
  const sample = Float64Array.from(mean);
  if (!lower) {
    for (let i = 0; i < m; i++) sample[i] += Math.sqrt(Math.max(0, covariance[i * m + i])) * normals[i];
    return sample;
  }
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let k = 0; k <= i; k++) sum += lower[i * m + k] * normals[k];
    sample[i] += sum;
  }
  return sample;
}
