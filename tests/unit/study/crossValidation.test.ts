import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { kFold } from '../../../src/lib/datasets/split';
import { createSchedule } from '../../../src/lib/search/schedules';
import { createStrategy } from '../../../src/lib/search';
import { crossValidationExecutor, meanRecord, type FoldExecutor } from '../../../src/lib/study/crossValidation';
import { StudyRunner, type ExecutorResult } from '../../../src/lib/study/studyRunner';

const source = { targets: new Float32Array(30).map((_, row) => row % 2), classCount: 2 };
const folds = kFold(source, Array.from({ length: 30 }, (_, row) => row), 3, 5);

type Behaviour = { end?: ExecutorResult['end']; epochs?: number; keptEpoch?: number; error?: string };

/**
 * A fake fold trainer: fold f's losses at epoch e are (1 + f) / e (train) and (2 + f) / e
 * (validation); fold records arrive in batches of two epochs, one fold after another in time.
 */
function fakeFolds(behaviour: (foldIndex: number) => Behaviour = () => ({})): FoldExecutor & { seen: { foldIndex: number; trainRows: number }[]; stops: number[] } {
  const seen: { foldIndex: number; trainRows: number }[] = [];
  const stops: number[] = [];
  return {
    seen,
    stops,
    start({ maxEpochs, fold, foldIndex }, onEpochs) {
      seen.push({ foldIndex, trainRows: fold.train.length });
      let stopped = false;
      const { end = 'complete', epochs = maxEpochs, keptEpoch, error } = behaviour(foldIndex);
      const done = (async (): Promise<ExecutorResult> => {
        await new Promise((resolve) => setTimeout(resolve, foldIndex * 5));
        for (let first = 1; first <= epochs; first += 2) {
          if (stopped) return { end: 'stopped', durationMs: 1, keptEpoch: first - 1 };
          const batch: EpochRecord[] = [];
          for (let epoch = first; epoch < first + 2 && epoch <= epochs; epoch++) {
            batch.push({ epoch, trainLoss: (1 + foldIndex) / epoch, validationLoss: (2 + foldIndex) / epoch, trainAccuracy: 0.5, validationAccuracy: 0.4 + 0.1 * foldIndex });
          }
          onEpochs(batch);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        if (end === 'failed') return { end, durationMs: 10, keptEpoch: 0, error };
        return { end, durationMs: 10, keptEpoch: keptEpoch ?? epochs };
      })();
      return { stop: () => { stopped = true; stops.push(foldIndex); }, done };
    },
  };
}

function collect(executor: ReturnType<typeof crossValidationExecutor>, maxEpochs = 4) {
  const heard: EpochRecord[][] = [];
  const handle = executor.start({ id: 1, params: { learningRate: 0.1 }, maxEpochs }, (records) => heard.push(records));
  return { heard, handle };
}

describe('crossValidationExecutor', () => {
  it('meanRecord averages the losses and accuracies of one epoch over folds', () => {
    const record = meanRecord([
      { epoch: 3, trainLoss: 1, validationLoss: 2, validationAccuracy: 0.5 },
      { epoch: 3, trainLoss: 3, validationLoss: 4, validationAccuracy: 0.7 },
    ]);
    expect(record).toEqual({ epoch: 3, trainLoss: 2, validationLoss: 3, validationAccuracy: 0.6 });
  });

  it('trains every trial once per fold, on that fold\'s training rows', async () => {
    const inner = fakeFolds();
    const { handle } = collect(crossValidationExecutor(inner, folds));
    await handle.done;
    expect(inner.seen.map((entry) => entry.foldIndex)).toEqual([0, 1, 2]);
    expect(inner.seen.map((entry) => entry.trainRows)).toEqual(folds.map((fold) => fold.train.length));
  });

  it('reports each epoch once, in order, as the mean over all folds', async () => {
    const executor = crossValidationExecutor(fakeFolds(), folds);
    const { heard, handle } = collect(executor);
    const result = await handle.done;
    const records = heard.flat();
    expect(records.map((record) => record.epoch)).toEqual([1, 2, 3, 4]);
    // Folds 0, 1, 2 at epoch 2: train (1 + 2 + 3) / 3 / 2 = 1, validation (2 + 3 + 4) / 3 / 2 = 1.5.
    expect(records[1].trainLoss).toBeCloseTo(1);
    expect(records[1].validationLoss).toBeCloseTo(1.5);
    expect(records[1].validationAccuracy).toBeCloseTo(0.5);
    expect(result).toMatchObject({ end: 'complete', keptEpoch: 4, durationMs: 30 });
  });

  it('exposes the per-fold curves and the mean and standard deviation of the objective over folds', async () => {
    const executor = crossValidationExecutor(fakeFolds(), folds);
    const { handle } = collect(executor);
    await handle.done;
    const found = executor.result(1);
    expect(found?.foldEpochs.map((records) => records.length)).toEqual([4, 4, 4]);
    expect(found?.foldValues).toEqual([0.5, 0.75, 1]);
    expect(found?.summary?.mean).toBeCloseTo(0.75);
    expect(found?.summary?.std).toBeCloseTo(0.25);
    expect(executor.result(99)).toBeNull();
  });

  it('scores a fold that stopped early at its kept epoch and averages the later epochs over the folds still training', async () => {
    const executor = crossValidationExecutor(fakeFolds((fold) => (fold === 0 ? { end: 'early-stopped', epochs: 2, keptEpoch: 1 } : {})), folds);
    const { heard, handle } = collect(executor);
    const result = await handle.done;
    const records = heard.flat();
    expect(records.map((record) => record.epoch)).toEqual([1, 2, 3, 4]);
    expect(records[3].trainLoss).toBeCloseTo((2 / 4 + 3 / 4) / 2);
    expect(executor.result(1)?.foldValues[0]).toBe(2);
    expect(result.end).toBe('early-stopped');
    expect(result.keptEpoch).toBe(3);
  });

  it('ends as failed, naming the fold, and stops the other folds when one fails', async () => {
    const inner = fakeFolds((fold) => (fold === 1 ? { end: 'failed', epochs: 0, error: 'out of memory' } : {}));
    const { handle } = collect(crossValidationExecutor(inner, folds), 40);
    const result = await handle.done;
    expect(result.end).toBe('failed');
    expect(result.error).toMatch(/fold 2: out of memory/);
    expect(inner.stops).toContain(0);
    expect(inner.stops).toContain(2);
  });

  it('ends as diverged when any fold diverges', async () => {
    const { handle } = collect(crossValidationExecutor(fakeFolds((fold) => (fold === 2 ? { end: 'diverged', epochs: 1 } : {})), folds));
    expect((await handle.done).end).toBe('diverged');
  });

  it('stop() stops every fold', async () => {
    const inner = fakeFolds();
    const { handle } = collect(crossValidationExecutor(inner, folds), 100);
    handle.stop();
    expect((await handle.done).end).toBe('stopped');
    expect(inner.stops.sort()).toEqual([0, 1, 2]);
  });

  it('runs a whole study unchanged: each trial\'s value is the mean over folds of its final validation loss', async () => {
    const space = [{ name: 'learningRate', type: 'log' as const, low: 0.01, high: 1 }];
    const runner = new StudyRunner(
      {
        strategy: createStrategy('random', space, { seed: 1, budget: 2 }),
        schedule: createSchedule('none', { maxEpochs: 4 }),
        budget: 2,
        metric: 'validationLoss',
        now: () => 0,
      },
      crossValidationExecutor(fakeFolds(), folds),
    );
    await runner.run();
    expect(runner.trials.map((trial) => trial.state)).toEqual(['complete', 'complete']);
    expect(runner.trials[0].value).toBeCloseTo(0.75);
    expect(runner.trials[0].epochs).toHaveLength(4);
  });

  it('refuses fewer than two folds', () => {
    expect(() => crossValidationExecutor(fakeFolds(), folds.slice(0, 1))).toThrow(/at least 2 folds/);
  });
});
