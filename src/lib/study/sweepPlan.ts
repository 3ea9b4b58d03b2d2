/**
 * Plans of the two diagnostic sweeps, as plain data: which rows and settings each run trains.
 * A learning curve over training-set size trains one configuration on growing subsets of the
 * training split; a validation curve trains it with one setting swept over a few values. Each
 * point is repeated with several seeds, so the chart can show how much a result varies.
 */
import type { ModelSettings } from '../core/modelSettings';
import { createRandom } from '../core/random';

/** One training run of a sweep: where it sits on the x axis, its seed, rows and settings. */
export interface SweepRun {
  /** The x value: a number of training rows, or the swept setting's value. */
  x: number;
  /** Seed of the subset and of the model's initial weights. */
  seed: number;
  /** Rows to fit on, ascending. */
  trainIndices: number[];
  /** Settings of this run. */
  settings: ModelSettings;
}

/** Evenly spaced fractions of the training split, from `smallest` to 1: e.g. 5 → 0.1, 0.325, 0.55, 0.775, 1. */
export function sizeFractions(count: number, smallest = 0.1): number[] {
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`a learning curve needs at least 2 sizes, got ${count}`);
  if (!(smallest > 0 && smallest < 1)) throw new RangeError(`the smallest fraction must lie in (0, 1), got ${smallest}`);
  return Array.from({ length: count }, (_, index) => smallest + ((1 - smallest) * index) / (count - 1));
}

/**
 * A random subset of `rows` of the given size, ascending, drawn with `seed`. Subsets of one seed
 * are nested (the first n rows of one shuffle), so a larger size only adds rows.
 */
export function trainingSubset(rows: readonly number[], size: number, seed: number): number[] {
  if (!Number.isInteger(size) || size < 1 || size > rows.length) throw new RangeError(`subset size must be from 1 to ${rows.length}, got ${size}`);
  const shuffled = createRandom(seed).fork('training-subset').shuffle([...rows]);
  return shuffled.slice(0, size).sort((a, b) => a - b);
}

/** Runs of a learning curve over training-set size: every fraction (at least `minimumRows` rows) times every seed. */
export function sizeSweepPlan(
  trainIndices: readonly number[],
  settings: ModelSettings,
  options: { fractions: readonly number[]; seeds: readonly number[]; minimumRows?: number },
): SweepRun[] {
  const minimumRows = Math.min(options.minimumRows ?? 4, trainIndices.length);
  const sizes = [...new Set(options.fractions.map((fraction) => Math.max(minimumRows, Math.round(fraction * trainIndices.length))))];
  return sizes.flatMap((size) =>
    options.seeds.map((seed) => ({ x: size, seed, trainIndices: trainingSubset(trainIndices, size, seed), settings: { ...settings } })),
  );
}

/** The settings a validation curve may sweep (numbers only), with the values offered by default (few: every value trains once per seed). */
export const sweepableSettings = {
  units: [2, 8, 32],
  hiddenLayers: [0, 1, 3],
  l2: [0, 1e-3, 1e-1],
  learningRate: [0.001, 0.03, 1],
  dropout: [0, 0.25, 0.5],
  degree: [1, 3, 9],
  epochs: [5, 20, 80],
} as const satisfies Partial<Record<keyof ModelSettings, readonly number[]>>;

/** Name of a setting a validation curve can sweep. */
export type SweepableSetting = keyof typeof sweepableSettings;

/** Runs of a validation curve: the setting at every value times every seed, on the whole training split. */
export function validationSweepPlan(
  trainIndices: readonly number[],
  settings: ModelSettings,
  options: { setting: SweepableSetting; values: readonly number[]; seeds: readonly number[] },
): SweepRun[] {
  if (!Object.hasOwn(sweepableSettings, options.setting)) throw new Error(`invalid setting to sweep: ${options.setting}`);
  const values = [...new Set(options.values)].sort((a, b) => a - b);
  if (values.length < 2) throw new RangeError('a validation curve needs at least 2 different values');
  if (values.some((value) => !Number.isFinite(value))) throw new RangeError(`every value of ${options.setting} must be a number`);
  return values.flatMap((value) =>
    options.seeds.map((seed) => ({ x: value, seed, trainIndices: [...trainIndices], settings: { ...settings, [options.setting]: value } })),
  );
}

/** Numbers from a comma- or space-separated list ("2, 8, 32"); throws naming the first that is not one. */
export function parseValueList(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  return parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value)) throw new Error(`"${part}" is not a number`);
    return value;
  });
}
