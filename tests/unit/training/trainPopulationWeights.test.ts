import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { trainBatch, type BatchTrial } from '../../../src/lib/training/trainPopulation';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const data = spiralTrialData(80, 3, 4);
const base: ModelSettings = { ...defaultModelSettings, hiddenLayers: 1, units: 8, epochs: 4, batchSize: 20 };

/** Validation cross-entropy of a network given as plain weights (hidden layers with `activation`, logits out). */
function validationLoss(layers: LayerWeights[], activation: ModelSettings['activation']): number {
  return tf.tidy(() => {
    const rows = Array.from(data.validationIndices);
    let x: tf.Tensor2D = tf.tensor2d(rows.flatMap((row) => [data.features[2 * row], data.features[2 * row + 1]]), [rows.length, 2]);
    layers.forEach((layer, index) => {
      const z = x.matMul(tf.tensor2d(layer.kernel, [layer.inputs, layer.units])).add(tf.tensor1d(layer.bias)) as tf.Tensor2D;
      x = index === layers.length - 1 ? z : activation === 'tanh' ? z.tanh() : z.relu();
    });
    const labels = tf.oneHot(tf.tensor1d(rows.map((row) => data.targets[row]), 'int32'), 2);
    return tf.losses.softmaxCrossEntropy(labels, x).dataSync()[0];
  });
}

describe('trainBatch with onWeights', () => {
  it('hands over each trial\'s weights as the population trained them, before its end, stopped trials included', async () => {
    const trials: BatchTrial[] = [
      { trialId: 1, settings: { ...base, learningRate: 0.01 }, seed: 1 },
      { trialId: 2, settings: { ...base, learningRate: 0.05, units: 4, activation: 'tanh' }, seed: 2 },
      { trialId: 3, settings: { ...base, learningRate: 0.03 }, seed: 3 },
      { trialId: 4, settings: { ...base, kind: 'ridge', degree: 2 }, seed: 4 },
    ];
    const records = new Map<number, EpochRecord[]>();
    const weights = new Map<number, { epoch: number; layers: LayerWeights[] }>();
    const endedBeforeWeights: number[] = [];
    const ended = new Set<number>();
    await trainBatch(data, trials, {
      onEpochs: (entries) => entries.forEach(({ trialId, records: added }) => records.set(trialId, [...(records.get(trialId) ?? []), ...added])),
      onEnd: (trialId) => ended.add(trialId),
      onWeights: (trialId, epoch, layers) => {
        if (ended.has(trialId)) endedBeforeWeights.push(trialId);
        weights.set(trialId, { epoch, layers });
      },
      // Trial 3 is stopped by "the schedule" after 2 epochs, as a pruned trial is.
      shouldStop: (trialId) => trialId === 3 && (records.get(3)?.length ?? 0) >= 2,
      shouldAbort: () => false,
    });
    expect(endedBeforeWeights).toEqual([]);
    expect([...weights.keys()].sort()).toEqual([1, 2, 3, 4]);
    expect(weights.get(3)!.epoch).toBe(2);
    for (const id of [1, 2, 3]) {
      const trial = trials[id - 1];
      const { epoch, layers } = weights.get(id)!;
      const last = records.get(id)!.at(-1)!;
      expect(epoch).toBe(last.epoch);
      expect(layers.map((layer) => [layer.inputs, layer.units])).toEqual([[2, trial.settings.units], [trial.settings.units, 2]]);
      // These weights score the validation loss the search recorded for that epoch: they are the search's own network.
      expect(Math.abs(validationLoss(layers, trial.settings.activation) - last.validationLoss)).toBeLessThan(1e-4);
    }
    // Ridge: one dense layer on the polynomial features (2 inputs × degree 2).
    expect(weights.get(4)!.layers.map((layer) => layer.inputs)).toEqual([4]);
  }, 60_000);

});
