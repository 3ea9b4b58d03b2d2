/**
 * Whether two studies were run on the same problem, so their trials can be compared: the same
 * dataset (name, samples, noise, split, seed, cross-validation folds), the same objective, and the
 * same search space (names, kinds, ranges and values; order does not matter). Returns the first
 * difference in words, or null.
 */
import type { Dimension } from '../core/space';
import { formatNumber } from './describeValue';

/** The part of a study that defines its problem (structurally a study@2 export). */
export interface StudyProblem {
  dataset: {
    name: string;
    samples: number;
    noise: number;
    split: { train: number; validation: number; test: number };
    seed?: number;
    folds?: number;
  };
  objective: { metric: string; direction?: string };
  space: Dimension[];
}

function shown(value: unknown): string {
  if (value === undefined) return 'not given';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

function describeDimension(dimension: Dimension): string {
  if (dimension.type === 'choice') return `a choice of ${dimension.values.map(String).join(', ')}`;
  return `${dimension.type} from ${formatNumber(dimension.low)} to ${formatNumber(dimension.high)}`;
}

function sameDimension(a: Dimension, b: Dimension): boolean {
  if (a.type === 'choice' || b.type === 'choice') {
    return a.type === 'choice' && b.type === 'choice' && a.values.length === b.values.length && a.values.every((value, i) => value === b.values[i]);
  }
  return a.type === b.type && a.low === b.low && a.high === b.high;
}

/** The first way study b's problem differs from study a's, as "<what> is <b's> in <bName> but <a's> in <aName>", or null. */
export function problemDifference(a: StudyProblem, aName: string, b: StudyProblem, bName: string): string | null {
  const differs = (what: string, valueA: unknown, valueB: unknown) => `${what} is ${shown(valueB)} in ${bName} but ${shown(valueA)} in ${aName}`;
  const fields: [string, unknown, unknown][] = [
    ['the dataset', a.dataset.name, b.dataset.name],
    ['the number of samples', a.dataset.samples, b.dataset.samples],
    ['the dataset noise', a.dataset.noise, b.dataset.noise],
    ['the training share', a.dataset.split.train, b.dataset.split.train],
    ['the validation share', a.dataset.split.validation, b.dataset.split.validation],
    ['the test share', a.dataset.split.test, b.dataset.split.test],
    ['the dataset seed', a.dataset.seed, b.dataset.seed],
    ['the number of cross-validation folds', a.dataset.folds ?? 0, b.dataset.folds ?? 0],
    ['the objective', a.objective.metric, b.objective.metric],
    ['the objective direction', a.objective.direction, b.objective.direction],
  ];
  for (const [what, valueA, valueB] of fields) if (valueA !== valueB) return differs(what, valueA, valueB);
  for (const dimension of b.space) {
    const match = a.space.find((other) => other.name === dimension.name);
    if (!match) return `${bName} searches ${dimension.name}, which ${aName} does not`;
    if (!sameDimension(match, dimension)) return differs(`the range of ${dimension.name}`, describeDimension(match), describeDimension(dimension));
  }
  const missing = a.space.find((dimension) => !b.space.some((other) => other.name === dimension.name));
  if (missing) return `${aName} searches ${missing.name}, which ${bName} does not`;
  return null;
}
