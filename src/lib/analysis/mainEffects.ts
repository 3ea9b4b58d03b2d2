/**
 * Main effects of a fitted surface, as in functional ANOVA (Hooker 2007; Hutter, Hoos &
 * Leyton-Brown 2014, "An efficient approach for assessing hyperparameter importance"): the main
 * effect of dimension i at u is the surface averaged over all other dimensions with dimension i
 * held at u; its variance over u is the share of the surface's variation that i explains alone.
 *
 * The average over the other dimensions is a Monte-Carlo mean over base points drawn uniformly
 * in the unit cube (the search space's own measure: log dimensions log-uniform). Every grid
 * value of i uses the same base points, so a dimension the surface ignores gets exactly zero.
 */
import type { Random } from '../core/random';
import { cellCount, featureCount, featuresFromUnit, type Dimension } from '../core/space';
import type { MeanFunction } from './posteriorMean';

/** Grid points per real or log dimension (and per int dimension with more cells). */
export const gridSize = 16;

/** The main effect of one dimension on a grid of its unit coordinates. */
export interface MainEffect {
  /** Unit coordinates of the grid, shape [g]: cell centres for ints and choices. */
  grid: number[];
  /** Average surface at each grid point, output units, shape [g]. */
  effect: number[];
  /** Variance of the effect over the grid (each grid point weighs the same). */
  variance: number;
}

/** Unit coordinates at which a dimension's main effect is evaluated: one per cell of an int or choice, else gridSize midpoints. */
export function effectGrid(dimension: Dimension): number[] {
  const cells = cellCount(dimension);
  const count = Number.isFinite(cells) && cells <= 2 * gridSize ? cells : gridSize;
  return Array.from({ length: count }, (_, k) => (k + 0.5) / count);
}

/** Uniform base points of the unit cube for the Monte-Carlo average, shape [count][d]. */
export function basePoints(d: number, count: number, random: Random): Float64Array[] {
  return Array.from({ length: count }, () => Float64Array.from({ length: d }, () => random.next()));
}

/** Main effect of every dimension of the space under a mean function of the space's features. */
export function mainEffects(space: Dimension[], mean: MeanFunction, bases: Float64Array[]): MainEffect[] {
  const features = new Float64Array(featureCount(space));
  return space.map((dimension, i) => {
    const grid = effectGrid(dimension);
    const effect = grid.map((u) => {
      let sum = 0;
      for (const base of bases) {
        const held = base[i];
        base[i] = u;
        sum += mean(featuresFromUnit(space, base, features));
        base[i] = held;
      }
      return sum / bases.length;
    });
    const average = effect.reduce((total, value) => total + value, 0) / effect.length;
    const variance = effect.reduce((total, value) => total + (value - average) ** 2, 0) / effect.length;
    return { grid, effect, variance };
  });
}
