import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { networkArtifacts, networkFromWeights, networkWeights } from '../../../src/lib/training/networkArtifacts';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const rows = [0.1, -0.4, 0.7, 0.2, -0.9, 0.5];

describe('networkFromWeights', () => {
  it('rebuilds a trained MLP (dropout included) from its plain weights: the saved model predicts the same logits', async () => {
    const settings: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, units: 5, dropout: 0.2, epochs: 3, batchSize: 16 };
    const trained = await trainTrial({ data: spiralTrialData(60, 3, 4), settings, seed: 6 });
    const input = tf.tensor2d(rows, [3, 2]);
    try {
      const rebuilt = networkFromWeights(settings, await networkWeights(trained.model.network!));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(await networkArtifacts(rebuilt)));
      const expected = (trained.model.network!.predict(input) as tf.Tensor).arraySync();
      expect((rebuilt.predict(input) as tf.Tensor).arraySync()).toEqual(expected);
      expect((loaded.predict(input) as tf.Tensor).arraySync()).toEqual(expected);
      rebuilt.dispose();
      loaded.dispose();
    } finally {
      input.dispose();
      trained.model.dispose();
    }
  });

  it('rebuilds ridge as one linear layer on its polynomial features, and refuses weights that do not fit the settings', async () => {
    const settings: ModelSettings = { ...defaultModelSettings, kind: 'ridge', degree: 2, epochs: 3 };
    const trained = await trainTrial({ data: spiralTrialData(60, 3, 4), settings, seed: 7 });
    try {
      const layers = await networkWeights(trained.model.network!);
      const rebuilt = networkFromWeights(settings, layers);
      expect(rebuilt.layers).toHaveLength(1);
      expect(Array.from(rebuilt.getWeights()[0].dataSync())).toEqual(Array.from(layers[0].kernel));
      rebuilt.dispose();
      expect(() => networkFromWeights({ ...defaultModelSettings, hiddenLayers: 1 }, layers)).toThrow('the settings make 2 dense layers, the weights have 1');
    } finally {
      trained.model.dispose();
    }
  });
});
