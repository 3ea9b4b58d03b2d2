/**
 * The rows of a cross-validation lesson: single validation splits drawn with different seeds, and
 * the k folds of one deal, all over the training and validation rows (never the test rows).
 */
import type { Dataset } from '../datasets/dataset';
import { kFold } from '../datasets/split';

/** One training of the lesson: its run name and the rows it trains and scores on. */
export interface SplitRun {
  id: string;
  train: number[];
  scored: number[];
}

/** `repeats` single splits (`split-1` …, each the first fold of a deal with seed seed + i) and the `folds` folds of the deal with `seed` (`fold-1` …). */
export function splitRuns(dataset: Pick<Dataset, 'targets' | 'classCount'>, rows: readonly number[], repeats: number, folds: number, seed: number): SplitRun[] {
  const singles = Array.from({ length: repeats }, (_, index) => {
    const [first] = kFold(dataset, rows, folds, seed + index + 1);
    return { id: `split-${index + 1}`, train: first.train, scored: first.validation };
  });
  const dealt = kFold(dataset, rows, folds, seed).map((fold, index) => ({ id: `fold-${index + 1}`, train: fold.train, scored: fold.validation }));
  return [...singles, ...dealt];
}
