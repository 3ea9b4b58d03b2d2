/**
 * Trains one fold of a cross-validated trial in the worker: the study's data and settings, with
 * the fold's rows as the training and validation indices. The inner executor of
 * crossValidationExecutor in the page.
 */
import type { ExecutorResult } from '../study/studyRunner';
import type { FoldExecutor } from '../study/crossValidation';
import { trialSettings, type StudySetup } from './study.svelte';
import type { Trainer } from './trainer.svelte';

/** A FoldExecutor that queues each fold as its own trial in the trainer worker. */
export function workerFoldExecutor(trainer: Trainer, setup: Pick<StudySetup, 'base' | 'seed' | 'dataset'>): FoldExecutor {
  return {
    start({ id, params, maxEpochs, fold, foldIndex }, onEpochs) {
      let resolveDone: (result: ExecutorResult) => void = () => {};
      const done = new Promise<ExecutorResult>((resolve) => (resolveDone = resolve));
      const workerId = trainer.train(
        {
          settings: trialSettings(setup.base, params, maxEpochs),
          // Every fold of a trial starts from the same weights, so folds differ only in their data.
          seed: setup.seed * 1000 + id,
          data: {
            features: setup.dataset.features,
            targets: setup.dataset.targets,
            featureCount: setup.dataset.featureCount,
            classCount: setup.dataset.classCount,
            trainIndices: fold.train,
            validationIndices: fold.validation,
          },
        },
        {
          epochs: onEpochs,
          end: ({ end, durationMs, keptEpoch, error }) => resolveDone({ end, durationMs, keptEpoch, error: error ? `${error} (fold ${foldIndex + 1})` : undefined }),
        },
      );
      return { stop: () => trainer.stop(workerId), done };
    },
  };
}
