import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';
import { spiral } from '../../../src/lib/datasets/spiral';
import type { TrialData } from '../../../src/lib/training/trainTrial';

/** Runs the file's tests on TF.js's CPU backend (plain JavaScript, the same in every Node). */
export function useCpuBackend(): void {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });
}

/** Spiral points with every `validateEvery`-th row held out for validation. */
export function spiralTrialData(samples: number, seed: number, validateEvery: number): TrialData {
  const dataset = spiral({ samples, noise: 0.1, seed });
  const rows = Array.from({ length: samples }, (_, i) => i);
  return {
    features: dataset.features,
    targets: dataset.targets,
    featureCount: 2,
    classCount: 2,
    trainIndices: rows.filter((i) => i % validateEvery !== 0),
    validationIndices: rows.filter((i) => i % validateEvery === 0),
  };
}
