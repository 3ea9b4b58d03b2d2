import { describe, expect, it } from 'vitest';
import { accuracyOf, argmaxRows, crossEntropy, epochRecord, meanSquaredError, probabilityFloor, scoreOutputs } from '../../../src/lib/models/losses';
import { tableFromRows } from '../../../src/lib/models/table';

describe('losses', () => {
  it('crossEntropy is the mean −ln p of the true class, in nats', () => {
    expect(crossEntropy([0.5, 0.5, 0.9, 0.1], [0, 0], 2)).toBeCloseTo((Math.log(2) - Math.log(0.9)) / 2, 12);
  });

  it('crossEntropy floors a zero probability at 1e-7, so a hard wrong answer costs ln 1e7 nats', () => {
    expect(crossEntropy([1, 0], [1], 2)).toBeCloseTo(-Math.log(probabilityFloor), 12);
  });

  it('meanSquaredError is not halved', () => {
    expect(meanSquaredError([1, 3], [0, 0])).toBe(5);
  });

  it('argmaxRows gives ties to the lowest index, and accuracyOf counts matches', () => {
    expect(Array.from(argmaxRows([0.5, 0.5, 0.2, 0.8], 2))).toEqual([0, 1]);
    expect(accuracyOf([0, 1, 1], [0, 1, 0])).toBeCloseTo(2 / 3, 12);
  });

  it('scoreOutputs and epochRecord give an EpochRecord with accuracies only for classes', () => {
    const classes = tableFromRows([[0], [1]], [0, 1], 2);
    const values = tableFromRows([[0], [1]], [0, 1], 0);
    const classScore = scoreOutputs([0.75, 0.25, 0.25, 0.75], classes);
    expect(classScore.loss).toBeCloseTo(-Math.log(0.75), 12);
    expect(epochRecord(1, classScore, classScore)).toEqual({
      epoch: 1, trainLoss: classScore.loss, validationLoss: classScore.loss, trainAccuracy: 1, validationAccuracy: 1,
    });
    expect(epochRecord(2, scoreOutputs([0, 2], values), scoreOutputs([1, 1], values))).toEqual({ epoch: 2, trainLoss: 0.5, validationLoss: 0.5 });
  });
});
