import { describe, expect, it } from 'vitest';
import { historyColumns } from '../../../src/lib/analysis/historyColumns';
import { bestSoFarCurve } from '../../../src/lib/analysis/replay';
import type { Trial, TrialState } from '../../../src/lib/core/trial';

const trial = (id: number, state: TrialState, value: number | null, durationMs = 1000): Trial => ({ id, params: { learningRate: 0.1 }, state, value, durationMs, epochs: [] });

describe('historyColumns', () => {
  it('keeps ended trials in file order with their ids, values, end times and pruned marks, leaving running ones out', () => {
    const columns = historyColumns([trial(1, 'complete', 0.5), trial(2, 'running', null), trial(3, 'pruned', 0.9, 500), trial(4, 'diverged', Infinity), trial(5, 'complete', 0.3)]);
    expect(columns.count).toBe(4);
    expect(Array.from(columns.ids)).toEqual([1, 3, 4, 5]);
    expect(Array.from(columns.values)).toEqual([0.5, 0.9, NaN, 0.3]);
    expect(Array.from(columns.pruned)).toEqual([0, 1, 0, 0]);
    // The running trial's time still passes: each trial starts when the one before it in the file ended.
    expect(Array.from(columns.endedSeconds)).toEqual([1, 2.5, 3.5, 4.5]);
    expect(columns.maxId).toBe(5);
    expect(columns.maxEndedSeconds).toBe(4.5);
    expect(columns.valueExtent).toEqual([0.3, 0.9]);
  });

  it('places the step line where the best so far changes and at the last trial, agreeing with bestSoFarCurve', () => {
    const trials = [trial(1, 'pruned', 0.2), trial(2, 'complete', 0.6), trial(3, 'complete', 0.7), trial(4, 'complete', 0.4), trial(5, 'failed', null)];
    const columns = historyColumns(trials);
    expect(Array.from(columns.bestAt)).toEqual([1, 3, 4]);
    expect(Array.from(columns.bestValues)).toEqual([0.6, 0.4, 0.4]);
    const curve = bestSoFarCurve(trials);
    for (const [corner, at] of Array.from(columns.bestAt).entries()) expect(columns.bestValues[corner]).toBe(curve[at]);
  });

  it('has no extent and no step line when no trial has a value', () => {
    const columns = historyColumns([trial(1, 'failed', null), trial(2, 'diverged', NaN)]);
    expect(columns.valueExtent).toBeNull();
    expect(columns.bestAt).toHaveLength(0);
    expect(historyColumns([]).maxEndedSeconds).toBe(0);
  });

  it('builds the columns of 200,000 trials without overflowing the stack', () => {
    const trials: Trial[] = [];
    for (let id = 1; id <= 200_000; id++) trials.push(trial(id, 'complete', 1 / id, 1));
    const columns = historyColumns(trials);
    expect(columns.count).toBe(200_000);
    expect(columns.valueExtent).toEqual([1 / 200_000, 1]);
    expect(columns.bestAt).toHaveLength(200_000);
  });
});
