import { describe, expect, it } from 'vitest';
import { baselineLoss, diagnose } from '../../../src/lib/core/diagnose';
import { generateDataset } from '../../../src/lib/datasets';
import { splitDataset } from '../../../src/lib/datasets/split';
import { classicModelKinds, type FittedModel } from '../../../src/lib/models/fittedModel';
import type { GradientBoosting } from '../../../src/lib/models/gradientBoosting';
import { crossEntropy, meanSquaredError } from '../../../src/lib/models/losses';
import { modelFamily } from '../../../src/lib/models/modelFamilies';
import type { RandomForest } from '../../../src/lib/models/randomForest';
import { type FeatureTable, tableFromDataset } from '../../../src/lib/models/table';
import { modelOptions, trainModel } from '../../../src/lib/models/trainModel';

function tables(name: string): { train: FeatureTable; validation: FeatureTable } {
  const dataset = generateDataset(name, { samples: 200, noise: 0.2, seed: 3 });
  const split = splitDataset(dataset, { train: 0.7, validation: 0.3, test: 0 }, 3);
  return { train: tableFromDataset(dataset, split.train), validation: tableFromDataset(dataset, split.validation) };
}

const quick = { forest: { treeCount: 10 }, boosting: { rounds: 10 }, linear: { maxIterations: 50 }, tree: {}, knn: {} };

describe('trainModel', () => {
  it('trains every family on classes and on a curve, with finite losses and accuracies only for classes', () => {
    for (const kind of classicModelKinds) {
      for (const name of ['moons', 'sine']) {
        const { train, validation } = tables(name);
        const { model, epochs } = trainModel(kind, train, validation, quick[kind], 1);
        expect(epochs.length, `${kind} on ${name}`).toBeGreaterThan(0);
        expect(epochs.map((record) => record.epoch)).toEqual(epochs.map((_, index) => index + 1));
        for (const record of epochs) {
          expect(Number.isFinite(record.trainLoss) && Number.isFinite(record.validationLoss)).toBe(true);
          expect(record.validationAccuracy === undefined).toBe(name === 'sine');
        }
        expect(model.predict(validation.features)).toHaveLength(validation.size);
      }
    }
  });

  it('the last record scores the returned model: cross-entropy for classes, mean squared error for a curve', () => {
    const moons = tables('moons');
    const forest = trainModel('forest', moons.train, moons.validation, { treeCount: 5 }, 2);
    const last = forest.epochs[forest.epochs.length - 1];
    expect(last.validationLoss).toBeCloseTo(crossEntropy(forest.model.outputs(moons.validation.features), moons.validation.targets, 2), 10);
    const sine = tables('sine');
    const knn = trainModel('knn', sine.train, sine.validation, {}, 2);
    expect(knn.epochs[0].validationLoss).toBeCloseTo(meanSquaredError(knn.model.predict(sine.validation.features), sine.validation.targets), 12);
  });

  it('a forest’s epochs are its trees, a boosting run’s its rounds, a tree and k-NN have one', () => {
    const { train, validation } = tables('moons');
    expect(trainModel('forest', train, validation, { treeCount: 7 }, 1).epochs).toHaveLength(7);
    expect(trainModel('boosting', train, validation, { rounds: 4 }, 1).epochs).toHaveLength(4);
    expect(trainModel('tree', train, validation, {}, 1).epochs).toHaveLength(1);
    expect(trainModel('knn', train, validation, {}, 1).epochs).toHaveLength(1);
  });

  it('stops when the step callback returns false and keeps the model of that step', () => {
    const { train, validation } = tables('moons');
    const stopped = trainModel('boosting', train, validation, { rounds: 50 }, 1, (step) => step.record.epoch < 3);
    expect(stopped.epochs).toHaveLength(3);
    expect((stopped.model as GradientBoosting).rounds).toHaveLength(3);
    const forest = trainModel('forest', train, validation, { treeCount: 50 }, 1, (step) => step.record.epoch < 2);
    expect((forest.model as RandomForest).trees).toHaveLength(2);
  });

  it('is seeded: the same seed gives the same curve', () => {
    const { train, validation } = tables('moons');
    const curve = (seed: number) => trainModel('forest', train, validation, { treeCount: 5 }, seed).epochs;
    expect(curve(4)).toEqual(curve(4));
    expect(curve(4)).not.toEqual(curve(5));
  });
});

describe('boosting rounds as epochs', () => {
  it('diagnose reads a boosting curve like an MLP’s: deep fast boosting overfits, slow stumps underfit, moderate fits', () => {
    const dataset = generateDataset('moons', { samples: 300, noise: 0.5, seed: 3 });
    const split = splitDataset(dataset, { train: 0.7, validation: 0.3, test: 0 }, 3);
    const [train, validation] = [tableFromDataset(dataset, split.train), tableFromDataset(dataset, split.validation)];
    const label = (options: object) => diagnose(trainModel('boosting', train, validation, options, 1).epochs, { baselineLoss: baselineLoss([0.5, 0.5]) }).label;
    expect(label({ rounds: 200, learningRate: 0.5, maxDepth: 6 })).toBe('overfit');
    expect(label({ rounds: 30, learningRate: 0.01, maxDepth: 1 })).toBe('underfit');
    expect(label({ rounds: 100, learningRate: 0.1, maxDepth: 2 })).toBe('good fit');
  });
});

describe('forest trees as epochs', () => {
  it('a forest’s validation loss falls as trees are averaged, below any single deep tree’s', () => {
    const dataset = generateDataset('moons', { samples: 300, noise: 0.5, seed: 3 });
    const split = splitDataset(dataset, { train: 0.7, validation: 0.3, test: 0 }, 3);
    const [train, validation] = [tableFromDataset(dataset, split.train), tableFromDataset(dataset, split.validation)];
    const epochs = trainModel('forest', train, validation, { treeCount: 40 }, 1).epochs;
    expect(epochs[39].validationLoss).toBeLessThan(epochs[0].validationLoss / 2);
    const tree = trainModel('tree', train, validation, {}, 1).epochs[0];
    expect(epochs[39].validationLoss).toBeLessThan(tree.validationLoss);
  });
});

describe('modelFamily', () => {
  it('lists linear, tree, forest, boosting and knn, and throws on an unknown kind', () => {
    expect(classicModelKinds).toEqual(['linear', 'tree', 'forest', 'boosting', 'knn']);
    for (const kind of classicModelKinds) expect(modelFamily(kind).kind).toBe(kind);
    expect(() => modelFamily('mlp' as never)).toThrow('invalid model kind: mlp');
    expect(() => modelFamily('toString' as never)).toThrow('invalid model kind: toString');
  });

  it('fills options the caller leaves out with the family’s defaults', () => {
    expect(modelOptions('forest', { treeCount: 3 })).toEqual({ ...modelFamily('forest').defaults, treeCount: 3 });
  });

  it('gives models that satisfy the shared interface', () => {
    const { train, validation } = tables('moons');
    for (const kind of classicModelKinds) {
      const model: FittedModel = trainModel(kind, train, validation, quick[kind], 1).model;
      expect([model.task, model.classCount, model.featureCount]).toEqual(['classification', 2, 2]);
      expect(model.outputs(validation.features)).toHaveLength(validation.size * 2);
    }
  });
});
