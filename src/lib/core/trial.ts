/**
 * A trial and its epoch records, as the study keeps them and exports them
 * (the "trials" of the study@1 format in DESIGN.md).
 */
import type { Params } from './space';

/** Where a trial is in its life; `pruned` = stopped early by a schedule, `diverged` = NaN/Inf or exploding loss. */
export const trialStates = ['queued', 'running', 'complete', 'pruned', 'diverged', 'failed'] as const;

/** One of `trialStates`. */
export type TrialState = (typeof trialStates)[number];

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
