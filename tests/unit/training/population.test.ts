import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { spiral } from '../../../src/lib/datasets/spiral';
import { createEpochPlanner } from '../../../src/lib/training/epochPlan';
import { initialWeights, type LayerWeights } from '../../../src/lib/training/initialWeights';
import {
  createPopulation,
  type PopulationEpoch,
  type PopulationOptions,
  type PopulationTrial,
} from '../../../src/lib/training/population';
import { groupTrials } from '../../../src/lib/training/populationGroups';

const data = spiral({ samples: 64, noise: 0.1, seed: 3 });
// The spiral lists its points from the centre outwards: every fourth point validates.
const trainIndices = Array.from({ length: 64 }, (_, i) => i).filter((i) => i % 4 !== 3);
const validationIndices = Array.from({ length: 64 }, (_, i) => i).filter((i) => i % 4 === 3);

// A 2-8-2 MLP trained on 48 spiral points in batches of 16.
const base: ModelSettings = {
  ...defaultModelSettings,
  kind: 'mlp',
  hiddenLayers: 1,
  units: 8,
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: 0.05,
  momentum: 0.9,
  batchSize: 16,
  epochs: 1000,
  l1: 0,
  l2: 0,
  dropout: 0,
  initializer: 'glorotUniform',
  patience: 0,
};

function trial(changes: Partial<ModelSettings>, seed: number, initialScale?: number): PopulationTrial {
  return { settings: { ...base, ...changes }, seed, initialScale };
}

function options(trials: PopulationTrial[], classCount = data.classCount, targets = data.targets): PopulationOptions {
  return { features: data.features, targets, featureCount: 2, classCount, trainIndices, validationIndices, trials };
}

async function train(populationOptions: PopulationOptions, epochs: number): Promise<{ history: PopulationEpoch[]; weights: LayerWeights[][] }> {
  const population = createPopulation(populationOptions);
  try {
    const history: PopulationEpoch[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) history.push(await population.runEpoch());
    return { history, weights: await population.readWeights() };
  } finally {
    population.dispose();
  }
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-6);
}

/** Largest relative difference of losses between trial k of a population run and a solo run. */
function maxLossDifference(population: PopulationEpoch[], k: number, solo: PopulationEpoch[]): number {
  let largest = 0;
  population.forEach((epoch, e) => {
    const mine = epoch.trials[k]!;
    const alone = solo[e].trials[0]!;
    largest = Math.max(largest, relativeDifference(mine.trainLoss, alone.trainLoss), relativeDifference(mine.validationLoss, alone.validationLoss));
  });
  return largest;
}

