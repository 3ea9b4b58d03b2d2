import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { networkArtifacts, networkWeights } from '../../../src/lib/training/networkArtifacts';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const settings: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, units: 5, epochs: 3, learningRate: 0.03, batchSize: 16 };

describe('networkArtifacts', () => {
  it('networkWeights gives one kernel and bias per dense layer, inputs to outputs, equal to the network\'s own', async () => {
    const trained = await trainTrial({ data: spiralTrialData(60, 3, 4), settings, seed: 4 });
    try {
      const network = trained.model.network!;
      const layers = await networkWeights(network);
      expect(layers.map(({ inputs, units }) => [inputs, units])).toEqual([[2, 5], [5, 5], [5, 2]]);
      const own = network.getWeights();
      expect(Array.from(layers[1].kernel)).toEqual(Array.from(own[2].dataSync()));
      expect(Array.from(layers[2].bias)).toEqual(Array.from(own[5].dataSync()));
    } finally {
      trained.model.dispose();
    }
  });

  it('the saved artifacts load back with tf.loadLayersModel and predict the same logits', async () => {
    const trained = await trainTrial({ data: spiralTrialData(60, 3, 4), settings, seed: 5 });
    const rows = tf.tensor2d([0.1, -0.4, 0.7, 0.2, -0.9, 0.5], [3, 2]);
    try {
      const artifacts = await networkArtifacts(trained.model.network!);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const expected = (trained.model.network!.predict(rows) as tf.Tensor).arraySync();
      expect((loaded.predict(rows) as tf.Tensor).arraySync()).toEqual(expected);
      loaded.dispose();
    } finally {
      rows.dispose();
      trained.model.dispose();
    }
  });
});
