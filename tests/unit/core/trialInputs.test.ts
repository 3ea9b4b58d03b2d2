import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { keptRecord, trialData, trialSeed } from '../../../src/lib/core/trialInputs';

const record = (epoch: number): EpochRecord => ({ epoch, trainLoss: 1 / epoch, validationLoss: 2 / epoch });

describe('what a trial is trained from', () => {
  it('a trial seed is the study seed times 1000 plus the trial id, distinct per trial', () => {
    expect(trialSeed(7, 3)).toBe(7003);
    expect(new Set([1, 2, 3].map((id) => trialSeed(5, id))).size).toBe(3);
  });

  it('trial data shares the dataset arrays and takes the given rows as training and scored rows', () => {
    const dataset = { features: new Float32Array([1, 2, 3, 4]), targets: new Float32Array([0, 1]), featureCount: 2, classCount: 2 };
    const data = trialData(dataset, [0], [1]);
    expect(data.features).toBe(dataset.features);
    expect(data.targets).toBe(dataset.targets);
    expect([data.featureCount, data.classCount]).toEqual([2, 2]);
    expect(Array.from(data.trainIndices)).toEqual([0]);
    expect(Array.from(data.validationIndices)).toEqual([1]);
  });

  it('the kept record is the kept epoch, the last one when the kept epoch is 0, and undefined without epochs', () => {
    const epochs = [record(1), record(2), record(3)];
    expect(keptRecord(epochs, 2)).toBe(epochs[1]);
    expect(keptRecord(epochs, 0)).toBe(epochs[2]);
    expect(keptRecord(epochs, 9)).toBe(epochs[2]);
    expect(keptRecord([], 0)).toBeUndefined();
  });
});