function maxWeightDifference(a: LayerWeights[], b: LayerWeights[]): number {
  let largest = 0;
  a.forEach((layer, l) => {
    layer.kernel.forEach((value, i) => (largest = Math.max(largest, Math.abs(value - b[l].kernel[i]))));
    layer.bias.forEach((value, i) => (largest = Math.max(largest, Math.abs(value - b[l].bias[i]))));
  });
  return largest;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createPopulation', () => {
  it('trains each trial inside a population exactly as it trains alone with the same seed', async () => {
    const trials = [
      trial({ optimizer: 'adam' }, 1),
      trial({ optimizer: 'sgd', learningRate: 0.3, l2: 0.01 }, 2),
      trial({ optimizer: 'momentum', momentum: 0.8, l1: 0.003, units: 5 }, 3, 1.5),
      trial({ optimizer: 'rmsprop', learningRate: 0.01, dropout: 0.25, initializer: 'heNormal' }, 4),
      trial({ optimizer: 'adam', dropout: 0.5, units: 3, initializer: 'lecunNormal' }, 5),
    ];
    const together = await train(options(trials), 4);
    for (let k = 0; k < trials.length; k++) {
      const solo = await train(options([trials[k]]), 4);
      expect(maxLossDifference(together.history, k, solo.history)).toBeLessThanOrEqual(1e-4);
      expect(maxWeightDifference(together.weights[k], solo.weights[0])).toBeLessThan(1e-5);
    }
  });

  it('pads narrower trials with units that stay exactly zero, also with sigmoid', async () => {
    const trials = [trial({ activation: 'sigmoid', units: 8, l1: 0.01 }, 1), trial({ activation: 'sigmoid', units: 3, l1: 0.01 }, 2)];
    const together = await train(options(trials), 3);
    const solo = await train(options([trials[1]]), 3);
    expect(maxLossDifference(together.history, 1, solo.history)).toBeLessThanOrEqual(1e-4);
    expect(together.weights[1][0].kernel.length).toBe(2 * 3);
  });

  it('trains regression (classCount 0) with mean squared error, no accuracy, the same alone and together', async () => {
    const targets = Float32Array.from({ length: data.size }, (_, i) => data.features[2 * i] - 0.5 * data.features[2 * i + 1]);
    const trials = [trial({ optimizer: 'adam', learningRate: 0.01 }, 7), trial({ optimizer: 'sgd', learningRate: 0.1 }, 8)];
    const together = await train(options(trials, 0, targets), 5);
    const solo = await train(options([trials[1]], 0, targets), 5);
    expect(maxLossDifference(together.history, 1, solo.history)).toBeLessThanOrEqual(1e-4);
    expect(together.history[0].trials[0]).not.toHaveProperty('trainAccuracy');
    expect(together.history[0].trials[0]).not.toHaveProperty('validationAccuracy');
    expect(together.history[4].trials[1]!.validationLoss).toBeLessThan(together.history[0].trials[1]!.validationLoss);
  });

  it('marks a diverging trial diverged and leaves the other trials as they are alone', async () => {
    // With an L2 penalty, a learning rate of 1e6 multiplies the kernels by about −2e6 per step.
    const exploding = trial({ optimizer: 'sgd', learningRate: 1e6, l2: 1 }, 9);
    const calm = [trial({ optimizer: 'adam' }, 10), trial({ optimizer: 'momentum' }, 11)];
    const together = await train(options([calm[0], exploding, calm[1]]), 5);
    const states = together.history.map((epoch) => epoch.trials[1]?.state ?? 'out');
    const divergedAt = states.indexOf('diverged');
    expect(divergedAt).toBeGreaterThanOrEqual(0);
    expect(states.slice(0, divergedAt).every((state) => state === 'running')).toBe(true);
    expect(states.slice(divergedAt + 1).every((state) => state === 'out')).toBe(true);
    expect(together.weights[1].every((layer) => layer.kernel.every((value) => value === 0))).toBe(true);
    for (const [k, position] of [
      [0, 0],
      [1, 2],
    ]) {
      const solo = await train(options([calm[k]]), 5);
      expect(maxLossDifference(together.history, position, solo.history)).toBeLessThanOrEqual(1e-4);
      expect(together.history[4].trials[position]!.state).toBe('running');
    }
  });

  it('stop(trialIndex) freezes that trial and leaves the others running', async () => {
    const population = createPopulation(options([trial({}, 1), trial({}, 2)]));
    try {
      await population.runEpoch();
      population.stop(0);
      const frozen = await population.readWeights();
      const next = await population.runEpoch();
      const after = await population.readWeights();
      expect(next.trials[0]).toBeNull();
      expect(next.trials[1]!.epoch).toBe(2);
      expect(population.states()).toEqual(['stopped', 'running']);
      expect(maxWeightDifference(after[0], frozen[0])).toBe(0);
      expect(maxWeightDifference(after[1], frozen[1])).toBeGreaterThan(0);
    } finally {
      population.dispose();
    }
  });

  it('ends trials at their own epoch budget (complete) and by patience (early-stopped)', async () => {
    const population = createPopulation(options([trial({ epochs: 2 }, 1), trial({ epochs: 5 }, 2), trial({ learningRate: 0, patience: 2 }, 3)]));
    try {
      const states: string[][] = [];
      while (!population.isFinished()) {
        const epoch = await population.runEpoch();
        states.push(epoch.trials.map((result) => result?.state ?? '-'));
      }
      expect(states).toEqual([
        ['running', 'running', 'running'],
        ['complete', 'running', 'running'],
        ['-', 'running', 'early-stopped'],
        ['-', 'running', '-'],
        ['-', 'complete', '-'],
      ]);
    } finally {
      population.dispose();
    }
  });

  it('gives trials that differ only in learning rate different weights, each equal to its solo run', async () => {
    const trials = [trial({ learningRate: 0.01 }, 5), trial({ learningRate: 0.1 }, 5)];
    const together = await train(options(trials), 3);
    expect(maxWeightDifference(together.weights[0], together.weights[1])).toBeGreaterThan(1e-3);
    for (let k = 0; k < 2; k++) {
      const solo = await train(options([trials[k]]), 3);
      expect(maxWeightDifference(together.weights[k], solo.weights[0])).toBeLessThan(1e-5);
      expect(maxLossDifference(together.history, k, solo.history)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('refuses trials of different depth, activation or batch size in one population', () => {
    expect(() => createPopulation(options([trial({}, 1), trial({ hiddenLayers: 2 }, 2)]))).toThrow(/separate populations/);
    expect(() => createPopulation(options([trial({}, 1), trial({ activation: 'relu' }, 2)]))).toThrow(/separate populations/);
    expect(() => createPopulation(options([trial({}, 1), trial({ batchSize: 8 }, 2)]))).toThrow(/separate populations/);
  });

  it('keeps the tensor count flat over 1,000 steps and frees everything on dispose', async () => {
    const baseline = tf.memory().numTensors;
    const trials = [
      trial({ batchSize: 4, optimizer: 'adam', dropout: 0.2, l1: 0.001, l2: 0.001 }, 1),
      trial({ batchSize: 4, optimizer: 'momentum', units: 4 }, 2),
      trial({ batchSize: 4, optimizer: 'sgd', learningRate: 1e6, l2: 1 }, 3),
    ];
    const population = createPopulation(options(trials));
    try {
      await population.runEpoch();
      const afterWarmUp = tf.memory().numTensors;
      const stepsPerEpoch = trainIndices.length / 4;
      const counts: number[] = [];
      for (let step = 0; step < 1000; step += stepsPerEpoch) {
        await population.runEpoch();
        counts.push(tf.memory().numTensors);
      }
      expect(population.states()[2]).toBe('diverged');
      expect(counts.every((count) => count === afterWarmUp)).toBe(true);
    } finally {
      population.dispose();
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

/** An independent reference: one trial trained with tf.train's optimisers on plain variables. */
async function referenceRun(settings: ModelSettings, seed: number, epochs: number): Promise<number[]> {
  const layers = initialWeights([2, settings.units, 2], settings.initializer, seed);
  const kernels = layers.map((layer) => tf.variable(tf.tensor2d(layer.kernel, [layer.inputs, layer.outputs])));
  const biases = layers.map((layer) => tf.variable(tf.tensor1d(layer.bias)));
  const makers: Record<string, () => tf.Optimizer> = {
    sgd: () => tf.train.sgd(settings.learningRate),
    momentum: () => tf.train.momentum(settings.learningRate, settings.momentum),
    adam: () => tf.train.adam(settings.learningRate),
    rmsprop: () => tf.train.rmsprop(settings.learningRate),
  };
  const optimizer = makers[settings.optimizer]();
  const planner = createEpochPlanner([{ seed, hiddenUnits: [settings.units], dropout: 0 }], trainIndices, [settings.units]);
  const forward = (rows: number[]) => {
    const inputs = tf.tensor2d(rows.flatMap((row) => [data.features[2 * row], data.features[2 * row + 1]]), [rows.length, 2]);
    const labels = tf.oneHot(tf.tensor1d(rows.map((row) => data.targets[row]), 'int32'), 2);
    const hidden = tf.tanh(tf.add(tf.matMul(inputs, kernels[0]), biases[0]));
    const logits = tf.add(tf.matMul(hidden, kernels[1]), biases[1]);
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  };
  const losses: number[] = [];
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const { order } = planner.next();
      for (let start = 0; start < order.length; start += settings.batchSize) {
        const rows = Array.from(order.subarray(start, start + settings.batchSize));
        optimizer.minimize(() => forward(rows));
      }
      const loss = tf.tidy(() => forward(trainIndices));
      losses.push((await loss.data())[0]);
      loss.dispose();
    }
    return losses;
  } finally {
    optimizer.dispose();
    tf.dispose([...kernels, ...biases]);
  }
}

describe('the stacked optimiser', () => {
  for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop'] as const) {
    it(`follows tf.train's ${optimizer} update and lowers the loss`, async () => {
      const settings = { ...base, optimizer, learningRate: optimizer === 'sgd' || optimizer === 'momentum' ? 0.2 : 0.02 };
      const { history } = await train(options([{ settings, seed: 21 }]), 4);
      const reference = await referenceRun(settings, 21, 4);
      history.forEach((epoch, e) => expect(relativeDifference(epoch.trials[0]!.trainLoss, reference[e])).toBeLessThanOrEqual(1e-4));
      expect(history[3].trials[0]!.trainLoss).toBeLessThan(history[0].trials[0]!.trainLoss);
    });
  }
});

describe('groupTrials', () => {
  it('groupTrials(trials, padUnits) keeps widths together when padding and splits them otherwise', () => {
    const trials = [trial({ units: 8 }, 1), trial({ units: 4 }, 2), trial({ activation: 'relu' }, 3), trial({ units: 8 }, 4)];
    expect(groupTrials(trials, true)).toEqual([[0, 1, 3], [2]]);
    expect(groupTrials(trials, false)).toEqual([[0, 3], [1], [2]]);
  });
});
