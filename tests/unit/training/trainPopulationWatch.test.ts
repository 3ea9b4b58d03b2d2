import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { createPopulation } from '../../../src/lib/training/population';
import { trainBatch, watchIntervalMs, type BatchTrial } from '../../../src/lib/training/trainPopulation';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const data = spiralTrialData(200, 5, 4);
const base: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, units: 8, epochs: 12, batchSize: 10, learningRate: 0.03 };

/** Validation cross-entropy of a network given as plain weights (relu hidden layers, logits out). */
function validationLoss(layers: LayerWeights[]): number {
  return tf.tidy(() => {
    const rows = Array.from(data.validationIndices);
    let x: tf.Tensor2D = tf.tensor2d(rows.flatMap((row) => [data.features[2 * row], data.features[2 * row + 1]]), [rows.length, 2]);
    layers.forEach((layer, index) => {
      const z = x.matMul(tf.tensor2d(layer.kernel, [layer.inputs, layer.units])).add(tf.tensor1d(layer.bias)) as tf.Tensor2D;
      x = index === layers.length - 1 ? z : z.relu();
    });
    const labels = tf.oneHot(tf.tensor1d(rows.map((row) => data.targets[row]), 'int32'), 2);
    return tf.losses.softmaxCrossEntropy(labels, x).dataSync()[0];
  });
}

interface Sent {
  trialId: number;
  epoch: number;
  layers: LayerWeights[];
  at: number;
  ended: boolean;
}

async function trainWatching(trials: BatchTrial[], watched: (records: Map<number, EpochRecord[]>) => number | null): Promise<{ sent: Sent[]; records: Map<number, EpochRecord[]> }> {
  const records = new Map<number, EpochRecord[]>();
  const ended = new Set<number>();
  const sent: Sent[] = [];
  await trainBatch(data, trials, {
    onEpochs: (entries) => entries.forEach(({ trialId, records: added }) => records.set(trialId, [...(records.get(trialId) ?? []), ...added])),
    onEnd: (trialId) => ended.add(trialId),
    onWeights: (trialId, epoch, layers) => sent.push({ trialId, epoch, layers, at: performance.now(), ended: ended.has(trialId) }),
    shouldStop: () => false,
    shouldAbort: () => false,
    watched: () => watched(records),
  });
  return { sent, records };
}

describe('trainBatch with a watched trial', () => {
  it("sends the watched member's weights while it trains, each scoring the validation loss recorded for its epoch, at most every watchIntervalMs", async () => {
    const trials: BatchTrial[] = [
      { trialId: 1, settings: base, seed: 1 },
      { trialId: 2, settings: { ...base, units: 5 }, seed: 2 },
      { trialId: 3, settings: { ...base, learningRate: 0.01 }, seed: 3 },
    ];
    const { sent, records } = await trainWatching(trials, () => 2);
    expect(sent.every((entry) => !entry.ended)).toBe(true);
    // Trials 1 and 3 are not watched: only their final weights.
    expect(sent.filter((entry) => entry.trialId !== 2).map((entry) => [entry.trialId, entry.epoch])).toEqual([[1, 12], [3, 12]]);
    const watched = sent.filter((entry) => entry.trialId === 2);
    const during = watched.slice(0, -1);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during[0].epoch).toBe(1);
    expect(watched.at(-1)!.epoch).toBe(12);
    during.forEach((entry, index) => {
      expect(entry.epoch).toBeLessThan(12);
      if (index > 0) {
        expect(entry.epoch).toBeGreaterThan(during[index - 1].epoch);
        expect(entry.at - during[index - 1].at).toBeGreaterThanOrEqual(watchIntervalMs - 1);
      }
      // The unpadded 2 → 5 → 5 → 2 network of that epoch: it scores the loss the search recorded then.
      expect(entry.layers.map((layer) => [layer.inputs, layer.units])).toEqual([[2, 5], [5, 5], [5, 2]]);
      const recorded = records.get(2)![entry.epoch - 1].validationLoss;
      expect(Math.abs(validationLoss(entry.layers) - recorded)).toBeLessThan(1e-4);
    });
    expect(Array.from(during[0].layers[0].kernel)).not.toEqual(Array.from(watched.at(-1)!.layers[0].kernel));
  }, 120_000);

  it('follows the watch from one member to another mid-run, and sends nothing extra when none is watched', async () => {
    const trials: BatchTrial[] = [
      { trialId: 7, settings: base, seed: 7 },
      { trialId: 8, settings: base, seed: 8 },
    ];
    const { sent } = await trainWatching(trials, (records) => ((records.get(7)?.length ?? 0) < 6 ? 7 : 8));
    const during = sent.slice(0, -2);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during[0]).toMatchObject({ trialId: 7, epoch: 1 });
    expect(during.filter((entry) => entry.trialId === 7).every((entry) => entry.epoch < 6)).toBe(true);
    expect(during.filter((entry) => entry.trialId === 8).every((entry) => entry.epoch >= 6)).toBe(true);
    const unwatched = await trainWatching(trials, () => null);
    expect(unwatched.sent.map((entry) => [entry.trialId, entry.epoch])).toEqual([[7, 12], [8, 12]]);
  }, 120_000);
});

describe('Population.readTrialWeights', () => {
  it("reads one member's weights of a padded TF.js population exactly as readWeights reads them", async () => {
    const population = createPopulation({ ...data, trials: [{ settings: { ...base, units: 8 }, seed: 1 }, { settings: { ...base, units: 3 }, seed: 2 }] });
    try {
      await population.runEpoch();
      const all = await population.readWeights();
      for (const k of [0, 1]) {
        const one = await population.readTrialWeights(k);
        expect(one).not.toBeNull();
        expect(one!.map((layer) => [layer.inputs, layer.outputs])).toEqual(all[k].map((layer) => [layer.inputs, layer.outputs]));
        one!.forEach((layer, index) => {
          expect(Array.from(layer.kernel)).toEqual(Array.from(all[k][index].kernel));
          expect(Array.from(layer.bias)).toEqual(Array.from(all[k][index].bias));
        });
      }
    } finally {
      population.dispose();
    }
  }, 60_000);
});
