/**
 * Which searched settings mattered: a functional-ANOVA decomposition (mainEffects.ts) of a
 * Gaussian process fitted to the study's own trials, whatever strategy proposed them.
 *
 * Each setting's importance is the variance of its main effect, as a share of the main effects'
 * total, so the shares add up to 1 (variation due only to interactions is not shown; Optuna's
 * importance evaluators normalise the same way, where fANOVA reports shares of the total variance). The band is the 10th–90th percentile of the shares refitted on
 * bootstrap resamples of the trials (kernel hyperparameters kept from the full fit), widened to
 * contain the estimate. With fewer than 3 trials, or one objective value, nothing can be told
 * apart: every setting gets an equal share and the band [0, 1]. Diverged trials count as the
 * worst finished one (observations.ts). Beyond 200 trials the surface is fitted to a seeded random
 * 200 of them, its kernel tuned on 100 of those, to keep the analysis near a second.
 */
import { createRandom, type Random } from '../core/random';
import type { Dimension } from '../core/space';
import { fitGaussianProcess } from '../gp/fitGaussianProcess';
import type { GaussianProcessHyperparameters } from '../gp/gaussianProcess';
import { basePoints, mainEffects, type MainEffect } from './mainEffects';
import { prepareObservations, selectObservations, type Observation, type PreparedObservations } from './observations';
import { posteriorMean } from './posteriorMean';

export type { Observation } from './observations';

/** How much one setting mattered: its share in [0, 1] and an uncertainty band low ≤ share ≤ high. */
export interface ParameterImportance {
  name: string;
  importance: number;
  low: number;
  high: number;
}

/** Everything the importance analysis found, for views and warnings. */
export interface ImportanceAnalysis {
  /** Most important first. */
  importances: ParameterImportance[];
  /** Main effect of each dimension, in space order; null when there was too little to fit. */
  effects: MainEffect[] | null;
  /** Every encoded observation (beyond 200 the surface was fitted to a subset of them). */
  prepared: PreparedObservations;
}

/** Settings of the analysis beyond the seed. */
export interface ImportanceOptions {
  seed: number;
  /** Bootstrap resamples for the band (default 16). */
  resamples?: number;
  /** Monte-Carlo base points for the averages (default 64). */
  basePointCount?: number;
}

/** Fewest observations the surface is fitted to; below it every setting gets an equal share. */
export const minimumObservations = 3;

/** Most observations the surface is fitted to (a seeded random subset beyond), since a fit costs O(n³). */
export const maxObservations = 200;

/** Most observations the kernel's hyperparameters are tuned on (each of ~100 likelihood steps costs O(n³)). */
export const maxTuningObservations = 100;

/** count distinct indices from [0, n), ascending. */
function randomSubset(n: number, count: number, random: Random): number[] {
  return random.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, count).sort((a, b) => a - b);
}

function shares(effects: MainEffect[]): number[] {
  const total = effects.reduce((sum, effect) => sum + effect.variance, 0);
  if (!(total > 0) || !Number.isFinite(total)) return effects.map(() => 1 / effects.length);
  return effects.map((effect) => effect.variance / total);
}

function quantile(sorted: number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

function resampledShares(
  space: Dimension[],
  prepared: PreparedObservations,
  hyperparameters: GaussianProcessHyperparameters,
  bases: Float64Array[],
  resamples: number,
  random: Random,
): number[][] {
  const n = prepared.values.length;
  const f = prepared.featureCount;
  const results: number[][] = [];
  for (let r = 0; r < resamples; r++) {
    const points = new Float64Array(n * f);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const pick = random.int(n);
      points.set(prepared.features.subarray(pick * f, (pick + 1) * f), i * f);
      values[i] = prepared.values[pick];
    }
    results.push(shares(mainEffects(space, posteriorMean(points, f, values, hyperparameters), bases)));
  }
  return results;
}

function isConstant(values: Float64Array): boolean {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return !(high - low > 1e-12 * Math.max(Math.abs(high), Math.abs(low)));
}

/** The importance of each setting with its main effects; see parameterImportance. */
export function analyseImportance(space: Dimension[], observations: readonly Observation[], options: ImportanceOptions): ImportanceAnalysis {
  const { seed, resamples = 16, basePointCount = 64 } = options;
  const prepared = prepareObservations(space, observations);
  const n = prepared.values.length;
  if (space.length === 0) return { importances: [], effects: null, prepared };
  if (n < minimumObservations || isConstant(prepared.values)) {
    const share = 1 / space.length;
    const importances = space.map(({ name }) => ({ name, importance: share, low: space.length === 1 ? 1 : 0, high: 1 }));
    return { importances, effects: null, prepared };
  }
  const random = createRandom(seed);
  const fitted = n > maxObservations ? selectObservations(prepared, randomSubset(n, maxObservations, random.fork('subset'))) : prepared;
  const tuned = fitted.values.length > maxTuningObservations
    ? selectObservations(fitted, randomSubset(fitted.values.length, maxTuningObservations, random.fork('tuning')))
    : fitted;
  const model = fitGaussianProcess(tuned.features, tuned.values, { random: random.fork('fit'), restarts: 0, maxIterations: 40 });
  const { hyperparameters } = model;
  const bases = basePoints(space.length, basePointCount, random.fork('bases'));
  const effects = mainEffects(space, posteriorMean(fitted.features, fitted.featureCount, fitted.values, hyperparameters), bases);
  const estimate = shares(effects);
  // The resamples average over half the base points: the band is about the data, and this halves its cost.
  const resampleBases = bases.slice(0, Math.ceil(bases.length / 2));
  const resampled = resampledShares(space, fitted, hyperparameters, resampleBases, resamples, random.fork('bootstrap'));
  const importances = space.map(({ name }, i) => {
    const sorted = resampled.map((row) => row[i]).filter((share) => Number.isFinite(share)).sort((a, b) => a - b);
    const low = sorted.length > 0 ? Math.min(estimate[i], quantile(sorted, 0.1)) : 0;
    const high = sorted.length > 0 ? Math.max(estimate[i], quantile(sorted, 0.9)) : 1;
    return { name, importance: estimate[i], low, high };
  });
  importances.sort((a, b) => b.importance - a.importance);
  return { importances, effects, prepared };
}

/**
 * How much each searched setting mattered to the objective, from complete trials' `{ params, value }`
 * (non-finite value = diverged): shares in [0, 1] adding up to 1, most important first, each with
 * a low–high band.
 */
export function parameterImportance(
  space: Dimension[],
  observations: { params: Observation['params']; value: number }[],
  options: { seed: number },
): ParameterImportance[] {
  return analyseImportance(space, observations, { seed: options.seed }).importances;
}
