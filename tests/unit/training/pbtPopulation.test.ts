import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import type { Dimension } from '../../../src/lib/core/space';
import { trainPbt } from '../../../src/lib/training/pbtPopulation';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const settings = { ...defaultModelSettings, hiddenLayers: 1, units: 8, epochs: 4, batchSize: 16, optimizer: 'adam' as const, l1: 0, l2: 0, dropout: 0 };
const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-3, high: 0.3 },
  { name: 'l2', type: 'log', low: 1e-6, high: 1e-2 },
];

describe('trainPbt', () => {
  it('trains K members for every epoch, records the lineage and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const result = await trainPbt({ data: spiralTrialData(60, 1, 4), settings, space, population: 4, interval: 2, seed: 3, margin: 0 });
    expect(result.validationLoss).toHaveLength(4);
    for (const curve of result.validationLoss) expect(curve).toHaveLength(4);
    // Step 0 and one step at epoch 2 (none after the last epoch).
    expect(result.lineage).toHaveLength(8);
    expect(result.lineage.filter((entry) => entry.step === 1 && entry.parent !== null)).toHaveLength(1);
    expect(result.bestValidationLoss).toBe(Math.min(...result.validationLoss.map((curve) => curve[3])));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('copies the parent’s optimiser state too: a child and its parent train on identically after the copy', async () => {
    // One step with the same learning rate everywhere (a space of width 0 is not allowed, so a tiny one):
    // after the copy the child has its parent's weights and Adam moments, and it sees its own data order,
    // so its next epoch differs only through that order; with full-batch steps it matches exactly.
    const narrow: Dimension[] = [{ name: 'learningRate', type: 'log', low: 0.02, high: 0.0200001 }];
    const fullBatch = { ...settings, batchSize: 64, epochs: 4 };
    const result = await trainPbt({ data: spiralTrialData(60, 3, 4), settings: fullBatch, space: narrow, population: 4, interval: 2, seed: 8, fraction: 0.25, margin: 0 });
    const copy = result.lineage.find((entry) => entry.step === 1 && entry.parent !== null)!;
    const curves = result.validationLoss;
    expect(curves[copy.member][1]).not.toBeCloseTo(curves[copy.parent!][1], 4);
    // Perturbed by ×0.8 or ×1.2 after the copy, so the next epoch differs a little but stays close to the parent.
    expect(Math.abs(curves[copy.member][2] - curves[copy.parent!][2])).toBeLessThan(Math.abs(curves[copy.member][1] - curves[copy.parent!][1]));
  });

  it('makes a member that exploits continue from its parent’s weights', async () => {
    // With learning rates near 1e-7 the weights barely move, so after a copy the child's loss is its parent's.
    const still: Dimension[] = [{ name: 'learningRate', type: 'log', low: 1e-7, high: 2e-7 }];
    const result = await trainPbt({ data: spiralTrialData(60, 2, 4), settings: { ...settings, epochs: 3 }, space: still, population: 4, interval: 1, seed: 5, margin: 0 });
    const copies = result.lineage.filter((entry) => entry.step === 1 && entry.parent !== null);
    expect(copies).toHaveLength(1);
    const { member, parent } = copies[0];
    const curves = result.validationLoss;
    expect(Math.abs(curves[member][0] - curves[parent!][0])).toBeGreaterThan(1e-3);
    expect(curves[member][1]).toBeCloseTo(curves[parent!][1], 4);
  });

  it('makes no exploit before the burn-in', async () => {
    const result = await trainPbt({ data: spiralTrialData(40, 4, 4), settings, space, population: 2, interval: 1, burnIn: 3, seed: 2, margin: 0 });
    // Epochs 1–4, steps only after epoch 3 (none after the last): the start and one step.
    expect([...new Set(result.lineage.map((entry) => entry.epoch))]).toEqual([0, 3]);
  });

  it('refuses to search a hyperparameter that would change the structure', async () => {
    await expect(
      trainPbt({ data: spiralTrialData(20, 1, 4), settings, space: [{ name: 'units', type: 'int', low: 2, high: 8 }], population: 2, interval: 1, seed: 1 }),
    ).rejects.toThrow('PBT cannot change units during training');
  });
});
