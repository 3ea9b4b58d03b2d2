import { describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { courseClaims } from '../../../src/lib/lessons/courseClaims';
import { lessonById } from '../../../src/lib/lessons/lessons';
import type { LessonRunResult, LessonTrial } from '../../../src/lib/lessons/revealRules';
import { penaltiesShrinkWeights, slowestRun, sparsestRun } from '../../../src/lib/lessons/trainingLessons';

/** A hand-trained run's trial ending at these losses, with a duration and first-layer weights if given. */
function trial(trainLoss: number, validationLoss: number, extra: { durationMs?: number; kernel?: number[] } = {}): LessonTrial {
  const epochs: EpochRecord[] = [{ epoch: 1, trainLoss: 2 * trainLoss, validationLoss: 2 * validationLoss }, { epoch: 2, trainLoss, validationLoss }];
  const weights: LayerWeights[] | undefined = extra.kernel ? [{ inputs: 2, units: extra.kernel.length / 2, kernel: Float32Array.from(extra.kernel), bias: new Float32Array(extra.kernel.length / 2) }] : undefined;
  return { params: {}, state: 'complete', epochs, ...(extra.durationMs !== undefined ? { durationMs: extra.durationMs } : {}), ...(weights ? { weights } : {}) };
}
const lesson = (id: string) => {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
};

describe('the batch-size lesson reads seconds per epoch from the run', () => {
  const result: LessonRunResult = {
    runs: { small: [trial(0.2, 0.25, { durationMs: 3000 })], large: [trial(0.5, 0.55, { durationMs: 600 })], 'large-scaled': [trial(0.22, 0.27, { durationMs: 500 })] },
  };

  it('the slowest run per epoch is the answer to the timing question, and the reveal prints the measured seconds', () => {
    expect(slowestRun(result)).toBe('small');
    const reveal = lesson('batch-size').predictions[1].reveal('large', result);
    expect(reveal).toMatchObject({ answer: 'small', correct: false });
    expect(reveal?.explanation).toContain('small 1.5 s');
    expect(reveal?.explanation).toContain('large 0.3 s');
  });

  it('without measured durations there is no timing answer', () => {
    const unmeasured = { runs: { small: [trial(0.2, 0.25)], large: [trial(0.5, 0.55)] } };
    expect(slowestRun(unmeasured)).toBeNull();
    expect(lesson('batch-size').predictions[1].reveal('small', unmeasured)).toBeNull();
  });

  it('the claim needs batch 120 at the same rate to end worst and batch 8 to be the slowest per epoch', () => {
    expect(courseClaims['batch-size'].holds(result)).toBe(true);
    expect(courseClaims['batch-size'].holds({ runs: { ...result.runs, 'large-scaled': [trial(0.22, 0.27, { durationMs: 9000 })] } })).toBe(false);
    expect(courseClaims['batch-size'].holds({ runs: { ...result.runs, small: [trial(0.2, 0.25)] } })).toBe(false);
  });
});

describe('the regularisation lesson reads the trained weights', () => {
  const result: LessonRunResult = {
    runs: {
      none: [trial(0.05, 0.6, { kernel: [3, -2, 1.5, 0.5] })],
      l1: [trial(0.3, 0.5, { kernel: [0.9, 0, 0.001, 0] })],
      l2: [trial(0.3, 0.45, { kernel: [0.8, -0.5, 0.3, 0.005] })],
      dropout: [trial(0.2, 0.5, { kernel: [2, -1.5, 1, 0.4] })],
    },
  };

  it('the run with the largest share of weights near zero is the answer, and the reveal prints shares and norms', () => {
    expect(sparsestRun(result)).toBe('l1');
    const reveal = lesson('regularisation').predictions[1].reveal('l2', result);
    expect(reveal).toMatchObject({ answer: 'l1', correct: false });
    expect(reveal?.explanation).toContain('l1 75%');
    expect(reveal?.explanation).toContain('none 0%');
  });

  it('the claim needs narrower gaps, smaller L1 and L2 norms than none, and L1 the sparsest', () => {
    expect(penaltiesShrinkWeights(result)).toBe(true);
    expect(courseClaims.regularisation.holds(result)).toBe(true);
    const bigL2 = { runs: { ...result.runs, l2: [trial(0.3, 0.45, { kernel: [5, -5, 0.3, 0.005] })] } };
    expect(penaltiesShrinkWeights(bigL2)).toBe(false);
    const sparseL2 = { runs: { ...result.runs, l2: [trial(0.3, 0.45, { kernel: [0, 0, 0, 0.005] })] } };
    expect(penaltiesShrinkWeights(sparseL2)).toBe(false);
    expect(courseClaims.regularisation.holds({ runs: { ...result.runs, dropout: [trial(0.0, 0.7, { kernel: [1, 1, 1, 1] })] } })).toBe(false);
  });

  it('without weights there is no sparsity answer and the claim does not hold', () => {
    const bare = { runs: { none: [trial(0.05, 0.6)], l1: [trial(0.3, 0.5)], l2: [trial(0.3, 0.45)], dropout: [trial(0.2, 0.5)] } };
    expect(sparsestRun(bare)).toBeNull();
    expect(lesson('regularisation').predictions[1].reveal('l1', bare)).toBeNull();
    expect(courseClaims.regularisation.holds(bare)).toBe(false);
  });
});
