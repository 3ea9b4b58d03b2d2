import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { trainBatch, type BatchTrial } from '../../../src/lib/training/trainPopulation';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const data = spiralTrialData(80, 3, 4);
const base: ModelSettings = { ...defaultModelSettings, hiddenLayers: 1, units: 8, epochs: 4, batchSize: 20 };

async function run(trials: BatchTrial[], stopAfter: Record<number, number> = {}) {
  const records = new Map<number, EpochRecord[]>();
  const ends = new Map<number, string>();
  const kept = new Map<number, number>();
  await trainBatch(data, trials, {
    onEpochs: (entries) => entries.forEach(({ trialId, records: added }) => records.set(trialId, [...(records.get(trialId) ?? []), ...added])),
    onEnd: (trialId, end, keptEpoch) => {
      expect(ends.has(trialId)).toBe(false);
      ends.set(trialId, end);
      kept.set(trialId, keptEpoch);
    },
    shouldStop: (trialId) => (records.get(trialId)?.length ?? 0) >= (stopAfter[trialId] ?? Infinity),
    shouldAbort: () => false,
  });
  return { records, ends, kept };
}

describe('trainBatch', () => {
  it('trains a batch as one population and reports every trial once, with all its epochs', async () => {
    const baseline = tf.memory().numTensors;
    const { records, ends } = await run([
      { trialId: 1, settings: { ...base, learningRate: 0.01 }, seed: 1 },
      { trialId: 2, settings: { ...base, learningRate: 0.05, units: 4 }, seed: 2 },
      { trialId: 3, settings: { ...base, kind: 'ridge', degree: 2 }, seed: 3 },
    ]);
    expect([...ends.entries()].sort()).toEqual([
      [1, 'complete'],
      [2, 'complete'],
      [3, 'complete'],
    ]);
    for (const id of [1, 2, 3]) expect(records.get(id)?.map((record) => record.epoch)).toEqual([1, 2, 3, 4]);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('marks a learning rate of 10 as diverged even when its loss explodes in the first epoch, and keeps the others going', async () => {
    const { records, ends } = await run([
      { trialId: 1, settings: { ...base, learningRate: 0.01 }, seed: 1 },
      { trialId: 2, settings: { ...base, learningRate: 10, optimizer: 'adam' }, seed: 1 },
    ]);
    expect(ends.get(2)).toBe('diverged');
    expect(ends.get(1)).toBe('complete');
    expect(records.get(1)).toHaveLength(4);
  });

  it('stops a trial when asked, without stopping the rest of its population', async () => {
    const { records, ends } = await run(
      [
        { trialId: 1, settings: base, seed: 1 },
        { trialId: 2, settings: base, seed: 2 },
      ],
      { 2: 2 },
    );
    expect(ends.get(2)).toBe('stopped');
    expect(records.get(2)).toHaveLength(2);
    expect(records.get(1)).toHaveLength(4);
  });

  it('with early stopping, reports the epoch of the best validation loss as the kept one', async () => {
    // Few noisy points and a wide network overfit quickly, so validation loss turns up.
    const { records, ends, kept } = await run([
      { trialId: 1, settings: { ...base, units: 64, epochs: 120, learningRate: 0.05, patience: 4, restoreBestWeights: true }, seed: 5 },
    ]);
    expect(ends.get(1)).toBe('early-stopped');
    const epochs = records.get(1) ?? [];
    const best = epochs.reduce((low, record) => (record.validationLoss < low.validationLoss ? record : low));
    expect(kept.get(1)).toBe(best.epoch);
    expect(epochs.length).toBeGreaterThan(best.epoch);
  });
});
