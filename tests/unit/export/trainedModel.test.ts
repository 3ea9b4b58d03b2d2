import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { trainedModelFiles } from '../../../src/lib/export/trainedModel';
import { networkArtifacts } from '../../../src/lib/training/networkArtifacts';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from '../training/spiralTrialData';

useCpuBackend();

/** Mean softmax cross-entropy of logits [n, classes] against class indices. */
function crossEntropy(logits: tf.Tensor2D, labels: number[]): number {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), logits.shape[1]), logits).dataSync()[0]);
}

describe('trainedModelFiles', () => {
  it('writes a model.json whose manifest names the weights file, and which loads back to the trial\'s validation loss', async () => {
    const data = spiralTrialData(80, 9, 4);
    const trained = await trainTrial({ data, settings: { ...defaultModelSettings, hiddenLayers: 1, units: 8, epochs: 4, learningRate: 0.05 }, seed: 11 });
    try {
      const files = trainedModelFiles(await networkArtifacts(trained.model.network!), { trial: 'trial 3', dataset: 'spiral', task: 'classification', validationLoss: trained.epochs.at(-1)!.validationLoss }, 'trial-3');
      const json = JSON.parse(files.modelJson);
      expect(files.weightsName).toBe('trial-3.weights.bin');
      expect(json.format).toBe('layers-model');
      expect(json.weightsManifest[0].paths).toEqual(['./trial-3.weights.bin']);
      expect(json.userDefinedMetadata.outputs).toMatch(/logits/);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: files.weights }));
      const rows = Array.from(data.validationIndices);
      const features = tf.tensor2d(rows.flatMap((row) => [data.features[2 * row], data.features[2 * row + 1]]), [rows.length, 2]);
      const logits = loaded.predict(features) as tf.Tensor2D;
      const loss = crossEntropy(logits, rows.map((row) => data.targets[row]));
      expect(loss).toBeCloseTo(json.userDefinedMetadata.validationLoss, 5);
      tf.dispose([features, logits]);
      loaded.dispose();
    } finally {
      trained.model.dispose();
    }
  });
});
