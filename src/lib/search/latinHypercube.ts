/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): n points in the unit cube such
 * that every dimension's n equal slices hold exactly one point each, so even a few points
 * spread over every axis. Used for the quasi-random search and the Bayesian initial design.
 */
import type { Random } from '../core/random';

/** n points of a Latin hypercube in [0, 1)^dimensions, each shape [dimensions], jittered within their cells. */
export function latinHypercube(n: number, dimensions: number, random: Random): Float64Array[] {
  const points = Array.from({ length: n }, () => new Float64Array(dimensions));
  for (let k = 0; k < dimensions; k++) {
    const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
    for (let i = 0; i < n; i++) points[i][k] = (order[i] + random.next()) / n;
  }
  return points;
}
