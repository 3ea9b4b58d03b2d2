import { describe, expect, it } from 'vitest';
import { studyCost } from '../../../src/lib/analysis/cost';

const epochs = (count: number) => Array.from({ length: count }, (_, i) => ({ epoch: i + 1 }));

describe('studyCost', () => {
  it('adds up wall time and trial-epochs and counts what pruning and patience saved against training fully', () => {
    const cost = studyCost(
      [
        { id: 1, state: 'complete', durationMs: 1000, epochs: epochs(10) }, // trained fully
        { id: 2, state: 'pruned', durationMs: 200, epochs: epochs(2) }, //    8 epochs saved at 100 ms
        { id: 3, state: 'complete', durationMs: 600, epochs: epochs(6) }, //  patience: 4 saved at 100 ms
        { id: 4, state: 'diverged', durationMs: 50, epochs: epochs(1) }, //   saves nothing
        { id: 5, state: 'failed', durationMs: 0, epochs: [] },
      ],
      { fullEpochs: 10 },
    );
    expect(cost.totalWallMs).toBe(1850);
    expect(cost.totalTrialEpochs).toBe(19);
    expect(cost.savedByPruning).toBe(8);
    expect(cost.savedByPatience).toBe(4);
    expect(cost.savedTrialEpochs).toBe(12);
    expect(cost.savedMs).toBeCloseTo(1200, 9);
    expect(cost.savedShare).toBeCloseTo(12 / 31, 12);
    expect(cost.trials.map((trial) => trial.savedEpochs)).toEqual([0, 8, 4, 0, 0]);
    expect(cost.trials[1]).toEqual({ id: 2, wallMs: 200, trialEpochs: 2, savedEpochs: 8, savedMs: 800 });
  });

  it('estimates the time saved by a trial pruned before its first epoch from the study mean per epoch', () => {
    const cost = studyCost(
      [
        { id: 1, state: 'complete', durationMs: 400, epochs: epochs(4) },
        { id: 2, state: 'pruned', durationMs: 0, epochs: [] },
      ],
      { fullEpochs: 4 },
    );
    expect(cost.trials[1].savedMs).toBe(400);
  });

  it('costs nothing and saves nothing for an empty study', () => {
    expect(studyCost([], { fullEpochs: 10 })).toMatchObject({ totalWallMs: 0, totalTrialEpochs: 0, savedTrialEpochs: 0, savedShare: 0 });
  });
});
