import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { spiral } from '../../../src/lib/datasets/spiral';
import { trainTrial, type TrialData } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const spiralData = (samples = 200): TrialData => spiralTrialData(samples, 42, 5);

const small: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, units: 16, epochs: 15, learningRate: 0.03, batchSize: 32 };

describe('trainTrial', () => {
  it('lowers the training loss on the spiral and reports every epoch', async () => {
    const trained = await trainTrial({ data: spiralData(), settings: small, seed: 1 });
    trained.model.dispose();
    expect(trained.end).toBe('complete');
    expect(trained.epochs).toHaveLength(15);
    expect(trained.epochs.map((record) => record.epoch)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(trained.epochs[14].trainLoss).toBeLessThan(0.8 * trained.epochs[0].trainLoss);
    expect(trained.epochs[14].trainAccuracy).toBeGreaterThan(0.5);
  });

  it('returns the tensor count to its baseline once the model is disposed (model and optimizer)', async () => {
    const baseline = tf.memory().numTensors;
    const trained = await trainTrial({ data: spiralData(100), settings: { ...small, epochs: 3, optimizer: 'adam', patience: 1 }, seed: 2 });
    expect(tf.memory().numTensors).toBeGreaterThan(baseline);
    trained.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('gives identical curves for the same seed and different ones for another seed', async () => {
    const settings = { ...small, epochs: 3, dropout: 0.2 };
    const first = await trainTrial({ data: spiralData(100), settings, seed: 7 });
    const second = await trainTrial({ data: spiralData(100), settings, seed: 7 });
    const third = await trainTrial({ data: spiralData(100), settings, seed: 8 });
    [first, second, third].forEach((trained) => trained.model.dispose());
    expect(second.epochs).toEqual(first.epochs);
    expect(third.epochs).not.toEqual(first.epochs);
  });

  it('marks a trial with a huge learning rate as diverged and stops it early', async () => {
    const trained = await trainTrial({
      data: spiralData(100),
      settings: { ...small, optimizer: 'sgd', learningRate: 1e4, epochs: 20, activation: 'relu' },
      seed: 3,
    });
    trained.model.dispose();
    expect(trained.end).toBe('diverged');
    expect(trained.epochs.length).toBeLessThan(20);
  });

  it('stops when onEpoch answers stop', async () => {
    const trained = await trainTrial({ data: spiralData(100), settings: small, seed: 4, onEpoch: (record) => (record.epoch === 2 ? 'stop' : undefined) });
    trained.model.dispose();
    expect(trained.end).toBe('stopped');
    expect(trained.epochs).toHaveLength(2);
  });

  it('early stopping with patience stops after that many epochs without improvement and keeps the best epoch', async () => {
    // A tiny, noisy training set and a big network overfit fast, so validation loss turns up.
    const dataset = spiral({ samples: 60, noise: 0.6, seed: 9 });
    const indices = Array.from({ length: 60 }, (_, i) => i);
    const data: TrialData = {
      features: dataset.features,
      targets: dataset.targets,
      featureCount: 2,
      classCount: 2,
      trainIndices: indices.slice(0, 20),
      validationIndices: indices.slice(20),
    };
    const trained = await trainTrial({
      data,
      settings: { ...small, units: 64, hiddenLayers: 3, epochs: 200, learningRate: 0.05, batchSize: 20, patience: 5 },
      seed: 5,
    });
    trained.model.dispose();
    expect(trained.end).toBe('early-stopped');
    expect(trained.epochs.length).toBe(trained.keptEpoch + 5);
    const best = Math.min(...trained.epochs.map((record) => record.validationLoss));
    expect(trained.epochs[trained.keptEpoch - 1].validationLoss).toBe(best);
  });
});
