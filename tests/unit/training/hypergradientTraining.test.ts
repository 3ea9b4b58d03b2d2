import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { supportsFused } from '../../../src/lib/training/fused/supportsFused';
import { hypergradientTrainerReason } from '../../../src/lib/training/hypergradientOptimizer';
import { tfjsTiming, type CalibrationWorkload } from '../../../src/lib/training/calibrate';
import { trainBatch } from '../../../src/lib/training/trainPopulation';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const data = spiralTrialData(80, 3, 4);
const base: ModelSettings = { ...defaultModelSettings, hiddenLayers: 1, units: 8, epochs: 4, batchSize: 20, hypergradientRate: 0.001 };

describe('hypergradient descent in training', () => {
  it('records the adapted learning rate with every epoch of an sgd-hd trial, and raises a too-small one', async () => {
    const baseline = tf.memory().numTensors;
    const trained = await trainTrial({ data, settings: { ...base, optimizer: 'sgd-hd', learningRate: 0.001, epochs: 6 }, seed: 1 });
    trained.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    const rates = trained.epochs.map((record) => record.learningRate ?? NaN);
    expect(rates.every(Number.isFinite)).toBe(true);
    expect(rates.at(-1)).toBeGreaterThan(0.001);
  });

  it('records no learning rate for a fixed-rate optimiser', async () => {
    const trained = await trainTrial({ data, settings: { ...base, optimizer: 'adam', learningRate: 0.01 }, seed: 1 });
    trained.model.dispose();
    expect(trained.epochs.every((record) => record.learningRate === undefined)).toBe(true);
  });

  it('trains hypergradient trials of a batch one by one beside the population when the fused kernel can\'t run (no WebGPU), and says why', async () => {
    const records = new Map<number, EpochRecord[]>();
    const ends = new Map<number, string>();
    const reasons: (string | null)[] = [];
    await trainBatch(data, [
      { trialId: 1, settings: { ...base, optimizer: 'adam', learningRate: 0.01 }, seed: 1 },
      { trialId: 2, settings: { ...base, optimizer: 'adam-hd', learningRate: 0.001 }, seed: 2 },
    ], {
      onEpochs: (entries) => entries.forEach(({ trialId, records: added }) => records.set(trialId, [...(records.get(trialId) ?? []), ...added])),
      onEnd: (trialId, end) => ends.set(trialId, end),
      shouldStop: () => false,
      shouldAbort: () => false,
      onTrainer: (_trainer, _trials, reason) => reasons.push(reason),
    });
    expect(ends.get(1)).toBe('complete');
    expect(ends.get(2)).toBe('complete');
    expect(records.get(2)).toHaveLength(4);
    expect(records.get(2)?.every((record) => Number.isFinite(record.learningRate))).toBe(true);
    expect(reasons.at(-1)).toBe(hypergradientTrainerReason);
  });

  it('is accepted by the fused kernel', () => {
    const support = supportsFused([{ settings: { ...base, optimizer: 'sgd-hd' } }], { featureCount: 2, classCount: 2, trainCount: 60 });
    expect(support.supported && support.structure.hypergradient).toBe(true);
  });

  it('is timed on TF.js backends the way it trains there: one hypergradient trial alone, not the wave as a population', () => {
    const data = { features: new Float32Array(0), targets: new Float32Array(0), featureCount: 2, classCount: 2, trainIndices: [], validationIndices: [] } as unknown as CalibrationWorkload['data'];
    const plain = Array.from({ length: 4 }, (_, seed) => ({ settings: { ...base }, seed }));
    const hd = { settings: { ...base, optimizer: 'adam-hd' as const }, seed: 9 };
    expect(tfjsTiming({ data, trials: plain })).toMatchObject({ together: true });
    const mixed = tfjsTiming({ data, trials: [...plain, hd] });
    expect(mixed.together).toBe(false);
    expect(mixed.timed.trials).toEqual([hd]);
    expect(tfjsTiming({ data, trials: plain.slice(0, 1) })).toMatchObject({ together: false, timed: { trials: plain.slice(0, 1) } });
  });
});
