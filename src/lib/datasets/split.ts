import { createRandom, type Random } from '../core/random';
import { appendAll } from '../core/extent';
import type { Dataset, Split } from './dataset';

/** Fractions of the rows in each part of a split; each in [0, 1], together 1, train above 0. */
export interface SplitFractions {
  /** Share the model learns from. */
  train: number;
  /** Share the search scores trials on. */
  validation: number;
  /** Share held back from the search. */
  test: number;
}

/** One fold of k-fold cross-validation: row indices to fit on and to score on. */
export interface Fold {
  /** Rows to fit on, ascending. */
  train: number[];
  /** Rows to score on, ascending. */
  validation: number[];
}

/** The parts of a dataset a split reads: its size and, for stratification, the class of each row. */
export type SplitSource = Pick<Dataset, 'size' | 'targets' | 'classCount'>;

const partNames = ['train', 'validation', 'test'] as const;

/** Row indices grouped by class (one group for regression), each group shuffled by `random`. */
function shuffledGroups(source: Pick<Dataset, 'targets' | 'classCount'>, indices: readonly number[], random: Random): number[][] {
  const groupCount = Math.max(1, source.classCount);
  const groups: number[][] = Array.from({ length: groupCount }, () => []);
  for (const index of indices) {
    const group = source.classCount > 0 ? source.targets[index] : 0;
    if (!Number.isInteger(group) || group < 0 || group >= groupCount) {
      throw new RangeError(`row ${index} has class ${group}, outside 0..${groupCount - 1}`);
    }
    groups[group].push(index);
  }
  for (const group of groups) random.shuffle(group);
  return groups;
}

/** Largest-remainder rounding: integers that sum to `total`, each floor or ceil of total * weight. */
function apportion(total: number, weights: readonly number[]): number[] {
  const ideal = weights.map((weight) => total * weight);
  const counts = ideal.map(Math.floor);
  const order = ideal.map((value, part) => ({ part, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.part - b.part);
  let left = total - counts.reduce((sum, count) => sum + count, 0);
  for (const { part } of order) {
    if (left <= 0) break;
    counts[part]++;
    left--;
  }
  return counts;
}

/**
 * Counts per class and part, shape [groups][3]: each within one of its ideal share, and the
 * part totals equal to the largest-remainder rounding of the whole (a controlled rounding).
 */
function stratifiedCounts(groupSizes: readonly number[], weights: readonly number[]): number[][] {
  const counts = groupSizes.map((size) => weights.map((weight) => Math.floor(size * weight)));
  const targets = apportion(groupSizes.reduce((sum, size) => sum + size, 0), weights);
  const need = targets.map((target, part) => target - counts.reduce((sum, row) => sum + row[part], 0));
  const spare = groupSizes.map((size, group) => ({
    group,
    units: size - counts[group].reduce((sum, count) => sum + count, 0),
  }));
  // Give each class's leftover rows to distinct parts, largest needs first (Gale–Ryser greedy).
  spare.sort((a, b) => b.units - a.units || a.group - b.group);
  for (const { group, units } of spare) {
    const remainder = (part: number) => groupSizes[group] * weights[part] - counts[group][part];
    const parts = [0, 1, 2].sort((a, b) => need[b] - need[a] || remainder(b) - remainder(a));
    for (let unit = 0; unit < units; unit++) {
      counts[group][parts[unit]]++;
      need[parts[unit]]--;
    }
  }
  return counts;
}

function checkFractions(fractions: SplitFractions): number[] {
  const weights = partNames.map((part) => fractions[part]);
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (weights.some((weight) => !Number.isFinite(weight) || weight < 0) || Math.abs(sum - 1) > 1e-6 || weights[0] <= 0) {
    throw new RangeError(
      `split fractions must be non-negative, sum to 1 and give train a share; got ${weights.join(' / ')}`,
    );
  }
  return weights.map((weight) => weight / sum);
}

/**
 * Splits rows 0 .. size−1 into train / validation / test by the given fractions, seeded.
 * For classes it is stratified: each class's count in each part is within one row of its share.
 * The parts are disjoint, together complete, and each sorted ascending.
 */
export function splitDataset(source: SplitSource, fractions: SplitFractions, seed: number): Split {
  const weights = checkFractions(fractions);
  const random = createRandom(seed).fork('split');
  const rows = Array.from({ length: source.size }, (_, index) => index);
  const groups = shuffledGroups(source, rows, random);
  const counts = stratifiedCounts(groups.map((group) => group.length), weights);
  const parts: number[][] = [[], [], []];
  groups.forEach((group, groupIndex) => {
    let start = 0;
    counts[groupIndex].forEach((count, part) => {
      appendAll(parts[part], group.slice(start, start + count));
      start += count;
    });
  });
  for (const part of parts) part.sort((a, b) => a - b);
  return { train: parts[0], validation: parts[1], test: parts[2] };
}

/**
 * k-fold cross-validation over the given rows (train and validation together; never test), seeded.
 * Every row is in exactly one fold's validation part; fold sizes differ by at most one row and,
 * for classes, each class's count per fold by at most one. k must be an integer from 3 to 10.
 */
export function kFold(
  source: Pick<Dataset, 'targets' | 'classCount'>,
  rows: readonly number[],
  k: number,
  seed: number,
): Fold[] {
  if (!Number.isInteger(k) || k < 3 || k > 10) throw new RangeError(`k-fold needs k from 3 to 10, got ${k}`);
  if (new Set(rows).size !== rows.length) throw new RangeError('k-fold rows must not repeat');
  if (rows.length < k) throw new RangeError(`k-fold with k = ${k} needs at least ${k} rows, got ${rows.length}`);
  const random = createRandom(seed).fork('k-fold');
  const validationParts: number[][] = Array.from({ length: k }, () => []);
  // Dealing the class-sorted, shuffled rows round-robin balances both fold sizes and classes.
  const dealt = shuffledGroups(source, rows, random).flat();
  dealt.forEach((row, position) => validationParts[position % k].push(row));
  return validationParts.map((validation, fold) => ({
    train: validationParts.filter((_, other) => other !== fold).flat().sort((a, b) => a - b),
    validation: validation.sort((a, b) => a - b),
  }));
}
