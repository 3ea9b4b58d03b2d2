/**
 * Trial executors that train in the trainer worker: a study's trials (batched per wave, so the
 * worker stacks them into populations) and one fold of a cross-validated trial.
 */
import { trialSettings, type ModelSettings } from '../core/modelSettings';
import { trialData, trialSeed } from '../core/trialInputs';
import type { FoldExecutor } from '../study/crossValidation';
import type { StudySetup } from '../study/studySetup';
import type { ExecutorResult, TrialExecutor } from '../study/studyRunner';
import type { EpochRecord } from '../core/trial';
import type { LayerWeights } from '../core/networkWeights';
import type { Trainer, TrainingRun } from './trainer.svelte';

/** A study's executor that can also name the one trial (study id) whose weights arrive while it trains. */
export interface WatchingExecutor extends TrialExecutor {
  /** Watches trial `id` (now, or once it starts), or none (null); only one at a time. */
  watch(id: number | null): void;
}

/**
 * Trains a study's trials in the worker. Trials started in the same tick (a wave of the runner)
 * are sent as one batch, which the worker stacks into populations; a lone trial goes alone.
 * `onWeights`, when given, hears each trial's trained weights (study trial id) just before it ends.
 */
export function workerExecutor(trainer: Trainer, setup: StudySetup, onWeights?: (trialId: number, layers: LayerWeights[], epoch: number) => void): WatchingExecutor {
  const data = trialData(setup.dataset, setup.split.train, setup.split.validation);
  type Pending = { settings: ModelSettings; seed: number; onEpochs(records: EpochRecord[]): void; onWeights?(layers: LayerWeights[], epoch: number): void; started(run: TrainingRun): void };
  let pending: Pending[] = [];
  // Run ids of started trials by study id (dropped when they end), and the study trial watched.
  const runIds = new Map<number, number>();
  let watched: number | null = null;
  const flush = () => {
    const batch = pending;
    pending = [];
    const [only] = batch;
    if (batch.length === 1) only.started(trainer.run({ data, settings: only.settings, seed: only.seed, weights: only.onWeights ? 'end' : undefined }, only.onEpochs, undefined, only.onWeights ? { weights: only.onWeights } : undefined));
    else if (batch.length > 1) trainer.runBatch(data, batch).forEach((run, index) => batch[index].started(run));
  };
  return {
    watch(id) {
      watched = id;
      trainer.watch(id === null ? null : (runIds.get(id) ?? null));
    },
    start({ id, params, maxEpochs }, onEpochs) {
      let resolveDone: (result: ExecutorResult) => void = () => {};
      const done = new Promise<ExecutorResult>((resolve) => (resolveDone = resolve));
      let run: TrainingRun | null = null;
      let stopWanted = false;
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({
        settings: trialSettings(setup.base, params, maxEpochs),
        seed: trialSeed(setup.seed, id),
        onEpochs,
        onWeights: onWeights ? (layers, epoch) => onWeights(id, layers, epoch) : undefined,
        started: (started) => {
          run = started;
          runIds.set(id, started.id);
          if (watched === id) trainer.watch(started.id);
          void started.done.then((result) => {
            runIds.delete(id);
            resolveDone(result);
          });
          if (stopWanted) started.stop();
        },
      });
      return {
        stop: () => {
          stopWanted = true;
          run?.stop();
        },
        done,
      };
    },
  };
}

/** A FoldExecutor that queues each fold as its own trial in the trainer worker. */
export function workerFoldExecutor(trainer: Trainer, setup: Pick<StudySetup, 'base' | 'seed' | 'dataset'>): FoldExecutor {
  return {
    start({ id, params, maxEpochs, fold, foldIndex }, onEpochs) {
      const run = trainer.run(
        {
          settings: trialSettings(setup.base, params, maxEpochs),
          // Every fold of a trial starts from the same weights, so folds differ only in their data.
          seed: trialSeed(setup.seed, id),
          data: trialData(setup.dataset, fold.train, fold.validation),
        },
        onEpochs,
      );
      const done = run.done.then(({ end, durationMs, keptEpoch, error }) => ({ end, durationMs, keptEpoch, error: error ? `${error} (fold ${foldIndex + 1})` : undefined }));
      return { stop: run.stop, done };
    },
  };
}
