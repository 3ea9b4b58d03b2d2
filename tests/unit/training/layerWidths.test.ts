import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterCount } from '../../../src/lib/analysis/parameterCount';
import { defaultModelSettings, hiddenWidths, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { createRandom } from '../../../src/lib/core/random';
import { spiral } from '../../../src/lib/datasets/spiral';
import { tfjsSnippet } from '../../../src/lib/export/tfjsSnippet';
import { supportsFused } from '../../../src/lib/training/fused/supportsFused';
import { HypergradientOptimizer } from '../../../src/lib/training/hypergradientOptimizer';
import { buildMlp } from '../../../src/lib/training/mlp';
import { createOptimizer } from '../../../src/lib/training/optimizer';
import { createPopulation, type PopulationOptions, type PopulationTrial } from '../../../src/lib/training/population';
import { groupTrials } from '../../../src/lib/training/populationGroups';
import { updateCoefficients } from '../../../src/lib/training/stackedOptimizer';

const settings = (changes: Partial<ModelSettings>): ModelSettings => ({ ...defaultModelSettings, ...changes });
const narrowing = settings({ hiddenLayers: 3, units: 6, units2: 3, units3: 5 });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('per-layer widths in the TF.js model', () => {
  it('buildMlp gives each hidden layer its own width, and the parameter count follows them', () => {
    const model = buildMlp(narrowing, 2, 4, createRandom(1));
    try {
      const kernels = model.layers.filter((layer) => layer.getWeights().length > 0).map((layer) => layer.getWeights()[0].shape);
      expect(kernels).toEqual([[2, 6], [6, 3], [3, 5], [5, 4]]);
      expect(model.countParams()).toBe(3 * 6 + 7 * 3 + 4 * 5 + 6 * 4);
      expect(parameterCount(narrowing, 2, 4)).toBe(model.countParams());
    } finally {
      model.dispose();
    }
  });

  it('a population trains trials of different per-layer widths and β\'s each as it trains alone, and reads back weights of its own widths', async () => {
    const data = spiral({ samples: 64, noise: 0.1, seed: 3 });
    const rows = Array.from({ length: 64 }, (_, i) => i);
    const base = settings({ hiddenLayers: 2, activation: 'tanh', learningRate: 0.05, batchSize: 16 });
    const trials: PopulationTrial[] = [
      { settings: { ...base, units: 6, units2: 3, beta1: 0.8, beta2: 0.99 }, seed: 1 },
      { settings: { ...base, units: 4, units2: 7 }, seed: 2 },
      { settings: { ...base, units: 5, optimizer: 'sgd', beta1: 0.5 }, seed: 3 },
    ];
    expect(groupTrials(trials, false)).toEqual([[0], [1], [2]]);
    expect(groupTrials(trials, true)).toEqual([[0, 1, 2]]);
    const options = (chosen: PopulationTrial[]): PopulationOptions => ({
      features: data.features, targets: data.targets, featureCount: 2, classCount: 2,
      trainIndices: rows.filter((i) => i % 4 !== 3), validationIndices: rows.filter((i) => i % 4 === 3), trials: chosen,
    });
    const run = async (chosen: PopulationTrial[]) => {
      const population = createPopulation(options(chosen));
      try {
        const losses: number[][] = [];
        for (let epoch = 0; epoch < 3; epoch++) losses.push((await population.runEpoch()).trials.map((trial) => trial!.trainLoss));
        return { losses, weights: await population.readWeights() };
      } finally {
        population.dispose();
      }
    };
    const together = await run(trials);
    for (let k = 0; k < trials.length; k++) {
      const alone = await run([trials[k]]);
      together.losses.forEach((epoch, e) => expect(Math.abs(epoch[k] - alone.losses[e][0])).toBeLessThanOrEqual(1e-4 * Math.max(1, alone.losses[e][0])));
      expect(together.weights[k].map((layer) => [layer.inputs, layer.outputs])).toEqual([[2, hiddenWidths(trials[k].settings)[0]], [hiddenWidths(trials[k].settings)[0], hiddenWidths(trials[k].settings)[1]], [hiddenWidths(trials[k].settings)[1], 2]]);
    }
  });

  it('the TF.js snippet builds the same widths and Adam with the trial\'s β\'s', () => {
    const code = tfjsSnippet({ ...narrowing, beta1: 0.8, beta2: 0.99 }, { featureCount: 2, classCount: 4 }, { name: 'Trial 1' });
    expect(code).toContain('3 hidden layer(s) of 6, 3, 5 relu units');
    expect([...code.matchAll(/units: (\d+)/g)].map((match) => Number(match[1]))).toEqual([6, 3, 5, 4]);
    expect(code).toContain('tf.train.adam(0.03, 0.8, 0.99)');
    expect(tfjsSnippet(settings({}), { featureCount: 2, classCount: 2 }, { name: 'Trial 2' })).toContain('tf.train.adam(0.03)');
  });
});

describe("Adam's β's in every trainer", () => {
  it('createOptimizer passes the trial\'s β\'s to tf.train.adam, and the defaults when it has none', () => {
    const optimizer = createOptimizer(settings({ optimizer: 'adam', learningRate: 0.01, beta1: 0.7, beta2: 0.95 }));
    const plain = createOptimizer({ optimizer: 'adam', learningRate: 0.01, momentum: 0.9, hypergradientRate: 0.001 });
    try {
      expect(optimizer.getConfig()).toMatchObject({ learningRate: 0.01, beta1: 0.7, beta2: 0.95 });
      expect(plain.getConfig()).toMatchObject({ beta1: 0.9, beta2: 0.999 });
    } finally {
      optimizer.dispose();
      plain.dispose();
    }
  });

  it('adam-hd with a hypergradient rate of 0 steps exactly as tf.train.adam(lr, β1, β2)', async () => {
    const start = [1.5, -0.7, 0.2];
    const path = async (optimizer: tf.Optimizer) => {
      const theta = tf.variable(tf.tensor1d(start));
      const scales = tf.tensor1d([1, 4, 0.5]);
      try {
        const values: number[][] = [];
        for (let step = 0; step < 6; step++) {
          optimizer.minimize(() => tf.sum(tf.mul(scales, tf.square(tf.sub(theta, 0.3)))) as tf.Scalar, false, [theta]);
          values.push(Array.from(await theta.data()));
        }
        return values;
      } finally {
        optimizer.dispose();
        theta.dispose();
        scales.dispose();
      }
    };
    const hypergradient = await path(new HypergradientOptimizer('adam', 0.1, 0, { beta1: 0.6, beta2: 0.9 }));
    const reference = await path(tf.train.adam(0.1, 0.6, 0.9));
    const withDefaults = await path(tf.train.adam(0.1));
    hypergradient.forEach((values, step) => values.forEach((value, i) => expect(value).toBeCloseTo(reference[step][i], 5)));
    expect(Math.abs(hypergradient[5][1] - withDefaults[5][1])).toBeGreaterThan(1e-3);
  });

  it('the stacked optimiser\'s coefficients carry each trial\'s β\'s, and the fused kernel takes them and per-layer widths', () => {
    expect(updateCoefficients({ optimizer: 'adam', learningRate: 0.1, momentum: 0, beta1: 0.8, beta2: 0.99 })).toEqual([0.8, 1 - 0.8, 0.99, 1 - 0.99, 0.8, 0.99, 0, 1e-7]);
    expect(updateCoefficients({ optimizer: 'adam', learningRate: 0.1, momentum: 0 }).slice(0, 3)).toEqual([0.9, 1 - 0.9, 0.999]);
    const context = { featureCount: 2, classCount: 2, trainCount: 320 };
    const reason = (changes: Partial<ModelSettings>) => {
      const support = supportsFused([{ settings: settings({}) }, { settings: settings(changes) }], context);
      return support.supported ? '' : support.reason;
    };
    expect(reason({ units2: 8 })).toBe('');
    expect(reason({ beta1: 0.8, beta2: 0.99 })).toBe('');
    expect(reason({ units2: 16, optimizer: 'sgd', beta1: 0.8 })).toBe('');
  });
});
