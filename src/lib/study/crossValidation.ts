/**
 * k-fold cross-validation as a TrialExecutor adapter: each trial trains once per fold (through
 * an inner executor that knows how to train on one fold), and the runner hears, epoch by epoch,
 * the mean of the folds' records. The runner needs no change: to it, a cross-validated trial is
 * one trial whose curve is the mean curve. The per-fold curves and the mean and standard
 * deviation of the objective over folds stay available for the views.
 */
import type { Params } from '../core/space';
import type { Fold } from '../datasets/split';
import { spread, type Spread } from '../analysis/scoreBands';
import { objectiveOf, type EpochRecord, type ObjectiveMetric, type StudyTrial } from '../core/trial';
import type { ExecutorResult, TrialExecutor } from './studyRunner';
import { keptRecord } from '../core/trialInputs';

/** Trains one trial on one fold: like TrialExecutor.start, with the fold's rows. */
export interface FoldExecutor {
  start(
    trial: { id: number; params: Params; maxEpochs: number; fold: Fold; foldIndex: number },
    onEpochs: (records: EpochRecord[]) => void,
  ): { stop(): void; done: Promise<ExecutorResult> };
}

/** What cross-validation found for one trial. */
export interface CrossValidatedTrial {
  /** Records of each fold, shape [k][epochs of that fold]. */
  foldEpochs: EpochRecord[][];
  /** Objective of each fold at its kept epoch (NaN until it ends or if it failed), shape [k]. */
  foldValues: number[];
  /** Mean and standard deviation of the finite fold values, or null when none is finite yet. */
  summary: Spread | null;
}

/** A TrialExecutor over k folds, with what it found per trial. */
export interface CrossValidationExecutor extends TrialExecutor {
  /** Per-fold curves and the objective's spread for trial `id`, or null if it never started. */
  result(id: number): CrossValidatedTrial | null;
}

/** The mean of several folds' records of one epoch (accuracies only when every fold has them). */
export function meanRecord(records: readonly EpochRecord[]): EpochRecord {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const record: EpochRecord = {
    epoch: records[0].epoch,
    trainLoss: mean(records.map((entry) => entry.trainLoss)),
    validationLoss: mean(records.map((entry) => entry.validationLoss)),
  };
  if (records.every((entry) => entry.trainAccuracy !== undefined)) record.trainAccuracy = mean(records.map((entry) => entry.trainAccuracy as number));
  if (records.every((entry) => entry.validationAccuracy !== undefined)) record.validationAccuracy = mean(records.map((entry) => entry.validationAccuracy as number));
  return record;
}

/** How a cross-validated trial ended: the worst of its folds' ends (failed, diverged, stopped, early-stopped, complete). */
function combinedEnd(ends: readonly ExecutorResult['end'][]): ExecutorResult['end'] {
  const order: ExecutorResult['end'][] = ['failed', 'diverged', 'stopped', 'early-stopped', 'complete'];
  return order.find((end) => ends.includes(end)) ?? 'complete';
}

/**
 * Wraps a fold executor so every trial trains on all `folds` (from kFold over train + validation).
 * All folds start at once (the worker queues them). The mean record of epoch e goes out once
 * every fold has reached e or ended; a fold that ended early (early stopping) leaves the mean of
 * the later epochs to the folds still training. A failed or diverged fold stops the others.
 */
export function crossValidationExecutor(inner: FoldExecutor, folds: readonly Fold[], metric: ObjectiveMetric = 'validationLoss'): CrossValidationExecutor {
  if (folds.length < 2) throw new RangeError(`cross-validation needs at least 2 folds, got ${folds.length}`);
  const results = new Map<number, CrossValidatedTrial>();

  return {
    result: (id) => results.get(id) ?? null,
    start(trial, onEpochs) {
      const found: CrossValidatedTrial = { foldEpochs: folds.map(() => []), foldValues: folds.map(() => Number.NaN), summary: null };
      results.set(trial.id, found);
      const ended = folds.map(() => false);
      let emitted = 0;

      const emitReady = () => {
        const ready: EpochRecord[] = [];
        for (let epoch = emitted + 1; ; epoch++) {
          const waiting = found.foldEpochs.some((records, fold) => !ended[fold] && records.length < epoch);
          const present = found.foldEpochs.flatMap((records) => (records.length >= epoch ? [records[epoch - 1]] : []));
          if (waiting || present.length === 0) break;
          ready.push(meanRecord(present));
          emitted = epoch;
        }
        if (ready.length > 0) onEpochs(ready);
      };

      const handles = folds.map((fold, foldIndex) =>
        inner.start({ ...trial, fold, foldIndex }, (records) => {
          found.foldEpochs[foldIndex] = [...found.foldEpochs[foldIndex], ...records];
          emitReady();
        }),
      );
      const stopAll = () => handles.forEach((handle) => handle.stop());

      const done = Promise.all(
        handles.map(async (handle, foldIndex) => {
          const result = await handle.done;
          ended[foldIndex] = true;
          const records = found.foldEpochs[foldIndex];
          const kept = keptRecord(records, result.keptEpoch);
          if (kept && (result.end === 'complete' || result.end === 'early-stopped')) found.foldValues[foldIndex] = objectiveOf(kept, metric);
          if (result.end === 'failed' || result.end === 'diverged') stopAll();
          emitReady();
          return result;
        }),
      ).then((foldResults): ExecutorResult => {
        const finite = found.foldValues.filter((value) => Number.isFinite(value));
        found.summary = finite.length > 0 ? spread(finite) : null;
        const end = combinedEnd(foldResults.map((result) => result.end));
        const error = foldResults.find((result) => result.error)?.error;
        return {
          end,
          durationMs: foldResults.reduce((sum, result) => sum + result.durationMs, 0),
          keptEpoch: keptMeanEpoch(foldResults, found.foldEpochs, emitted),
          ...(error ? { error: `fold ${foldResults.findIndex((result) => result.error) + 1}: ${error}` } : {}),
        };
      });
      return { stop: stopAll, done };
    },
  };
}

/** The epoch of the mean curve whose weights count as kept: the rounded mean of the folds' kept epochs, at most the last emitted. */
function keptMeanEpoch(results: readonly ExecutorResult[], foldEpochs: readonly EpochRecord[][], emitted: number): number {
  const kept = results.map((result, fold) => result.keptEpoch || foldEpochs[fold].length);
  return Math.min(emitted, Math.round(kept.reduce((sum, epoch) => sum + epoch, 0) / kept.length));
}

/** A trial with its folds' summary attached, once cross-validation has one. */
export function withFolds(trial: StudyTrial, found: CrossValidatedTrial | null): StudyTrial {
  if (!found?.summary || trial.state === 'running') return trial;
  return { ...trial, folds: { values: found.foldValues, mean: found.summary.mean, std: found.summary.std } };
}
