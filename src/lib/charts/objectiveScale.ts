import { interpolateViridis, quantile, scaleSequential } from 'd3';
import type { Trial } from '../core/trial';

/** Colour of trials without a value (running, diverged, failed). */
export const missingValueColor = '#bbbbbb';

/**
 * Colour by objective, shared by every view: the best (lowest) values dark purple, the worst
 * yellow. The top of the domain is the 90th percentile, so one terrible trial doesn't wash out
 * the differences among the good ones. A `domain` given (pooledObjectiveDomain) replaces the trials' own.
 */
export function objectiveScale(trials: readonly Trial[], domain: [number, number] | null = objectiveDomain(trials)): (value: number | null) => string {
  if (!domain) return () => missingValueColor;
  const [low, high] = domain;
  const scale = scaleSequential(interpolateViridis).domain([low, high]).clamp(true);
  return (value) => (value === null || !Number.isFinite(value) ? missingValueColor : scale(value));
}

/** The values the objective colours span: the lowest and the 90th percentile (null without a value). */
export function objectiveDomain(trials: readonly Trial[]): [number, number] | null {
  const values = trials.flatMap((trial) => (trial.value !== null && Number.isFinite(trial.value) ? [trial.value] : [])).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const low = values[0];
  return [low, Math.max(quantile(values, 0.9) ?? values[values.length - 1], low + 1e-9)];
}

/** One colour domain for several charts (a race's lanes), over all their trials, so one value gets one colour in each. */
export function pooledObjectiveDomain(trialLists: readonly (readonly Trial[])[]): [number, number] | null {
  return objectiveDomain(trialLists.flat());
}
