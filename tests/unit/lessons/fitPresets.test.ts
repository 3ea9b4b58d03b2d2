import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineLoss } from '../../../src/lib/core/diagnose';
import { diagnoseTrial } from '../../../src/lib/core/diagnoseTrial';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { spiral } from '../../../src/lib/datasets/spiral';
import { splitDataset } from '../../../src/lib/datasets/split';
import { fitPresets } from '../../../src/lib/lessons/fitPresets';
import { trainTrial } from '../../../src/lib/training/trainTrial';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Trains a preset on the playground's default split (60/20/20, data seed 42) and diagnoses it. */
async function trainPreset(name: keyof typeof fitPresets, seed: number) {
  const preset = fitPresets[name];
  const dataset = spiral({ samples: preset.samples, noise: preset.noise, seed: 42 });
  const split = splitDataset(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, 42);
  const counts = [0, 0];
  for (const row of split.train) counts[dataset.targets[row]] += 1;
  const trained = await trainTrial({
    data: { features: dataset.features, targets: dataset.targets, featureCount: 2, classCount: 2, trainIndices: split.train, validationIndices: split.validation },
    settings: { ...defaultModelSettings, ...preset.settings },
    seed,
  });
  trained.model.dispose();
  return { end: trained.end, label: diagnoseTrial(trained.epochs, trained.end === 'diverged' ? 'diverged' : 'complete', { baselineLoss: baselineLoss(counts) }).label };
}

describe('fitPresets', () => {
  it('the overfit preset trains to an overfit curve', { timeout: 60_000 }, async () => {
    expect((await trainPreset('overfit', 1)).label).toBe('overfit');
  });

  it('the underfit preset (a linear model on the spiral) trains to an underfit curve', { timeout: 30_000 }, async () => {
    expect((await trainPreset('underfit', 1)).label).toBe('underfit');
  });

  it('the diverge preset (learning rate 10) diverges', { timeout: 30_000 }, async () => {
    expect(await trainPreset('diverged', 1)).toEqual({ end: 'diverged', label: 'diverged' });
  });
});
