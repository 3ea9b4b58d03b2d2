import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { courseClaims } from '../../../src/lib/lessons/courseClaims';
import { lessonById } from '../../../src/lib/lessons/lessons';
import type { LessonRunResult, LessonTrial } from '../../../src/lib/lessons/revealRules';
import { budgetAnswer } from '../../../src/lib/lessons/searchLessons';
import { regularisationNarrowsGap, worstRun } from '../../../src/lib/lessons/trainingLessons';

/** A trial whose last epoch has these losses. */
function trial(trainLoss: number, validationLoss: number, params: Record<string, number | string> = {}): LessonTrial {
  const epochs: EpochRecord[] = [{ epoch: 1, trainLoss: 2 * trainLoss, validationLoss: 2 * validationLoss }, { epoch: 2, trainLoss, validationLoss }];
  return { params, state: 'complete', epochs };
}
const reveal = (id: string, guess: string, result: LessonRunResult) => lessonById(id)?.predictions[0].reveal(guess, result);

describe('the later lessons answer from what the run produced', () => {
  it('batch size: the run with the highest final validation loss is the answer', () => {
    const result = { runs: { small: [trial(0.2, 0.25)], large: [trial(0.5, 0.55)], 'large-scaled': [trial(0.22, 0.27)] } };
    expect(worstRun(result)).toBe('large');
    expect(reveal('batch-size', 'large', result)?.correct).toBe(true);
    expect(courseClaims['batch-size'].holds({ runs: { ...result.runs, small: [trial(0.6, 0.7)] } })).toBe(false);
  });

  it('regularisation: the claim needs every penalty to narrow the gap, and the widest gap is the answer', () => {
    const result = { runs: { none: [trial(0.05, 0.6)], l1: [trial(0.3, 0.5)], l2: [trial(0.3, 0.45)], dropout: [trial(0.2, 0.5)] } };
    expect(regularisationNarrowsGap(result)).toBe(true);
    expect(reveal('regularisation', 'none', result)?.answer).toBe('none');
    expect(regularisationNarrowsGap({ runs: { ...result.runs, dropout: [trial(0.0, 0.7)] } })).toBe(false);
  });

  it('evolution: later trials more than 10% better than the first generation answer "better"', () => {
    const first = Array.from({ length: 10 }, (_, i) => trial(0.5, 0.6 + i * 0.01));
    const later = Array.from({ length: 20 }, () => trial(0.2, 0.3));
    const result = { runs: { evolution: [...first, ...later] } };
    expect(reveal('evolution', 'better', result)?.correct).toBe(true);
    expect(courseClaims.evolution.holds(result)).toBe(true);
    expect(courseClaims.evolution.holds({ runs: { evolution: [...later, ...first] } })).toBe(false);
  });

  it('baseline: counts the trials not 10% below the baseline loss, and needs the baseline to answer', () => {
    const grid = [0.69, 0.68, 0.7, 0.3, 0.2, 0.1].map((loss, i) => trial(loss, loss, { hiddenLayers: i % 3, learningRate: 0.1 }));
    expect(reveal('baseline', 'many', { runs: { grid }, baselineLoss: 0.693 })?.correct).toBe(true);
    expect(reveal('baseline', 'many', { runs: { grid } })).toBeNull();
    expect(courseClaims.baseline.holds({ runs: { grid: grid.slice(2) }, baselineLoss: 0.693 })).toBe(false);
  });

  it('budget: shrinking returns are "less", no gain is "nothing", a bigger late gain is "more"', () => {
    expect(budgetAnswer(0.4, 0.05)).toBe('less');
    expect(budgetAnswer(0.4, 0)).toBe('nothing');
    expect(budgetAnswer(0.1, 0.3)).toBe('more');
    const early = [0.8, 0.5, 0.6, 0.7, 0.9, 0.65, 0.75, 0.55, 0.85, 0.6].map((loss) => trial(loss, loss));
    const late = Array.from({ length: 10 }, () => trial(0.49, 0.49));
    const result = { runs: { random: [...early, ...late] }, plannedEpochs: 2 };
    expect(reveal('budget', 'less', result)?.correct).toBe(true);
    expect(reveal('budget', 'less', result)?.explanation).toContain('cost 40 trial-epochs; without early stopping it would have cost 40');
  });

  it('cross-validation: the range of the single splits decides, and the folds are reported as mean ± spread', () => {
    const runs: Record<string, LessonTrial[]> = {};
    [0.3, 0.35, 0.45, 0.32, 0.4].forEach((loss, i) => (runs[`split-${i + 1}`] = [trial(0.2, loss)]));
    [0.3, 0.4].forEach((loss, i) => (runs[`fold-${i + 1}`] = [trial(0.2, loss)]));
    const answer = reveal('cross-validation', 'large', { runs });
    expect(answer?.correct).toBe(true);
    expect(answer?.explanation).toContain('0.35 ± 0.0707');
    expect(courseClaims['cross-validation'].holds({ runs })).toBe(true);
  });
});
