/**
 * Test helpers for the AutoML race in Node: an executor that trains a family's trials with the
 * pure models (what the worker runs for them in the page), reporting a fixed duration per trial,
 * and a clock that advances by those durations, so the race's time decisions are deterministic.
 */
import { trialSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import type { Dataset, Split } from '../../../src/lib/datasets/dataset';
import { familyOptions } from '../../../src/lib/models/familyOptions';
import type { ClassicModelKind } from '../../../src/lib/models/fittedModel';
import { tableFromDataset } from '../../../src/lib/models/table';
import { trainModel } from '../../../src/lib/models/trainModel';
import { trialSeed } from '../../../src/lib/core/trialInputs';
import type { TrialExecutor } from '../../../src/lib/study/studyRunner';

/** A clock the executors advance: `now()` is the sum of the durations reported so far. */
export function fakeClock(): { now(): number; advance(ms: number): void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Trains `base` with each trial's params on `dataset` with the pure models; each trial "takes" `durationMs` on `clock`. */
export function classicExecutor(dataset: Dataset, split: Split, base: ModelSettings, seed: number, durationMs: number, clock: ReturnType<typeof fakeClock>): TrialExecutor {
  const train = tableFromDataset(dataset, split.train);
  const validation = tableFromDataset(dataset, split.validation);
  return {
    start({ id, params, maxEpochs }, onEpochs) {
      const done = Promise.resolve().then(() => {
        const settings = trialSettings(base, params, maxEpochs);
        const kind = settings.kind as ClassicModelKind;
        const trained = trainModel(kind, train, validation, familyOptions(kind, settings), trialSeed(seed, id));
        onEpochs(trained.epochs);
        clock.advance(durationMs);
        return { end: 'complete' as const, durationMs, keptEpoch: trained.epochs.length };
      });
      return { stop: () => {}, done };
    },
  };
}
