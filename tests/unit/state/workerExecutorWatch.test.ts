import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import type { StudySetup } from '../../../src/lib/study/studySetup';
import type { Trainer, TrainingOutcome, TrainingRun } from '../../../src/lib/state/trainer.svelte';
import { workerExecutor } from '../../../src/lib/state/workerExecutor';

/** A trainer that hands out run ids 100, 101, … and records every watch request; runs end when `finish` is called. */
function fakeTrainer() {
  const watched: (number | null)[] = [];
  const endings: ((outcome: TrainingOutcome) => void)[] = [];
  let next = 100;
  const runOf = (): TrainingRun => {
    const id = next++;
    return { id, done: new Promise<TrainingOutcome>((resolve) => endings.push(resolve)), stop: () => {} };
  };
  const trainer = {
    run: () => runOf(),
    runBatch: (_data: unknown, trials: unknown[]) => trials.map(runOf),
    watch: (id: number | null) => watched.push(id),
  } as unknown as Trainer;
  const finish = () => endings.forEach((end) => end({ end: 'complete', keptEpoch: 0, durationMs: 1 }));
  return { trainer, watched, finish };
}

const setup = {
  base: defaultModelSettings,
  seed: 1,
  dataset: { features: new Float32Array(4), targets: new Float32Array(2), featureCount: 2, classCount: 2 },
  split: { train: [0], validation: [1] },
} as unknown as StudySetup;

describe('workerExecutor.watch', () => {
  it("names the watched study trial's run to the trainer, waiting for a queued one to start", async () => {
    const { trainer, watched, finish } = fakeTrainer();
    const executor = workerExecutor(trainer, setup, () => {});
    // Asked before trial 5 starts: nothing to watch yet, then its run id once the wave is sent.
    executor.watch(5);
    executor.start({ id: 4, params: {}, maxEpochs: 3 }, () => {});
    const trial5 = executor.start({ id: 5, params: {}, maxEpochs: 3 }, () => {});
    await Promise.resolve();
    await Promise.resolve();
    expect(watched).toEqual([null, 101]);
    executor.watch(4);
    executor.watch(null);
    expect(watched).toEqual([null, 101, 100, null]);
    finish();
    await trial5.done;
    // An ended trial has no run to watch any more.
    executor.watch(5);
    expect(watched.at(-1)).toBeNull();
  });
});
