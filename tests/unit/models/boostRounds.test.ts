import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { boostRounds, initialScores } from '../../../src/lib/models/boostRounds';
import type { TrainingStep } from '../../../src/lib/models/fittedModel';
import { defaultGradientBoostingOptions, type GradientBoosting, type GradientBoostingOptions } from '../../../src/lib/models/gradientBoosting';
import { accuracyOf, crossEntropy } from '../../../src/lib/models/losses';
import type { FeatureTable } from '../../../src/lib/models/table';
import { digitsTables, expectClose, irisBinary, wave, waveGrid } from './referenceData';

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), tests/unit/models/sklearnReference.py.
function boost(train: FeatureTable, validation: FeatureTable, options: Partial<GradientBoostingOptions>, seed = 1) {
  const rounds = boostRounds(train, validation, { ...defaultGradientBoostingOptions, ...options }, createRandom(seed));
  const steps: TrainingStep[] = [];
  for (let next = rounds.next(); ; next = rounds.next()) {
    if (next.done) return { steps, model: next.value as GradientBoosting };
    steps.push(next.value);
  }
}

describe('boostRounds', () => {
  it('on two iris classes, its per-round training log-loss is sklearn’s deviance / 2 and its probabilities match', () => {
    const table = irisBinary();
    const { steps, model } = boost(table, table, { rounds: 20 });
    expectClose(steps.map((step) => step.record.trainLoss), [
      0.60067245, 0.52494038, 0.46179337, 0.40832049, 0.36454819, 0.32698659, 0.29462557, 0.26350756, 0.23856028, 0.21454936,
      0.1933527, 0.17462357, 0.15798139, 0.14319651, 0.12999364, 0.11832826, 0.10774496, 0.09900929, 0.09031492, 0.08254023,
    ], 1e-7);
    const outputs = model.outputs(table.features.subarray(0, 5 * 4));
    expectClose([1, 3, 5, 7, 9].map((index) => outputs[index]), [0.06823284, 0.06823284, 0.08051359, 0.06823284, 0.06823284], 1e-7);
  });

  it('on the wave, its per-round training MSE and its predictions are sklearn’s', () => {
    const { steps, model } = boost(wave(), wave(), { rounds: 20, maxDepth: 2 });
    expectClose(steps.map((step) => step.record.trainLoss), [
      0.47391541, 0.3951552, 0.3325072, 0.2817497, 0.23939963, 0.20307465, 0.17391604, 0.1496072, 0.12962255, 0.11303661,
      0.09804706, 0.08637508, 0.07539487, 0.06647012, 0.05920449, 0.05220701, 0.04615865, 0.04085039, 0.03628921, 0.03258592,
    ], 1e-7);
    expectClose(model.predict(waveGrid), [
      0.51194047, 0.51194047, 0.51194047, 0.67680451, 0.80700882, 0.80700882, 0.11908876,
      -0.35583689, -0.38202921, -0.65096319, -0.85804099, -0.85804099, -0.40690725,
    ], 1e-6);
  });

  it('on digits, 30 rounds score as sklearn: training loss to 1e-4, held-out accuracy and loss within a few points', () => {
    const { train, held } = digitsTables();
    const { steps, model } = boost(train, held, { rounds: 30 });
    const last = steps[29].record;
    // sklearn: held-out accuracy 0.96, held-out log-loss 0.2079, train log-loss 0.08198.
    expect(last.trainLoss).toBeCloseTo(0.0819793, 4);
    expect(Math.abs(last.validationAccuracy! - 0.96)).toBeLessThan(0.02);
    expect(Math.abs(last.validationLoss - 0.2079)).toBeLessThan(0.03);
    expect(last.validationLoss).toBeCloseTo(crossEntropy(model.outputs(held.features), held.targets, 10), 10);
    expect(accuracyOf(model.predict(held.features), held.targets)).toBe(last.validationAccuracy);
  });

  it('records one epoch per round, numbered from 1, with accuracies for classes and none for regression', () => {
    const table = irisBinary();
    const { steps } = boost(table, table, { rounds: 5 });
    expect(steps.map((step) => step.record.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(steps[4].record.trainAccuracy).toBeGreaterThan(0.9);
    const regression = boost(wave(), wave(), { rounds: 2 }).steps;
    expect(regression[1].record.trainAccuracy).toBeUndefined();
  });

  it('each step’s model predicts with the rounds so far, so stopping early keeps a usable model', () => {
    const table = wave();
    const { steps } = boost(table, table, { rounds: 6, maxDepth: 2 });
    const third = steps[2].model as GradientBoosting;
    expect(third.rounds).toHaveLength(3);
    const predictions = third.predict(table.features);
    const error = predictions.reduce((sum, value, row) => sum + (value - table.targets[row]) ** 2, 0) / table.size;
    expect(error).toBeCloseTo(steps[2].record.trainLoss, 10);
  });

  it('a smaller learning rate needs more rounds to reach the same training loss', () => {
    const table = irisBinary();
    const fast = boost(table, table, { rounds: 10, learningRate: 0.3 }).steps[9].record.trainLoss;
    const slow = boost(table, table, { rounds: 10, learningRate: 0.03 }).steps[9].record.trainLoss;
    expect(slow).toBeGreaterThan(fast);
  });

  it('with subsampling, the seed decides the rounds and the same seed repeats them', () => {
    const table = wave();
    const losses = (seed: number) => boost(table, table, { rounds: 5, subsample: 0.5 }, seed).steps.map((step) => step.record.trainLoss);
    expect(losses(3)).toEqual(losses(3));
    expect(losses(3)).not.toEqual(losses(4));
  });

  it('starts from the log-odds of class 1 for two classes and the log priors for more', () => {
    expect(initialScores(irisBinary())[0]).toBeCloseTo(0, 12);
    const table: FeatureTable = { task: 'classification', size: 4, featureCount: 1, classCount: 3, features: new Float32Array(4), targets: Float32Array.of(0, 0, 1, 2) };
    expectClose(initialScores(table), [Math.log(0.5), Math.log(0.25), Math.log(0.25)], 1e-12);
  });

  it('rejects a learning rate outside (0, 1]', () => {
    expect(() => boost(wave(), wave(), { learningRate: 0 })).toThrow('learningRate must be in (0, 1], got 0');
  });
});
