/**
 * Layout of a strip plot: each group's values as dots along one shared axis, spread a little
 * across their row so equal values stay visible, with the group's median and quartiles.
 */
import { maxOf, minOf } from '../core/extent';

/** One row of a strip plot: a label, its values, and an optional note (such as a share of wins). */
export interface StripGroup {
  label: string;
  values: readonly number[];
  note?: string;
}

/** A group's finite values with their offset across the row (−1 … 1), and its quartiles. */
export interface StripRow {
  label: string;
  note?: string;
  dots: { value: number; offset: number }[];
  /** Values that were not finite (diverged or failed), counted apart. */
  missing: number;
  quartiles: { low: number; median: number; high: number } | null;
}

/** The value at quantile `q` (0 … 1) of sorted values, by linear interpolation. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Rows for `groups`; dots of values close together (within `closeness` of the domain) fan out across the row. */
export function stripRows(groups: readonly StripGroup[], closeness = 0.02): StripRow[] {
  const domain = stripDomain(groups);
  const width = domain[1] - domain[0] || 1;
  return groups.map(({ label, values, note }) => {
    const finite = values.filter(Number.isFinite);
    const sorted = [...finite].sort((a, b) => a - b);
    const placed: { value: number; offset: number }[] = [];
    for (const value of finite) {
      const neighbours = placed.filter((dot) => Math.abs(dot.value - value) < closeness * width).length;
      // 0, +1, −1, +2, −2 … steps of a third of the half-row, clamped to the row.
      const step = Math.ceil(neighbours / 2) * (neighbours % 2 ? 1 : -1);
      placed.push({ value, offset: Math.max(-1, Math.min(1, step / 3)) });
    }
    const quartiles = sorted.length ? { low: quantile(sorted, 0.25), median: quantile(sorted, 0.5), high: quantile(sorted, 0.75) } : null;
    return { label, note, dots: placed, missing: values.length - finite.length, quartiles };
  });
}

/** The [low, high] of every finite value of every group ([0, 1] when there is none). */
export function stripDomain(groups: readonly StripGroup[]): [number, number] {
  const all = groups.flatMap((group) => group.values.filter(Number.isFinite));
  if (all.length === 0) return [0, 1];
  const low = minOf(all);
  const high = maxOf(all);
  return low === high ? [low - 0.5 * Math.abs(low || 1), high + 0.5 * Math.abs(high || 1)] : [low, high];
}
