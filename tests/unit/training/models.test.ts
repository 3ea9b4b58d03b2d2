import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type Activation, type Initializer, type ModelSettings, type OptimizerName } from '../../../src/lib/core/modelSettings';
import { createRandom } from '../../../src/lib/core/random';
import { trainTrial, type TrialData } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const spiralData = (samples = 60): TrialData => spiralTrialData(samples, 5, 4);

const optimizers: OptimizerName[] = ['sgd', 'momentum', 'adam', 'rmsprop'];
const activations: Activation[] = ['relu', 'tanh', 'sigmoid', 'elu', 'linear'];
const initializers: Initializer[] = ['glorotUniform', 'heNormal', 'lecunNormal', 'randomNormal'];
const few: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, units: 8, epochs: 2, batchSize: 16, learningRate: 0.01, l1: 0.001, l2: 0.001, dropout: 0.1 };

async function expectFiniteAndNoLeak(settings: ModelSettings, data = spiralData()): Promise<void> {
  const baseline = tf.memory().numTensors;
  const trained = await trainTrial({ data, settings, seed: 3 });
  const outputs = trained.model.predict(data.features.subarray(0, 10 * data.featureCount));
  const values = await outputs.data();
  outputs.dispose();
  trained.model.dispose();
  expect(trained.end).toBe('complete');
  expect(trained.epochs).toHaveLength(settings.epochs);
  for (const record of trained.epochs) {
    expect(Number.isFinite(record.trainLoss) && Number.isFinite(record.validationLoss)).toBe(true);
  }
  expect(Array.from(values).every(Number.isFinite)).toBe(true);
  expect(tf.memory().numTensors).toBe(baseline);
}

describe('every optimizer, activation and initializer trains a few steps on the CPU backend', () => {
  for (const optimizer of optimizers) {
    for (const activation of activations) {
      it(`${optimizer} with ${activation} gives finite losses and outputs and leaks no tensors`, async () => {
        await expectFiniteAndNoLeak({ ...few, optimizer, activation });
      });
    }
  }
  for (const initializer of initializers) {
    it(`the ${initializer} initializer gives finite losses and leaks no tensors`, async () => {
      await expectFiniteAndNoLeak({ ...few, initializer });
    });
  }
  it('polynomial ridge regression on a classification set gives finite losses and leaks no tensors', async () => {
    await expectFiniteAndNoLeak({ ...few, kind: 'ridge', degree: 4, alpha: 0.01, optimizer: 'adam' });
  });
});

describe('polynomial ridge regression', () => {
  it('with degree 1 and alpha 0 matches the closed-form least-squares line within 1e-3', async () => {
    const random = createRandom(11);
    const size = 80;
    const xs = Float32Array.from({ length: size }, () => random.uniform(-1, 1));
    const ys = Float32Array.from(xs, (x) => 0.7 * x - 0.3 + 0.2 * random.normal());
    const train = Array.from({ length: 60 }, (_, i) => i);
    const validation = Array.from({ length: 20 }, (_, i) => 60 + i);
    // Closed form over the training rows: slope = cov(x, y) / var(x), intercept = ȳ − slope · x̄ (in float64).
    const meanX = train.reduce((sum, i) => sum + xs[i], 0) / train.length;
    const meanY = train.reduce((sum, i) => sum + ys[i], 0) / train.length;
    const covariance = train.reduce((sum, i) => sum + (xs[i] - meanX) * (ys[i] - meanY), 0);
    const variance = train.reduce((sum, i) => sum + (xs[i] - meanX) ** 2, 0);
    const slope = covariance / variance;
    const intercept = meanY - slope * meanX;

    // Full-batch gradient descent on a convex quadratic: with this step it converges geometrically.
    const settings: ModelSettings = { ...defaultModelSettings, kind: 'ridge', degree: 1, alpha: 0, optimizer: 'sgd', learningRate: 0.5, batchSize: train.length, epochs: 300 };
    const trained = await trainTrial({
      data: { features: xs, targets: ys, featureCount: 1, classCount: 0, trainIndices: train, validationIndices: validation },
      settings,
      seed: 1,
    });
    const probe = Float32Array.from([-1, -0.5, 0, 0.5, 1]);
    const outputs = trained.model.predict(probe);
    const predicted = Array.from(await outputs.data());
    outputs.dispose();
    trained.model.dispose();
    expect(trained.end).toBe('complete');
    probe.forEach((x, i) => expect(Math.abs(predicted[i] - (slope * x + intercept))).toBeLessThan(1e-3));
  });
});
