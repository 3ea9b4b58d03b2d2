import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../src/lib/core/trial';
import {
  bestOfFirst, directionOf, gainAfter, gainWithin, laterGain, lossesOf, meanAndSpread, medianOfTrials, notBeatingBaseline, searchCost, sizeOf, splitRange,
} from '../../../src/lib/lessons/lessonMeasures';
import type { LessonTrial } from '../../../src/lib/lessons/revealRules';

/** A trial of `epochs` epochs ending at validation loss `loss`. */
function trial(loss: number, epochs = 2, state = 'complete', durationMs?: number): LessonTrial {
  const records: EpochRecord[] = Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, trainLoss: loss, validationLoss: i === epochs - 1 ? loss : loss * 2 }));
  return { params: {}, state, epochs: records, durationMs };
}

describe('the measures of the later lessons', () => {
  it('lossesOf reads the final validation loss of the runs named with a prefix, a diverged run as Infinity', () => {
    const result = { runs: { 'split-1': [trial(0.3)], 'split-2': [trial(0.5, 2, 'diverged')], 'fold-1': [trial(0.4)] } };
    expect(lossesOf(result, 'split-')).toEqual([0.3, Infinity]);
    expect(lossesOf(result, 'fold-')).toEqual([0.4]);
  });

  it('meanAndSpread gives the mean and the sample standard deviation of the finite values', () => {
    const { mean, spread } = meanAndSpread([1, 3, Infinity]);
    expect(mean).toBe(2);
    expect(spread).toBeCloseTo(Math.SQRT2, 12);
    expect(meanAndSpread([]).mean).toBeNaN();
  });

  it('splitRange is how far the worst value lies above the best, relative to the best', () => {
    expect(splitRange([0.2, 0.3, 0.25])).toBeCloseTo(0.5, 12);
    expect(splitRange([0.2])).toBeNaN();
  });

  it('sizeOf and directionOf put a relative change into the words of a prediction', () => {
    expect([sizeOf(0.05, 0.1, 0.3), sizeOf(0.2, 0.1, 0.3), sizeOf(0.4, 0.1, 0.3)]).toEqual(['small', 'medium', 'large']);
    expect([directionOf(-0.2, 0.1), directionOf(0.05, 0.1), directionOf(0.2, 0.1)]).toEqual(['worse', 'same', 'better']);
  });

  it('laterGain compares the median of the last trials with the median of the first ones', () => {
    const trials = [0.8, 0.6, 0.7, 0.3, 0.2, 0.25].map((loss) => trial(loss));
    expect(medianOfTrials(trials, 1, 3)).toBe(0.7);
    expect(laterGain(trials, 3)).toBeCloseTo((0.7 - 0.25) / 0.7, 12);
  });

  it('gainWithin and gainAfter measure what the first trials bought and what the later ones added', () => {
    const trials = [0.8, 0.4, 0.6, 0.38, 0.9, 0.5].map((loss) => trial(loss));
    expect(bestOfFirst(trials, 3)).toBe(0.4);
    expect(gainWithin(trials, 3)).toBeCloseTo((0.6 - 0.4) / 0.6, 12);
    expect(gainAfter(trials, 3)).toBeCloseTo((0.4 - 0.38) / 0.4, 12);
  });

  it('notBeatingBaseline keeps the trials not at least 10% below the baseline, and the diverged ones', () => {
    const trials = [trial(0.69), trial(0.3), trial(0.63), trial(0.1, 2, 'diverged')];
    expect(notBeatingBaseline(trials, 0.693).length).toBe(3);
  });

  it('searchCost adds the epochs trained, the epochs planned and the seconds when every trial was timed', () => {
    expect(searchCost([trial(0.3, 4, 'complete', 1000), trial(0.3, 10, 'complete', 2500)], 10)).toEqual({ epochs: 14, planned: 20, seconds: 3.5 });
    expect(searchCost([trial(0.3, 4)], 10).seconds).toBeNaN();
  });
});
