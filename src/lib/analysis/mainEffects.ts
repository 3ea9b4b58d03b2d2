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
import { cellCount, featuresFromUnit, type Dimension } from '../core/space';
import type { KernelSurface } from './posteriorMean';

const sqrtFive = Math.sqrt(5);

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

/** Where each dimension's features sit in the feature vector: offset and width (1, or a choice's value count). */
function featureSlots(space: Dimension[]): { offset: number; width: number }[] {
  let offset = 0;
  return space.map((dimension) => {
    const width = dimension.type === 'choice' ? dimension.values.length : 1;
    const slot = { offset, width };
    offset += width;
    return slot;
  });
}

/**
 * Main effect of every dimension of the space under a kernel surface over the space's features.
 * The squared scaled distance from a point to an observation is a sum over dimensions, so it is
 * computed once per base point and observation, and only dimension i's part is swapped for each
 * grid value: O(bases · grid · n) kernel evaluations in all, not O(bases · grid · n · features).
 */
export function mainEffects(space: Dimension[], surface: KernelSurface, bases: Float64Array[]): MainEffect[] {
  const { count: n, dimensions: f, scaledPoints, inverseScales, weights, offset } = surface;
  const d = space.length;
  const slots = featureSlots(space);
  const features = new Float64Array(f);
  // parts[(b·n + j)·d + i]: dimension i's share of the squared distance from base b to observation j.
  const parts = new Float64Array(bases.length * n * d);
  const totals = new Float64Array(bases.length * n);
  bases.forEach((base, b) => {
    featuresFromUnit(space, base, features);
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let i = 0; i < d; i++) {
        let part = 0;
        for (let k = slots[i].offset; k < slots[i].offset + slots[i].width; k++) {
          const difference = scaledPoints[j * f + k] - features[k] * inverseScales[k];
          part += difference * difference;
        }
        parts[(b * n + j) * d + i] = part;
        total += part;
      }
      totals[b * n + j] = total;
    }
  });
  const unit = new Float64Array(d);
  const gridPart = new Float64Array(n);
  return space.map((dimension, i) => {
    const grid = effectGrid(dimension);
    const { offset: first, width } = slots[i];
    const effect = grid.map((u) => {
      unit[i] = u;
      featuresFromUnit(space, unit, features);
      for (let j = 0; j < n; j++) {
        let part = 0;
        for (let k = first; k < first + width; k++) {
          const difference = scaledPoints[j * f + k] - features[k] * inverseScales[k];
          part += difference * difference;
        }
        gridPart[j] = part;
      }
      let sum = 0;
      for (let b = 0; b < bases.length; b++) {
        for (let j = 0; j < n; j++) {
          const squared = Math.max(0, totals[b * n + j] - parts[(b * n + j) * d + i] + gridPart[j]);
          const root = sqrtFive * Math.sqrt(squared);
          sum += weights[j] * (1 + root + (root * root) / 3) * Math.exp(-root);
        }
      }
      return offset + sum / bases.length;
    });
    const average = effect.reduce((total, value) => total + value, 0) / effect.length;
    const variance = effect.reduce((total, value) => total + (value - average) ** 2, 0) / effect.length;
    return { grid, effect, variance };
  });
}
