/**
 * TPE's "why this point" along one dimension: the good density l(x), the bad density g(x) and
 * their ratio l(x)/g(x), which TPE maximises over candidates drawn from l(x). In multivariate
 * mode these are the marginals of the joint densities along the dimension (the other
 * coordinates integrated out), so the curves are exact for what they show.
 */
import { cellCount, isConditional, snapUnit, toUnit, valueFromUnit, type Dimension, type Params } from '../core/space';
import { fitConditionalTpe } from './conditionalTpe';
import { logMarginalDensity, type ParzenEstimator } from './parzen';
import { defaultGamma, fitTpeDensities, type TpeModelOptions } from './tpe';

/** The curves of one dimension, one entry per grid point. */
export interface TpeSlice {
  /** Name of the dimension. */
  name: string;
  /** Grid in unit coordinates, shape [points]; for int and choice dimensions, one point per cell centre. */
  unit: number[];
  /** The dimension's values at the grid points. */
  values: (number | string)[];
  /** l(x): density of the good results (per unit coordinate; per cell for int and choice), shape [points]. */
  good: number[];
  /** g(x): density of the other results, shape [points]. */
  bad: number[];
  /** l(x) / g(x), shape [points]; the larger, the more TPE wants the point. */
  ratio: number[];
  /** Worst value counted as good (−Infinity before any result). */
  threshold: number;
  /** Number of results counted as good. */
  goodCount: number;
}

/**
 * l(x), g(x) and l(x)/g(x) along dimensionName for the results so far (in the order they were
 * told; failed trials left out), on a grid of `points` unit coordinates (default 101).
 */
export function computeTpeSlice(
  space: Dimension[],
  observations: { params: Params; value: number }[],
  dimensionName: string,
  options: TpeModelOptions & { points?: number } = {},
): TpeSlice {
  const k = space.findIndex((dimension) => dimension.name === dimensionName);
  if (k < 0) throw new Error(`invalid dimension: ${dimensionName}`);
  const dimension = space[k];
  const cells = cellCount(dimension);
  const points = options.points ?? 101;
  const unit = Number.isFinite(cells)
    ? Array.from({ length: cells }, (_, i) => (i + 0.5) / cells)
    : Array.from({ length: points }, (_, i) => (points === 1 ? 0.5 : i / (points - 1)));
  const finite = observations.filter((observation) => Number.isFinite(observation.value));
  const units = finite.map((observation) => ({ unit: snapUnit(space, toUnit(space, observation.params)), value: observation.value }));
  const densities = sliceDensities(space, units, k, options);
  const good = unit.map((x) => Math.exp(logMarginalDensity(densities.good, densities.index, x)));
  const bad = unit.map((x) => Math.exp(logMarginalDensity(densities.bad, densities.index, x)));
  return {
    name: dimension.name,
    unit,
    values: unit.map((x) => valueFromUnit(dimension, x)),
    good,
    bad,
    ratio: good.map((density, i) => density / bad[i]),
    threshold: densities.threshold,
    goodCount: densities.goodCount,
  };
}

/** The densities that hold dimension k and its index in them: in a conditional space, the model TPE itself uses. */
function sliceDensities(
  space: Dimension[],
  units: { unit: Float64Array; value: number }[],
  k: number,
  options: TpeModelOptions,
): { good: ParzenEstimator; bad: ParzenEstimator; index: number; threshold: number; goodCount: number } {
  if (!isConditional(space)) return { ...fitTpeDensities(space, units, options), index: k };
  const { gamma = defaultGamma, priorWeight = 1, multivariate = true, bandwidth = 'neighbours' } = options;
  const model = fitConditionalTpe(space, units, { gamma, priorWeight, multivariate, bandwidth });
  const pair = [...(model.base ? [model.base] : []), ...model.conditional].find((candidate) => candidate.indices.includes(k))!;
  return { good: pair.good, bad: pair.bad, index: pair.indices.indexOf(k), threshold: model.threshold, goodCount: model.goodCount };
}
