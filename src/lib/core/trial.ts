/**
 * A trial and its epoch records, as the study keeps them and exports them
 * (the "trials" of the study format: DESIGN.md documents study@1, docs/ARCHITECTURE.md what study@2 adds).
 */
import type { Params } from './space';

/** Where a trial is in its life; `pruned` = stopped early by a schedule, `diverged` = NaN/Inf or exploding loss. */
export const trialStates = ['queued', 'running', 'complete', 'pruned', 'diverged', 'failed'] as const;

/** One of `trialStates`. */
export type TrialState = (typeof trialStates)[number];

/**
 * How one training run ended, in the words both trainers, the worker, the runner and the views
 * share: `early-stopped` = patience ran out (the trial is still complete), `stopped` = someone or a
 * schedule stopped it, `diverged` = NaN/Inf or exploding loss, `failed` = an error.
 */
export const trainingEnds = ['complete', 'early-stopped', 'stopped', 'diverged', 'failed'] as const;

/** One of `trainingEnds`. */
export type TrainingEnd = (typeof trainingEnds)[number];

/** What a learning curve says about a trial (see diagnose.ts for the rules). */
export const diagnosisLabels = ['underfit', 'overfit', 'good fit', 'diverged', 'not converged', 'unstable', 'stuck', 'pruned'] as const;

/** One of `diagnosisLabels`. */
export type DiagnosisLabel = (typeof diagnosisLabels)[number];

/** Losses (and, for classification, accuracies in [0, 1]) measured after one epoch of training. */
export interface EpochRecord {
  /** Epoch number, from 1. */
  epoch: number;
  /** Loss on the training split (cross-entropy in nats, or mean squared error). */
  trainLoss: number;
  /** Loss on the validation split, same units as trainLoss. */
  validationLoss: number;
  /** Fraction of training examples classified correctly (classification only). */
  trainAccuracy?: number;
  /** Fraction of validation examples classified correctly (classification only). */
  validationAccuracy?: number;
  /** The learning rate at the end of the epoch, when the optimiser adapts it (hypergradient descent only). */
  learningRate?: number;
}

/** One configuration tried by a search: its parameters, its state and its curve. */
export interface Trial {
  /** Position in the study, from 1. */
  id: number;
  /** Values of the searched hyperparameters. */
  params: Params;
  /** Where the trial is in its life. */
  state: TrialState;
  /** The objective (lower is better), or null when there is none (still running, failed, diverged). */
  value: number | null;
  /** Wall-clock training time in milliseconds. */
  durationMs: number;
  /** Label of its learning curve, once it has ended. */
  diagnosis?: DiagnosisLabel;
  /** One record per finished epoch, in order. */
  epochs: EpochRecord[];
  /** The error message of a failed trial. */
  error?: string;
}

/** A trial as the study keeps it: the exported fields plus what the views need. */
export interface StudyTrial extends Trial {
  /** Epochs the schedule gave it. */
  maxEpochs: number;
  /** When it started and ended, ms since the study started. */
  startedAtMs: number;
  endedAtMs: number;
  /** Why it is pruned, diverged or failed, in words. */
  reason?: string;
  /** True when a person chose its params (manual mode), not the strategy. */
  manual?: boolean;
  /** With k-fold cross-validation: the objective of each fold, and their mean and standard deviation. */
  folds?: { values: number[]; mean: number; std: number };
}

/** Which number of an epoch record the search minimises. */
export type ObjectiveMetric = 'validationLoss' | 'validationError';

/** The value a record scores under an objective (lower is better). */
export function objectiveOf(record: EpochRecord, metric: ObjectiveMetric): number {
  if (metric === 'validationError') return 1 - (record.validationAccuracy ?? Number.NaN);
  return record.validationLoss;
}

/** The completed trial with the lowest value, or null (pruned trials never trained fully, so they don't count). */
export function bestTrial<T extends Trial>(trials: readonly T[]): T | null {
  let best: T | null = null;
  for (const trial of trials) {
    if (trial.state !== 'complete' || trial.value === null || !Number.isFinite(trial.value)) continue;
    if (!best || trial.value < (best.value as number)) best = trial;
  }
  return best;
}
