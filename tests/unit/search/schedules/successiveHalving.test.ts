import { describe, expect, it } from 'vitest';
import { successiveHalving, SuccessiveHalving } from '../../../../src/lib/search/schedules/successiveHalving';
import { ascendingRungEpochs } from '../../../../src/lib/search/schedules/rungs';
import { curveThrough, runInLockStep, runSequentially } from './runTrials';

const through = (atFirst: number, atThird: number) => curveThrough({ 1: atFirst, 3: atThird, 9: atThird * 0.8 }, 9);

describe('successiveHalving', () => {
  // maxEpochs 9, eta 3: rungs at epochs 1 and 3; at a rung holding n values (the newcomer's
  // included), the newcomer goes on only if fewer than ceil(n / 3) values are better.
  const cases = [
    { name: 'the first trial at every rung', curve: through(0.5, 0.4), trained: 9 },
    { name: 'worse than the only other value at rung 1', curve: through(0.6, 0.5), trained: 1 },
    { name: 'best at rung 1 and at rung 3', curve: through(0.4, 0.3), trained: 9 },
    { name: 'second of four at rung 1, second of three at rung 3', curve: through(0.45, 0.35), trained: 3 },
    { name: 'last of five at rung 1', curve: through(0.7, 0.6), trained: 1 },
    { name: 'diverged at epoch 2, between rungs', curve: [0.3, NaN, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2], trained: 2 },
    { name: 'best so far at both rungs', curve: through(0.3, 0.2), trained: 9 },
    { name: 'within the best ceil(8 / 3) = 3 at rung 1 but last of five at rung 3', curve: through(0.35, 0.5), trained: 3 },
  ];

  it.each(cases.map((entry, i) => ({ ...entry, id: i + 1 })))(
    'trains trial $id ($name) for $trained epochs',
    ({ id, trained }) => {
      expect(runSequentially(successiveHalving({ maxEpochs: 9 }), cases.map((entry) => entry.curve))[id - 1]).toBe(trained);
    },
  );

  it('records only the values of trials that reached each rung', () => {
    const schedule = new SuccessiveHalving({ maxEpochs: 9 });
    runSequentially(schedule, cases.map((entry) => entry.curve));
    expect(schedule.rungValues().map((rung) => [rung.epoch, rung.values.length])).toEqual([
      [1, 8],
      [3, 5],
    ]);
  });

  it('makes the same decisions when trials train side by side', () => {
    const curves = [through(0.5, 0.4), through(0.6, 0.5), through(0.4, 0.3), through(0.45, 0.35)];
    expect(runInLockStep(successiveHalving({ maxEpochs: 9 }), curves)).toEqual([9, 1, 9, 3]);
  });

  it('judges a trial that skipped epochs at every rung it passed', () => {
    const schedule = successiveHalving({ maxEpochs: 9 });
    runSequentially(schedule, [through(0.2, 0.1)]);
    expect(schedule.report(2, 4, 0.15)).toBe('stop');
    expect(schedule.report(3, 4, 0.05)).toBe('continue');
  });

  it('gives a trial the first rung and may judge it at every rung', () => {
    expect(successiveHalving({ maxEpochs: 27 }).budgetForNextTrial(1)).toEqual({
      maxEpochs: 27,
      initialEpochs: 1,
      decisionEpochs: [1, 3, 9],
      bracket: 0,
    });
    expect(successiveHalving({ maxEpochs: 27, minEpochs: 27 }).budgetForNextTrial(1).initialEpochs).toBe(27);
  });
});

describe('ascendingRungEpochs', () => {
  it.each([
    { min: 1, max: 27, eta: 3, rungs: [1, 3, 9] },
    { min: 1, max: 10, eta: 3, rungs: [1, 3, 9] },
    { min: 2, max: 30, eta: 3, rungs: [2, 6, 18] },
    { min: 1, max: 9, eta: 2, rungs: [1, 2, 4, 8] },
    { min: 1, max: 5, eta: 1.5, rungs: [1, 2, 3] },
    { min: 4, max: 4, eta: 3, rungs: [] },
  ])('puts rungs at $min × $eta^k below $max: $rungs', ({ min, max, eta, rungs }) => {
    expect(ascendingRungEpochs(min, max, eta)).toEqual(rungs);
  });
});
