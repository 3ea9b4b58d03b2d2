import type { Dataset, Split } from './dataset';
import { splitDataset, type SplitFractions } from './split';

/** Fewest rows for which a held-out validation split is worth having; below it, see splitForTraining. */
export const minimumSplitSize = 20;

/** A split ready to train on, and a sentence for the page when it is not the usual one. */
export interface TrainingSplit {
  /** Row indices of each part; with `note` set, train and validation are both every row. */
  split: Split;
  /** Why the split is not a held-out one, or '' when it is. */
  note: string;
}

function hasEveryClass(dataset: Pick<Dataset, 'targets' | 'classCount'>, rows: readonly number[]): boolean {
  const present = new Set(rows.map((row) => dataset.targets[row]));
  return present.size === dataset.classCount;
}

/**
 * The seeded (stratified) split by `fractions`, unless there are too few rows for it to be
 * honest: under `minimumSplitSize` rows, or when validation would be empty or training would miss
 * a class. Then every row is used for both training and validation (test empty), and `note` says
 * so, because the validation curve then measures fit, not generalisation.
 */
export function splitForTraining(
  dataset: Pick<Dataset, 'size' | 'targets' | 'classCount'>,
  fractions: SplitFractions,
  seed: number,
): TrainingSplit {
  const split = splitDataset(dataset, fractions, seed);
  const reason = dataset.size < minimumSplitSize ? `Only ${dataset.size} points: too few to hold some back`
    : split.validation.length === 0 ? 'The validation share leaves no points to score on'
      : dataset.classCount > 0 && !hasEveryClass(dataset, split.train) ? 'The training share would leave out every point of a class'
        : '';
  if (!reason) return { split, note: '' };
  const all = Array.from({ length: dataset.size }, (_, row) => row);
  return {
    split: { train: all, validation: [...all], test: [] },
    note: `${reason}, so the model trains and is scored on all ${dataset.size} points. `
      + 'The validation curve then shows how well it fits, not how well it generalises.',
  };
}
