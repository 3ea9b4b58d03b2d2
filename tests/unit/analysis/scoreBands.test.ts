import { describe, expect, it } from 'vitest';
import { fitRegions, regionSpans, scoreBands, spread, type ScoreBand } from '../../../src/lib/analysis/scoreBands';

function band(x: number, train: number, validation: number): ScoreBand {
  return { x, count: 1, diverged: 0, train: spread([train]), validation: spread([validation]) };
}

describe('scoreBands', () => {
  it('spread gives the mean, the sample standard deviation, the min and the max', () => {
    const result = spread([1, 2, 3, 4]);
    expect(result.mean).toBe(2.5);
    expect(result.std).toBeCloseTo(1.2909944, 6);
    expect([result.min, result.max]).toEqual([1, 4]);
    expect(spread([7]).std).toBe(0);
    expect(() => spread([])).toThrow();
  });

  it('scoreBands groups runs by x in ascending order and summarises both losses over seeds', () => {
    const bands = scoreBands([
      { x: 20, trainLoss: 0.2, validationLoss: 0.5 },
      { x: 5, trainLoss: 0.1, validationLoss: 0.9 },
      { x: 20, trainLoss: 0.4, validationLoss: 0.7 },
    ]);
    expect(bands.map((entry) => entry.x)).toEqual([5, 20]);
    expect(bands[1].count).toBe(2);
    expect(bands[1].train.mean).toBeCloseTo(0.3);
    expect(bands[1].validation.min).toBe(0.5);
    expect(bands[1].validation.max).toBe(0.7);
  });

  it('scoreBands leaves diverged runs out of the summary but counts them, and drops x values with none left', () => {
    const bands = scoreBands([
      { x: 1, trainLoss: Number.NaN, validationLoss: 0.5 },
      { x: 1, trainLoss: 0.3, validationLoss: 0.4 },
      { x: 2, trainLoss: Number.POSITIVE_INFINITY, validationLoss: Number.NaN },
    ]);
    expect(bands).toHaveLength(1);
    expect(bands[0]).toMatchObject({ x: 1, count: 1, diverged: 1 });
  });

  it('fitRegions labels small capacity underfit, the best values good and large capacity overfit', () => {
    // units 1..64: training loss keeps falling; validation is lowest at 8 and rises after it.
    const bands = [band(1, 0.6, 0.62), band(2, 0.45, 0.47), band(8, 0.2, 0.25), band(16, 0.1, 0.26), band(64, 0.01, 0.45)];
    expect(fitRegions(bands)).toEqual(['underfit', 'underfit', 'good', 'good', 'overfit']);
  });

  it('fitRegions reads a regulariser the other way round: too little overfits, too much underfits', () => {
    const bands = [band(0, 0.02, 0.5), band(0.001, 0.15, 0.3), band(0.1, 0.6, 0.62)];
    expect(fitRegions(bands)).toEqual(['overfit', 'good', 'underfit']);
  });

  it('fitRegions calls even the best value underfit when its training loss is near the baseline', () => {
    const bands = [band(1, 0.68, 0.69), band(2, 0.66, 0.67)];
    expect(fitRegions(bands, { baselineLoss: 0.69 })).toEqual(['underfit', 'underfit']);
    expect(fitRegions(bands)).toEqual(['good', 'good']);
    expect(fitRegions([])).toEqual([]);
  });

  it('regionSpans groups neighbouring bands with the same label', () => {
    expect(regionSpans(['underfit', 'underfit', 'good', 'overfit', 'overfit'])).toEqual([
      { region: 'underfit', first: 0, last: 1 },
      { region: 'good', first: 2, last: 2 },
      { region: 'overfit', first: 3, last: 4 },
    ]);
  });
});
