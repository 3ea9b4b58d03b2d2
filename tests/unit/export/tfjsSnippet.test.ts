import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { tfjsSnippet, type SnippetData } from '../../../src/lib/export/tfjsSnippet';

const source = { name: 'Trial 7', validationLoss: 0.123456, validationAccuracy: 0.9 };
const classes: SnippetData = { featureCount: 2, classCount: 3 };
const regression: SnippetData = { featureCount: 1, classCount: 0 };
const settings = (changes: Partial<ModelSettings>): ModelSettings => ({ ...defaultModelSettings, ...changes });

/** The snippet as a function of tf and the four data tensors (tests only: the app never evaluates code). */
function compile(snippet: string): (tfModule: typeof tf, data: Record<string, tf.Tensor>) => Promise<void> {
  const body = snippet.replace("import * as tf from '@tensorflow/tfjs';", '');
  expect(body).not.toContain('import ');
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (tfModule: typeof tf, data: Record<string, tf.Tensor>) => Promise<void>;
  return new AsyncFunction('tf', 'data', `const { xTrain, yTrain, xValidation, yValidation } = data;\nconst console = { log() {} };\n${body}`);
}

/** A tiny dataset of `size` rows: features [size, featureCount], targets one-hot or [size, 1]. */
function tinyData(shape: SnippetData, size: number): Record<string, tf.Tensor> {
  const make = () => {
    const x = tf.randomUniform([size, shape.featureCount], -1, 1, 'float32', 1);
    const y = shape.classCount > 0 ? tf.oneHot(tf.tensor1d(Array.from({ length: size }, (_, row) => row % shape.classCount), 'int32'), shape.classCount).toFloat() : tf.randomUniform([size, 1], -1, 1, 'float32', 2);
    return [x, y];
  };
  const [xTrain, yTrain] = make();
  const [xValidation, yValidation] = make();
  return { xTrain, yTrain, xValidation, yValidation };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('tfjsSnippet(settings, data, source)', () => {
  it('names the trial and its validation scores in a comment header', () => {
    const snippet = tfjsSnippet(defaultModelSettings, classes, source);
    expect(snippet.split('\n')[0]).toBe('// Trial 7 from the Tuning Playground — validation loss 0.1235, validation accuracy 0.9000.');
    expect(snippet).toContain("import * as tf from '@tensorflow/tfjs';");
  });

  it('writes an MLP classifier as dense layers ending in softmax, trained with categorical cross-entropy', () => {
    const snippet = tfjsSnippet(settings({ hiddenLayers: 2, units: 8, activation: 'tanh', initializer: 'heNormal', optimizer: 'adam', learningRate: 0.0125 }), classes, source);
    expect(snippet).toContain('tf.sequential()');
    expect(snippet.match(/tf\.layers\.dense/g)).toHaveLength(3);
    expect(snippet).toContain("inputShape: [2], units: 8, activation: 'tanh', kernelInitializer: tf.initializers.heNormal({})");
    expect(snippet).toContain("units: 3, activation: 'softmax'");
    expect(snippet).toContain('optimizer: tf.train.adam(0.0125)');
    expect(snippet).toContain("loss: 'categoricalCrossentropy'");
    expect(snippet).toContain('validationData: [xValidation, yValidation]');
    expect(snippet).not.toContain('earlyStopping');
  });

  it('adds L1/L2 regularizers, dropout, momentum and early stopping when the settings ask for them', () => {
    const snippet = tfjsSnippet(settings({ l1: 0.001, l2: 0.0001, dropout: 0.25, optimizer: 'momentum', learningRate: 0.1, momentum: 0.8, patience: 5, epochs: 40, batchSize: 16 }), classes, source);
    expect(snippet).toContain('kernelRegularizer: tf.regularizers.l1l2({ l1: 0.001, l2: 0.0001 })');
    expect(snippet).toContain('tf.layers.dropout({ rate: 0.25 })');
    expect(snippet).toContain('tf.train.momentum(0.1, 0.8)');
    expect(snippet).toContain("tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 5 })");
    expect(snippet).toContain('epochs: 40');
    expect(snippet).toContain('batchSize: 16');
  });

  it('writes a regression model with a linear output and mean squared error', () => {
    const snippet = tfjsSnippet(settings({ hiddenLayers: 1, optimizer: 'rmsprop', l2: 0.01 }), regression, { name: 'the hand-trained model' });
    expect(snippet).toContain("units: 1, activation: 'linear'");
    expect(snippet).toContain("loss: 'meanSquaredError'");
    expect(snippet).toContain('tf.train.rmsprop(0.03)');
    expect(snippet).toContain('tf.regularizers.l2({ l2: 0.01 })');
    expect(snippet.split('\n')[0]).toBe('// the hand-trained model from the Tuning Playground.');
  });

  it('writes ridge regression as a linear layer on polynomial features with an L2 penalty alpha', () => {
    const snippet = tfjsSnippet(settings({ kind: 'ridge', degree: 4, alpha: 0.5, optimizer: 'sgd' }), regression, source);
    expect(snippet).toContain('const degree = 4;');
    expect(snippet.match(/tf\.layers\.dense/g)).toHaveLength(1);
    expect(snippet).toContain('inputShape: [4], units: 1');
    expect(snippet).toContain('tf.regularizers.l2({ l2: 0.5 })');
    expect(snippet).toContain('model.fit(polynomialFeatures(xTrain), yTrain');
  });

  it('refuses a non-finite number rather than writing code that cannot run', () => {
    expect(() => tfjsSnippet(settings({ learningRate: Number.NaN }), classes, source)).toThrow(/NaN/);
  });

  it('says plainly that TF.js has no hypergradient optimiser, and trains at the fixed starting rate instead', () => {
    const snippet = tfjsSnippet(settings({ optimizer: 'adam-hd', learningRate: 0.001, hypergradientRate: 0.001 }), classes, source);
    expect(snippet).toContain('TF.js has no adam-hd optimiser');
    expect(snippet).toContain('optimizer: tf.train.adam(0.001)');
  });

  const runnable: [string, ModelSettings, SnippetData][] = [
    ['an MLP classifier with dropout, L1/L2 and early stopping', settings({ l1: 0.001, l2: 0.001, dropout: 0.2, patience: 1, optimizer: 'momentum', initializer: 'lecunNormal' }), classes],
    ['an MLP regressor with sgd and random-normal weights', settings({ optimizer: 'sgd', initializer: 'randomNormal', activation: 'elu' }), regression],
    ['a logistic model (no hidden layer) with rmsprop', settings({ hiddenLayers: 0, optimizer: 'rmsprop' }), classes],
    ['an MLP classifier with sgd-hd (written as plain SGD)', settings({ optimizer: 'sgd-hd', learningRate: 0.01 }), classes],
    ['ridge regression of degree 3', settings({ kind: 'ridge', degree: 3, alpha: 0.1 }), { featureCount: 2, classCount: 0 }],
  ];
  for (const [label, modelSettings, shape] of runnable) {
    it(`runs: ${label} trains for two epochs on TF.js's CPU backend`, async () => {
      const snippet = tfjsSnippet({ ...modelSettings, epochs: 2, batchSize: 8 }, shape, source);
      const data = tinyData(shape, 24);
      await expect(compile(snippet)(tf, data)).resolves.toBeUndefined();
      tf.dispose(Object.values(data));
    });
  }
});
