import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/lib/core/diagnose';
import type { EpochRecord } from '../../../src/lib/core/trial';

/** A curve that sits near the baseline and wobbles, so its last epoch (0.7508) differs from the mean of its last epochs. */
const stuck: EpochRecord[] = [0.74, 0.71, 0.7, 0.69, 0.72, 0.7, 0.69, 0.71, 0.68, 0.7, 0.69, 0.7, 0.68, 0.69, 0.7, 0.69, 0.7, 0.68, 0.69, 0.7508].map(
  (trainLoss, index) => ({ epoch: index + 1, trainLoss, validationLoss: trainLoss + 0.01 }),
);

describe('the number a diagnosis gives for where the training loss ended', () => {
  it('says it is averaged over the last epochs and gives that average, not the last epoch alone', () => {
    const result = diagnose(stuck, { baselineLoss: Math.log(2), optimizer: 'adam', learningRate: 0.8, hiddenLayers: 2, units: 16 });
    const tail = stuck.slice(-4).map((record) => record.trainLoss);
    const mean = tail.reduce((sum, value) => sum + value, 0) / tail.length;
    expect(result.explanation).toContain(`ended at ${Number(mean.toPrecision(3))} (averaged over the last 4 epochs)`);
    expect(result.explanation).not.toContain('0.751');
  });

  it('needs no such note when only the last epoch is averaged', () => {
    const short = stuck.slice(0, 5).map((record, index) => ({ ...record, epoch: index + 1 }));
    const result = diagnose(short, { baselineLoss: 0.1 });
    expect(result.explanation).toContain('ended at 0.72,');
    expect(result.explanation).not.toContain('averaged');
  });
});
