/**
 * The empirical distribution function of a study's objective: for each value reached, the share
 * of trials at or below it. Curves of several strategies or studies on one chart show which tends
 * to find good values more often, not only which found the single best. Diverged trials (a
 * non-finite value) count in the total but never reach any value, so their curve stops below 1.
 */

/** One step of the distribution: the share of trials (in [0, 1]) with an objective at or below value. */
export interface EdfStep {
  value: number;
  share: number;
}

/** The distribution of one group of trials. */
export interface EmpiricalDistribution {
  /** Name of the group (a strategy, a study). */
  group: string;
  /** One step per distinct finite value, ascending. */
  steps: EdfStep[];
  /** Trials counted, diverged ones included. */
  count: number;
}

/** Steps of the empirical distribution of values, one per distinct finite value, ascending. */
export function empiricalDistribution(values: readonly number[]): EdfStep[] {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const steps: EdfStep[] = [];
  finite.forEach((value, index) => {
    const share = (index + 1) / values.length;
    if (steps.length > 0 && steps[steps.length - 1].value === value) steps[steps.length - 1].share = share;
    else steps.push({ value, share });
  });
  return steps;
}

/** Share of values at or below a threshold, in [0, 1] (0 for no values). */
export function shareAtOrBelow(values: readonly number[], threshold: number): number {
  if (values.length === 0) return 0;
  return values.filter((value) => Number.isFinite(value) && value <= threshold).length / values.length;
}

/** One distribution per group of items (in order of first appearance), e.g. per strategy or per study. */
export function groupedDistributions<T>(items: readonly T[], groupOf: (item: T) => string, valueOf: (item: T) => number): EmpiricalDistribution[] {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const group = groupOf(item);
    const values = groups.get(group) ?? [];
    values.push(valueOf(item));
    groups.set(group, values);
  }
  return [...groups].map(([group, values]) => ({ group, steps: empiricalDistribution(values), count: values.length }));
}
