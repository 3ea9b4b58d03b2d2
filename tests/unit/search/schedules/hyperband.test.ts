import { describe, expect, it } from 'vitest';
import { hyperband, Hyperband } from '../../../../src/lib/search/schedules/hyperband';
import { curveThrough, runSequentially } from './runTrials';

describe('hyperband', () => {
  it('sizes its brackets as the table in Li et al. (2018) for R = 81, eta = 3', () => {
    const schedule = new Hyperband({ maxEpochs: 81, reductionFactor: 3 });
    expect(schedule.brackets.map((bracket) => [bracket.index, bracket.trialsPerCycle, bracket.rungs.epochs[0] ?? 81])).toEqual([
      [4, 81, 1],
      [3, 34, 3],
      [2, 15, 9],
      [1, 8, 27],
      [0, 5, 81],
    ]);
  });

  it('gives consecutive trials to one bracket, then the next, and starts the cycle again', () => {
    // R = 9, eta = 3: bracket 2 takes 9 trials (rungs 1, 3), bracket 1 takes 5 (rung 3), bracket 0 takes 3 (none).
    const schedule = hyperband({ maxEpochs: 9 });
    const budgets = Array.from({ length: 18 }, (_, i) => schedule.budgetForNextTrial(i + 1));
    expect(budgets.map((budget) => budget.bracket)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 2]);
    expect(budgets[0]).toEqual({ maxEpochs: 9, initialEpochs: 1, decisionEpochs: [1, 3], bracket: 2 });
    expect(budgets[9]).toEqual({ maxEpochs: 9, initialEpochs: 3, decisionEpochs: [3], bracket: 1 });
    expect(budgets[14]).toEqual({ maxEpochs: 9, initialEpochs: 9, decisionEpochs: [], bracket: 0 });
  });

  it('gives the same budget when asked twice for one trial, without using up a place in the bracket', () => {
    const schedule = hyperband({ maxEpochs: 4, reductionFactor: 2 });
    for (let id = 1; id <= 4; id++) {
      expect(schedule.budgetForNextTrial(id).bracket).toBe(2);
      expect(schedule.budgetForNextTrial(id).bracket).toBe(2);
    }
    expect(schedule.budgetForNextTrial(5).bracket).toBe(1);
  });

  // R = 4, r = 1, eta = 2: bracket 2 (trials 1-4) judges at epochs 1 and 2, bracket 1 (trials 5-7)
  // at epoch 2, bracket 0 (trials 8-10) never; trial 11 is back in bracket 2. At a rung holding
  // n values, the newcomer goes on only if fewer than ceil(n / 2) values are better.
  const through = (atFirst: number, atSecond: number) => curveThrough({ 1: atFirst, 2: atSecond, 4: atSecond * 0.9 }, 4);
  const cases = [
    { name: 'first in bracket 2', curve: through(0.5, 0.4), trained: 4 },
    { name: 'worse than the only other value at epoch 1', curve: through(0.6, 0.5), trained: 1 },
    { name: 'second of three at epoch 1, last of two at epoch 2', curve: through(0.45, 0.42), trained: 2 },
    { name: 'best at epochs 1 and 2', curve: through(0.3, 0.2), trained: 4 },
    { name: 'first in bracket 1, poor but unjudged at epoch 1', curve: through(0.9, 0.8), trained: 4 },
    { name: 'worse than the only other value in bracket 1', curve: through(0.9, 0.85), trained: 2 },
    { name: 'diverged at epoch 3', curve: [0.2, 0.1, NaN, 0.1], trained: 3 },
    { name: 'in bracket 0, poor but never judged', curve: [2, 2, 2, 2], trained: 4 },
    { name: 'in bracket 0, worse still', curve: [5, 5, 5, 5], trained: 4 },
    { name: 'in bracket 0, diverged at epoch 1', curve: [NaN, 1, 1, 1], trained: 1 },
    { name: 'back in bracket 2, fourth of five at epoch 1', curve: through(0.55, 0.1), trained: 1 },
  ];

  it.each(cases.map((entry, i) => ({ ...entry, id: i + 1 })))(
    'trains trial $id ($name) for $trained epochs',
    ({ id, trained }) => {
      const schedule = hyperband({ maxEpochs: 4, reductionFactor: 2 });
      expect(runSequentially(schedule, cases.map((entry) => entry.curve))[id - 1]).toBe(trained);
    },
  );

  it('stops no trial for its value when minEpochs leaves room for only one bracket', () => {
    const schedule = hyperband({ maxEpochs: 2, minEpochs: 2 });
    expect(runSequentially(schedule, [[1, 1], [3, 3], [9, 9]])).toEqual([2, 2, 2]);
  });
});
