/**
 * The negative log marginal likelihood of a Gaussian process (Rasmussen & Williams 2006, eq. 5.8)
 * and its gradient (eq. 5.9) in log hyperparameters θ = [log ℓ₁..log ℓ_d, log σ², log σₙ²].
 */
import type { GaussianProcessHyperparameters } from './gaussianProcess';
import { kernelMatrixFromDifferences } from './kernels';
import { cholesky, choleskyInverse, solveLower, solveUpperTransposed } from './linalg';

const logTwoPi = Math.log(2 * Math.PI);

/** Negative log marginal likelihood of standardised values and its gradient w.r.t. θ = [log ℓ₁..log ℓ_d, log σ², log σₙ²]. */
export function negativeLogLikelihood(
  theta: Float64Array,
  differences: Float64Array,
  values: Float64Array,
  n: number,
  d: number,
): { value: number; gradient: Float64Array } {
  const lengthScales = theta.slice(0, d).map(Math.exp);
  const signalVariance = Math.exp(theta[d]);
  const noiseVariance = Math.exp(theta[d + 1]);
  const factors = new Float64Array((n * (n - 1)) / 2);
  const matrix = kernelMatrixFromDifferences(differences, n, { lengthScales, signalVariance }, noiseVariance, factors);
  const gradient = new Float64Array(d + 2);
  // A tiny fixed jitter keeps near-duplicate inputs factorisable without biasing the fit.
  for (let i = 0; i < n; i++) matrix[i * n + i] += 1e-10 * signalVariance;
  const lower = cholesky(matrix, n);
  if (!lower) return { value: Infinity, gradient };
  const alpha = solveUpperTransposed(lower, n, solveLower(lower, n, values));
  let value = 0.5 * n * logTwoPi;
  for (let i = 0; i < n; i++) value += 0.5 * values[i] * alpha[i] + Math.log(lower[i * n + i]);
  // ∂(−log p)/∂θ = ½ tr((K⁻¹ − ααᵀ) ∂K/∂θ); W = K⁻¹ − ααᵀ is symmetric, so each pair i > j counts twice.
  const inverse = choleskyInverse(lower, n);
  let signalTerm = 0;
  let noiseTerm = 0;
  let position = 0;
  let pair = 0;
  for (let i = 0; i < n; i++) {
    const diagonalWeight = inverse[i * n + i] - alpha[i] * alpha[i];
    signalTerm += 0.5 * diagonalWeight * signalVariance;
    noiseTerm += 0.5 * diagonalWeight * noiseVariance;
    for (let j = 0; j < i; j++) {
      const weight = inverse[i * n + j] - alpha[i] * alpha[j];
      signalTerm += weight * matrix[i * n + j];
      const weighted = weight * factors[pair++];
      for (let k = 0; k < d; k++) gradient[k] += weighted * differences[position++];
    }
  }
  for (let k = 0; k < d; k++) gradient[k] /= lengthScales[k] * lengthScales[k];
  gradient[d] = signalTerm;
  gradient[d + 1] = noiseTerm;
  return { value, gradient };
}

/** Hyperparameters as θ, the log values the optimiser works in. */
export function toTheta(hyperparameters: GaussianProcessHyperparameters, d: number): Float64Array {
  const theta = new Float64Array(d + 2);
  for (let k = 0; k < d; k++) theta[k] = Math.log(hyperparameters.lengthScales[k]);
  theta[d] = Math.log(hyperparameters.signalVariance);
  theta[d + 1] = Math.log(hyperparameters.noiseVariance);
  return theta;
}

/** Hyperparameters from θ. */
export function fromTheta(theta: Float64Array, d: number): GaussianProcessHyperparameters {
  return {
    lengthScales: theta.slice(0, d).map(Math.exp),
    signalVariance: Math.exp(theta[d]),
    noiseVariance: Math.exp(theta[d + 1]),
  };
}
