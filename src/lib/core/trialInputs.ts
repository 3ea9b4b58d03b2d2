/**
 * What one trial is trained from, built in one place each: its examples and splits (TrialData),
 * its seed, and the epoch record its kept weights scored.
 */
import type { EpochRecord } from './trial';

/** The examples a trial learns from: flat features and targets plus index lists of the splits. */
export interface TrialData {
  /** Features, row-major, shape [size * featureCount]. */
  features: Float32Array;
  /** Class index or regression target per row, shape [size]. */
  targets: Float32Array;
  /** Number of feature columns. */
  featureCount: number;
  /** Number of classes; 0 for regression. */
  classCount: number;
  /** Rows the model is fitted on. */
  trainIndices: ArrayLike<number>;
  /** Rows the model is scored on (never fitted on). */
  validationIndices: ArrayLike<number>;
}

/** The part of a dataset a trial trains on (a Dataset has these fields). */
export type TrialExamples = Pick<TrialData, 'features' | 'targets' | 'featureCount' | 'classCount'>;

/** A trial's data: the examples of `dataset`, fitted on `trainRows` and scored on `scoredRows`. */
export function trialData(dataset: TrialExamples, trainRows: ArrayLike<number>, scoredRows: ArrayLike<number>): TrialData {
  return {
    features: dataset.features,
    targets: dataset.targets,
    featureCount: dataset.featureCount,
    classCount: dataset.classCount,
    trainIndices: trainRows,
    validationIndices: scoredRows,
  };
}

/** The seed of trial `trialId` of a study seeded with `studySeed`: distinct per trial, the same on every run. */
export function trialSeed(studySeed: number, trialId: number): number {
  return studySeed * 1000 + trialId;
}

/** The record (an EpochRecord or one derived per epoch) of the epoch whose weights were kept (`keptEpoch`, from 1; 0 = the last), or undefined without epochs. */
export function keptRecord<T = EpochRecord>(epochs: readonly T[], keptEpoch: number): T | undefined {
  return epochs[(keptEpoch || epochs.length) - 1] ?? epochs.at(-1);
}
