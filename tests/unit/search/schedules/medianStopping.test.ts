import { describe, expect, it } from 'vitest';
import { medianStopping } from '../../../../src/lib/search/schedules/medianStopping';
import type { ScheduleOptions } from '../../../../src/lib/search/schedules/schedule';
import { runInLockStep, runSequentially } from './runTrials';

// Three reference curves; the median of their running averages is 1.0 at epoch 1, 0.9 at
// epoch 2, 0.8 at epoch 3, 0.725 at epoch 4 (A's in each case).
const referenceA = [1.0, 0.8, 0.6, 0.5, 0.45, 0.4];
const referenceB = [1.0, 0.7, 0.5, 0.4, 0.35, 0.3];
const referenceC = [1.1, 0.9, 0.7, 0.6, 0.55, 0.5];
const references = [referenceA, referenceB, referenceC];

interface Case {
  name: string;
  options: ScheduleOptions;
  curves: number[][];
  trained: number[];
}

const cases: Case[] = [
  {
    name: 'stops a trial worse than the median at its first epoch',
    options: { maxEpochs: 6 },
    curves: [...references, [1.2, 1.1, 1.0, 0.9, 0.8, 0.7]],
    trained: [6, 6, 6, 1],
  },
  {
    name: 'lets a trial better than the median train to the end',
    options: { maxEpochs: 6 },
    curves: [...references, [0.9, 0.6, 0.4, 0.3, 0.25, 0.2]],
    trained: [6, 6, 6, 6],
  },
  {
    name: 'keeps a trial level with the median and stops it once it falls behind',
    options: { maxEpochs: 6 },
    curves: [...references, [1.0, 0.95, 0.9, 0.85, 0.8, 0.75]],
    trained: [6, 6, 6, 2],
  },
  {
    name: 'compares nobody until warmupTrials trials have ended',
    options: { maxEpochs: 6 },
    curves: [referenceA, referenceB, [5, 5, 5, 5, 5, 5], [3, 3, 3, 3, 3, 3]],
    trained: [6, 6, 6, 1],
  },
  {
    name: 'waits for fewer ended trials when warmupTrials is 1',
    options: { maxEpochs: 6, warmupTrials: 1 },
    curves: [referenceB, referenceA, referenceC],
    trained: [6, 6, 1],
  },
  {
    name: 'judges nobody before the grace period of minEpochs',
    options: { maxEpochs: 6, minEpochs: 3 },
    curves: [...references, [1.2, 1.1, 1.0, 0.9, 0.8, 0.7]],
    trained: [6, 6, 6, 3],
  },
  {
    name: 'stops a diverged trial at once, even while warming up, and counts it as the worst reference',
    options: { maxEpochs: 6 },
    curves: [[NaN, 0.5, 0.4, 0.3, 0.2, 0.1], referenceA, referenceB, [1.05, 0.6, 0.5, 0.4, 0.3, 0.2]],
    trained: [1, 6, 6, 1],
  },
  {
    name: 'only compares with trials that trained as far as the epoch in question',
    options: { maxEpochs: 6 },
    curves: [...references, [3, 3, 3, 3, 3, 3], [1.0, 0.92, 0.6, 0.5, 0.5, 0.5]],
    trained: [6, 6, 6, 1, 2],
  },
];

describe('medianStopping', () => {
  it.each(cases)('$name', ({ options, curves, trained }) => {
    expect(runSequentially(medianStopping(options), curves)).toEqual(trained);
  });

  it('stops nobody while no trial has ended, as when all trials train side by side', () => {
    const curves = [...references, [1.2, 1.1, 1.0, 0.9, 0.8, 0.7]];
    expect(runInLockStep(medianStopping({ maxEpochs: 6 }), curves)).toEqual([6, 6, 6, 6]);
  });

  it('answers stop again to a trial it has already stopped', () => {
    const schedule = medianStopping({ maxEpochs: 6 });
    expect(schedule.report(1, 1, Infinity)).toBe('stop');
    expect(schedule.report(1, 2, 0.1)).toBe('stop');
  });

  it('gives every trial maxEpochs and may judge it at each epoch from minEpochs on', () => {
    expect(medianStopping({ maxEpochs: 5, minEpochs: 2 }).budgetForNextTrial(1)).toEqual({
      maxEpochs: 5,
      initialEpochs: 2,
      decisionEpochs: [2, 3, 4],
      bracket: 0,
    });
  });
});
