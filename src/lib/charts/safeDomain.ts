/**
 * Linear-scale domains that stay finite for any finite data. With values near ±1e308 a scale's span
 * (high − low), its padding and its .nice() steps overflow to Infinity, and d3 then maps values to NaN.
 */
import { finiteExtent } from '../core/extent';

/** Largest magnitude a domain end may have: four such spans still add up to a finite number. */
export const largestDomainEnd = Number.MAX_VALUE / 8;

/**
 * [low, high] of the finite values, each pulled in to ±largestDomainEnd so the span and .nice() stay
 * finite; `empty` when none is finite. Pair it with .clamp(true) so values past the ends sit on the edge.
 */
export function safeLinearDomain(values: ArrayLike<number>, empty: [number, number] = [0, 1]): [number, number] {
  const [low, high] = finiteExtent(values, empty);
  const pull = (value: number) => Math.max(-largestDomainEnd, Math.min(largestDomainEnd, value));
  return [pull(low), pull(high)];
}

/** Whether both coordinates of a point are finite numbers: for d3 line().defined(), so no path holds NaN. */
export function isFinitePoint(point: readonly [number, number]): boolean {
  return Number.isFinite(point[0]) && Number.isFinite(point[1]);
}

/**
 * A domain with some width: [low, high] as given when they differ, else the one value ±5% of its
 * size (±1 around 0), so an axis over a single result (one trial so far) has several readable ticks
 * around it instead of one tick in the middle of an empty axis.
 */
export function widenedDomain([low, high]: readonly [number, number]): [number, number] {
  if (low !== high) return [low, high];
  const pad = low === 0 ? 1 : Math.abs(low) * 0.05;
  return [low - pad, high + pad];
}
