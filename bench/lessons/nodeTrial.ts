/**
 * Trains one trial in Node the way the page does — the page's dataset generator, its seeded split
 * and trainTrial — on TF.js's CPU backend, for scripts that record curves or replay lessons.
 */
import * as tf from '@tensorflow/tfjs';
import { defaultModelSettings, type ModelSettings } from '../../src/lib/core/modelSettings';
import type { EpochRecord } from '../../src/lib/core/trial';
import type { Dataset } from '../../src/lib/datasets/dataset';
import { generateDataset } from '../../src/lib/datasets/index';
import { splitForTraining } from '../../src/lib/datasets/trainingSplit';
import { trainingBaseline, trainTrial, type TrialData } from '../../src/lib/training/trainTrial';

/** The data side of a case: a generator and its options, and the split fractions. */
export interface DataCase {
  dataset: string;
  samples: number;
  noise: number;
  dataSeed?: number;
  classes?: number;
  trainFraction?: number;
  validationFraction?: number;
  testFraction?: number;
}

/** A trained case: its curve, how it ended, and the training split's baseline loss. */
export interface NodeRun {
  epochs: EpochRecord[];
  end: string;
  baselineLoss: number;
  trainingSamples: number;
}

/** Selects TF.js's CPU backend (plain JavaScript: the same numbers in every Node). */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** The dataset of a case, generated as the page generates it. */
export function caseDataset(data: DataCase): Dataset {
  return generateDataset(data.dataset, { samples: data.samples, noise: data.noise, seed: data.dataSeed ?? 42, classes: data.classes ?? 2 });
}

/** The trainer's view of a dataset with the given training and scoring rows. */
export function trialData(dataset: Dataset, trainRows: readonly number[], scoredRows: readonly number[]): TrialData {
  return {
    features: dataset.features,
    targets: dataset.targets,
    featureCount: dataset.featureCount,
    classCount: dataset.classCount,
    trainIndices: [...trainRows],
    validationIndices: [...scoredRows],
  };
}

/** The page's split of a case's dataset (train, validation, test row indices). */
export function caseSplit(data: DataCase, dataset: Dataset = caseDataset(data)) {
  const fractions = { train: data.trainFraction ?? 0.6, validation: data.validationFraction ?? 0.2, test: data.testFraction ?? 0.2 };
  return splitForTraining(dataset, fractions, data.dataSeed ?? 42).split;
}

/** Trains `settings` (laid over the defaults) on the case's training split, scored on its validation split. */
export async function trainCase(data: DataCase, settings: Partial<ModelSettings>, seed: number): Promise<NodeRun> {
  const dataset = caseDataset(data);
  const split = caseSplit(data, dataset);
  const trial = trialData(dataset, split.train, split.validation);
  const trained = await trainTrial({ data: trial, settings: { ...defaultModelSettings, ...settings }, seed });
  trained.model.dispose();
  return { epochs: trained.epochs, end: trained.end, baselineLoss: trainingBaseline(trial), trainingSamples: split.train.length };
}
