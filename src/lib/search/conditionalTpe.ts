/**
 * TPE on a conditional space, as Optuna does it: the results are split into good and bad once,
 * over all of them, and each conditional dimension's l(x) and g(x) are fitted only on the
 * results where that dimension was active (Bergstra et al. 2011 section 4: each node of the
 * tree gets its own densities). The unconditional dimensions keep one model (joint when
 * multivariate). A candidate's score is the base model's log l − log g plus, for each
 * conditional dimension active at the candidate, that dimension's log l − log g; whole
 * candidates are ranked (no per-dimension pick as in plain univariate TPE).
 */
import type { Random } from '../core/random';
import { activeAtUnit, type Dimension } from '../core/space';
import { fitParzen, logDensity, observationWeights, sampleParzen, type ParzenEstimator, type ParzenOptions } from './parzen';

/** Good and bad densities over some dimensions of the space (indices into it). */
export interface DensityPair {
  /** Indices of the dimensions the densities cover, in space order. */
  indices: number[];
  good: ParzenEstimator;
  bad: ParzenEstimator;
}

/** The fitted conditional model, and where the results were split. */
export interface ConditionalTpeModel {
  /** Densities over the unconditional dimensions, or null when every dimension is conditional. */
  base: DensityPair | null;
  /** One 1-D pair per conditional dimension, in space order. */
  conditional: DensityPair[];
  /** Worst value counted as good (−Infinity before any). */
  threshold: number;
  /** Number of good results. */
  goodCount: number;
}

/** Settings of the conditional model; gamma as in TpeOptions. */
export interface ConditionalTpeOptions extends ParzenOptions {
  gamma: (n: number) => number;
}

function project(point: ArrayLike<number>, indices: number[]): Float64Array {
  return Float64Array.from(indices, (k) => point[k]);
}

function fitPair(space: Dimension[], indices: number[], good: Float64Array[], bad: Float64Array[], options: ParzenOptions): DensityPair {
  const subspace = indices.map((k) => space[k]);
  const fit = (points: Float64Array[]) => {
    const projected = points.map((point) => project(point, indices));
    return fitParzen(subspace, projected, observationWeights(projected.length), options);
  };
  return { indices, good: fit(good), bad: fit(bad) };
}

/**
 * The base model over the unconditional dimensions (null if there are none) and one 1-D model per
 * conditional dimension, each fitted only on the points where it is active; extraBad (e.g. pending
 * trials, unit points) join the bad results.
 */
export function fitConditionalTpe(
  space: Dimension[],
  observations: { unit: Float64Array; value: number }[],
  options: ConditionalTpeOptions,
  extraBad: Float64Array[] = [],
): ConditionalTpeModel {
  const n = observations.length;
  const goodCount = Math.max(0, Math.min(n, Math.round(options.gamma(n))));
  const ranked = observations.map((observation, order) => ({ observation, order })).sort((a, b) => a.observation.value - b.observation.value || a.order - b.order);
  const isGood = new Uint8Array(n);
  for (let r = 0; r < goodCount; r++) isGood[ranked[r].order] = 1;
  const good = observations.filter((_, i) => isGood[i]).map((observation) => observation.unit);
  const bad = [...observations.filter((_, i) => !isGood[i]).map((observation) => observation.unit), ...extraBad];
  const baseIndices = space.flatMap((dimension, k) => (dimension.when ? [] : [k]));
  const base = baseIndices.length > 0 ? fitPair(space, baseIndices, good, bad, options) : null;
  const conditional = space.flatMap((dimension, k) => {
    if (!dimension.when) return [];
    const activeIn = (points: Float64Array[]) => points.filter((point) => activeAtUnit(space, point)[k]);
    return [fitPair(space, [k], activeIn(good), activeIn(bad), { ...options, multivariate: false })];
  });
  return { base, conditional, threshold: goodCount > 0 ? ranked[goodCount - 1].observation.value : -Infinity, goodCount };
}

/** Candidates (unit points, shape [dimensions]) drawn from the good densities, best score first. */
export function rankConditionalCandidates(
  space: Dimension[],
  model: Pick<ConditionalTpeModel, 'base' | 'conditional'>,
  count: number,
  random: Random,
): Float64Array[] {
  const candidates = Array.from({ length: count }, () => new Float64Array(space.length).fill(0.5));
  for (const pair of [...(model.base ? [model.base] : []), ...model.conditional]) {
    const drawn = sampleParzen(pair.good, count, random);
    drawn.forEach((point, c) => pair.indices.forEach((k, j) => (candidates[c][k] = point[j])));
  }
  const ratio = (pair: DensityPair, point: Float64Array) => {
    const projected = project(point, pair.indices);
    return logDensity(pair.good, projected) - logDensity(pair.bad, projected);
  };
  const scored = candidates.map((point) => {
    const active = activeAtUnit(space, point);
    let score = model.base ? ratio(model.base, point) : 0;
    for (const pair of model.conditional) if (active[pair.indices[0]]) score += ratio(pair, point);
    return { point, score };
  });
  return scored.sort((a, b) => b.score - a.score).map(({ point }) => point);
}
