/**
 * Smallest, largest and appended values by plain loops. `Math.min(...values)` and
 * `push(...items)` pass every value as an argument, and Chromium throws "Maximum call stack size
 * exceeded" past about 120,000 of them; these take any length (an ESLint rule forbids the spreads in src).
 */

/** The smallest value, as Math.min gives it: NaN if any value is NaN, Infinity for none. */
export function minOf(values: ArrayLike<number>): number {
  let smallest = Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) return NaN;
    if (value < smallest) smallest = value;
  }
  return smallest;
}

/** The largest value, as Math.max gives it: NaN if any value is NaN, -Infinity for none. */
export function maxOf(values: ArrayLike<number>): number {
  let largest = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) return NaN;
    if (value > largest) largest = value;
  }
  return largest;
}

/** [smallest, largest] of the finite values (NaN and ±Infinity skipped), or `empty` when there are none. */
export function finiteExtent(values: ArrayLike<number>, empty: [number, number] = [0, 1]): [number, number] {
  let smallest = Infinity;
  let largest = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    if (value < smallest) smallest = value;
    if (value > largest) largest = value;
  }
  return smallest <= largest ? [smallest, largest] : empty;
}

/** Appends every item to target, in order, and returns target. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
