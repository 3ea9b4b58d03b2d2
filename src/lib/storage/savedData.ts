/**
 * The data of a search that cannot be regenerated from a seed (an uploaded CSV, drawn points,
 * the shipped digits and iris sets), kept in the saved record beside the study so that the
 * search can resume after a reload. IndexedDB stores the typed arrays as they are.
 */
import type { Dataset, Split } from '../datasets/dataset';

/** A dataset and its split, as the saved record keeps them. */
export interface SavedData {
  dataset: Dataset;
  split: Split;
}

/** Generated datasets: a study's seed regenerates them, so they are never saved. */
export const regenerableDatasets: readonly string[] = ['spiral', 'moons', 'circles', 'xor', 'blobs', 'sine', 'polynomial'];

/** Most numbers (features and targets together) saved with a study: 16 MB as 32-bit floats. */
export const maxSavedNumbers = 4_000_000;

/** What to save with a study on `datasetName` data: nothing when generated, the data when within the limit, else 'too large'. */
export function dataToSave(datasetName: string, dataset: Dataset, split: Split): SavedData | 'too large' | null {
  if (regenerableDatasets.includes(datasetName)) return null;
  if (dataset.features.length + dataset.targets.length > maxSavedNumbers) return 'too large';
  // Plain copies: IndexedDB cannot store the reactive proxies a page may hold these in.
  const { train, validation, test } = split;
  return {
    dataset: { ...dataset, featureNames: Array.from(dataset.featureNames), classNames: Array.from(dataset.classNames) },
    split: { train: Array.from(train), validation: Array.from(validation), test: Array.from(test) },
  };
}

const isIndexList = (list: unknown, size: number): list is number[] =>
  Array.isArray(list) && list.every((index) => Number.isInteger(index) && index >= 0 && index < size);

/** The saved data if it is whole and consistent (a record may be damaged), else null. */
export function checkedSavedData(value: unknown): SavedData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { dataset, split } = value as Partial<SavedData>;
  if (typeof dataset !== 'object' || dataset === null || typeof split !== 'object' || split === null) return null;
  const { size, featureCount, classCount, features, targets, featureNames, classNames, task, name } = dataset;
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(featureCount) || featureCount < 1 || !Number.isInteger(classCount) || classCount < 0) return null;
  if (!(features instanceof Float32Array) || features.length !== size * featureCount) return null;
  if (!(targets instanceof Float32Array) || targets.length !== size) return null;
  if (task !== 'classification' && task !== 'regression') return null;
  if (typeof name !== 'string' || !Array.isArray(featureNames) || !Array.isArray(classNames)) return null;
  if (task === 'classification' && !targets.every((target) => Number.isInteger(target) && target >= 0 && target < classCount)) return null;
  if (!isIndexList(split.train, size) || !isIndexList(split.validation, size) || !isIndexList(split.test, size) || split.train.length === 0) return null;
  return { dataset, split };
}
