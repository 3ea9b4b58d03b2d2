import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { lessonClaims } from '../../../src/lib/lessons/lessonClaims';
import { bestSearched, finalAdaptedRate, hypergradient, hypergradientVersusSearch } from '../../../src/lib/lessons/hypergradientLesson';
import type { LessonRunResult } from '../../../src/lib/lessons/revealRules';

const run = (validationLoss: number, learningRate?: number, state = 'complete') => [{ params: {}, state, epochs: [{ epoch: 40, trainLoss: validationLoss, validationLoss, ...(learningRate === undefined ? {} : { learningRate }) } as EpochRecord] }];
const result = (hd: number, rates: [number, number, number, number], hdRate = 0.03): LessonRunResult => ({
  runs: { hd: run(hd, hdRate), 'rate-0.001': run(rates[0]), 'rate-0.01': run(rates[1]), 'rate-0.1': run(rates[2]), 'rate-1': run(rates[3]) },
});

describe('the hypergradient lesson', () => {
  it('finds the best searched rate by its final validation loss', () => {
    expect(bestSearched(result(0.05, [0.6, 0.2, 0.01, 0.3]))).toEqual({ id: 'rate-0.1', rate: 0.1, loss: 0.01 });
    expect(bestSearched({ runs: { hd: run(0.1) } })).toBeNull();
  });

  it('calls hypergradient descent better, close (within 0.06) or far from the best searched loss', () => {
    expect(hypergradientVersusSearch(result(0.005, [0.6, 0.2, 0.01, 0.3]))).toBe('better');
    expect(hypergradientVersusSearch(result(0.05, [0.6, 0.2, 0.01, 0.3]))).toBe('close');
    expect(hypergradientVersusSearch(result(0.2, [0.6, 0.2, 0.01, 0.3]))).toBe('far');
  });

  it('holds its claim only when the rate also grew tenfold, and reveals the numbers it read', () => {
    const claim = lessonClaims.hypergradient;
    expect(claim.holds(result(0.05, [0.6, 0.2, 0.01, 0.3], 0.03))).toBe(true);
    expect(claim.holds(result(0.05, [0.6, 0.2, 0.01, 0.3], 0.005))).toBe(false);
    expect(claim.holds(result(0.2, [0.6, 0.2, 0.01, 0.3], 0.03))).toBe(false);
    expect(finalAdaptedRate(result(0.05, [0.6, 0.2, 0.01, 0.3], 0.031))).toBe(0.031);
    const reveal = hypergradient.predictions[0].reveal('close', result(0.05, [0.6, 0.2, 0.01, 0.3], 0.031));
    expect(reveal?.correct).toBe(true);
    expect(reveal?.explanation).toContain('0.031');
    expect(reveal?.explanation).toContain('Adam at 0.1');
  });

  it('trains Adam-HD from the search\'s smallest rate and the search with plain Adam', () => {
    const run = hypergradient.run;
    expect(run.kind).toBe('models');
    if (run.kind !== 'models') return;
    expect(run.variants[0].settings).toMatchObject({ optimizer: 'adam-hd', learningRate: 0.001 });
    expect(run.variants.slice(1).map((variant) => variant.settings)).toEqual([0.001, 0.01, 0.1, 1].map((learningRate) => ({ optimizer: 'adam', learningRate })));
  });
});
