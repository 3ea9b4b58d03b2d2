import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { networkOutputs, softmaxRows } from '../../../src/lib/core/networkForward';
import { defaultModelSettings, type Activation, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { createRandom } from '../../../src/lib/core/random';
import { buildMlp } from '../../../src/lib/training/mlp';
import { networkWeights } from '../../../src/lib/training/networkArtifacts';
import { useCpuBackend } from './spiralTrialData';

useCpuBackend();

const rows = new Float32Array([0.1, -0.4, 0.7, 0.2, -0.9, 0.5, 2.5, -3]);

describe('networkOutputs', () => {
  for (const activation of ['relu', 'tanh', 'sigmoid', 'elu', 'linear'] as Activation[]) {
    it(`gives the logits TF.js gives for the same ${activation} network (dropout off, as at test time)`, async () => {
      const settings: ModelSettings = { ...defaultModelSettings, activation, hiddenLayers: 2, units: 6, dropout: 0.3 };
      const network = buildMlp(settings, 2, 3, createRandom(4));
      const input = tf.tensor2d(rows, [4, 2]);
      try {
        const expected = (network.predict(input) as tf.Tensor).dataSync();
        const got = networkOutputs(await networkWeights(network), activation, rows);
        expect(got.length).toBe(12);
        got.forEach((value, index) => expect(value).toBeCloseTo(expected[index], 5));
      } finally {
        input.dispose();
        network.dispose();
      }
    });
  }

  it('refuses inputs that do not fit the first layer', () => {
    const layer = { inputs: 3, units: 1, kernel: new Float32Array(3), bias: new Float32Array(1) };
    const second = { inputs: 2, units: 1, kernel: new Float32Array(2), bias: new Float32Array(1) };
    expect(() => networkOutputs([layer, second], 'relu', new Float32Array(3))).toThrow(/Layer 2 takes 2 inputs, but 1 arrive/);
  });
});

describe('softmaxRows', () => {
  it('turns each row into probabilities summing to one, even for huge logits', () => {
    const probabilities = softmaxRows(new Float32Array([0, Math.log(3), 1000, 1000]), 2);
    expect(probabilities[0]).toBeCloseTo(0.25, 6);
    expect(probabilities[1]).toBeCloseTo(0.75, 6);
    expect(Array.from(probabilities.slice(2))).toEqual([0.5, 0.5]);
  });
});
