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
    expect(cost.trials[1]).toEqual({ id: 2, wallMs: 200, shareMs: 200, trialEpochs: 2, savedEpochs: 8, savedMs: 800 });
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

  it('splits the time of trials trained side by side among them, so the shares add up to the busy wall-clock time', () => {
    // Four trials at once for 0–4 s (one stops at 1 s), then two alone in turn: 1 s of wall time counts once, not four times.
    const cost = studyCost(
      [
        { id: 1, state: 'complete', durationMs: 4000, epochs: epochs(4), startedAtMs: 0, endedAtMs: 4000 },
        { id: 2, state: 'pruned', durationMs: 4000, epochs: epochs(1), startedAtMs: 0, endedAtMs: 1000 },
        { id: 3, state: 'complete', durationMs: 4000, epochs: epochs(4), startedAtMs: 0, endedAtMs: 4000 },
        { id: 4, state: 'complete', durationMs: 4000, epochs: epochs(4), startedAtMs: 0, endedAtMs: 4000 },
        { id: 5, state: 'complete', durationMs: 2000, epochs: epochs(4), startedAtMs: 5000, endedAtMs: 7000 },
      ],
      { fullEpochs: 4 },
    );
    // 0–1 s: four trials, 250 ms each; 1–4 s: three, 1000 ms each; 5–7 s: one.
    expect(cost.trials.map((trial) => trial.shareMs)).toEqual([1250, 250, 1250, 1250, 2000]);
    expect(cost.totalShareMs).toBe(6000);
    expect(cost.totalWallMs).toBe(18000);
    expect(cost.spanMs).toBe(7000);
    expect(cost.mostAtOnce).toBe(4);
    expect(cost.untimedTrials).toBe(0);
    // The pruned trial's 3 saved epochs are priced at its share per epoch (250 ms), not its reported 4 s.
    expect(cost.trials[1].savedMs).toBe(750);
    expect(cost.savedMs).toBe(750);
  });

  it('keeps the own wall time of trials without a recorded interval (an imported study) and counts them', () => {
    const cost = studyCost(
      [
        { id: 1, state: 'complete', durationMs: 300, epochs: epochs(3), startedAtMs: 0, endedAtMs: 0 },
        { id: 2, state: 'complete', durationMs: 500, epochs: epochs(3) },
        { id: 3, state: 'complete', durationMs: 1000, epochs: epochs(3), startedAtMs: 100, endedAtMs: 1100 },
      ],
      { fullEpochs: 3 },
    );
    expect(cost.trials.map((trial) => trial.shareMs)).toEqual([300, 500, 1000]);
    expect(cost.totalShareMs).toBe(1800);
    expect(cost.untimedTrials).toBe(2);
    expect(cost.spanMs).toBe(1000);
  });
});
