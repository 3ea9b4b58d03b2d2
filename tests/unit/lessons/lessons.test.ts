import { describe, expect, it } from 'vitest';
import { searchSpace, validateSettings } from '../../../src/lib/core/settings';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { lessonById, lessons, lessonSettings, usesSmallPreset } from '../../../src/lib/lessons/lessons';
import { distinctValues, logThird, median, mostOverfitRun, stoppedEarly, survivorShare, testAgainstValidation, winShare, type LessonRunResult, type LessonTrial } from '../../../src/lib/lessons/revealRules';
import { lessonClaims } from '../../../src/lib/lessons/lessonClaims';
import { gapTrend, largestFitsTrainingBest, sweetSpots } from '../../../src/lib/lessons/modelLessons';
import { searchableSettings } from '../../../src/lib/study/studySetup';

/** A trial whose curve ends at the given training and validation losses. */
function trial(trainLoss: number, validationLoss: number, params: Record<string, number | string> = {}, state = 'complete'): LessonTrial {
  const epochs: EpochRecord[] = [{ epoch: 1, trainLoss: trainLoss * 2, validationLoss: validationLoss * 2 }, { epoch: 2, trainLoss, validationLoss }];
  return { params, state, epochs };
}

const lesson = (id: string) => {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
};

describe('the lessons', () => {
  it('there are at least fourteen lessons with distinct ids that fit in a link', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(14);
    expect(new Set(lessons.map((entry) => entry.id)).size).toBe(lessons.length);
    for (const entry of lessons) expect(entry.id).toMatch(/^[a-z-]{1,64}$/);
  });

  it.each(lessons.map((entry) => [entry.id, entry]))('lesson %s has steps, a prediction with choices, and presets valid under validateSettings', (_, entry) => {
    expect(entry.steps.length).toBeGreaterThan(0);
    expect(entry.predictions.length).toBeGreaterThan(0);
    for (const prediction of entry.predictions) expect(prediction.choices.length).toBeGreaterThanOrEqual(2);
    for (const preset of [entry.preset, { ...entry.preset, ...entry.smallPreset }]) {
      expect(validateSettings({ ...preset, lesson: entry.id }).notices).toEqual([]);
    }
  });

  it.each(lessons.map((entry) => [entry.id, entry]))('lesson %s searches only what the search form offers', (_, entry) => {
    const offered = new Set(searchableSettings.map(({ dimension }) => dimension.name));
    for (const dimension of searchSpace(lessonSettings(entry, 'webgpu'))) expect(offered.has(dimension.name)).toBe(true);
  });

  it('lessonSettings uses the small preset on wasm and cpu, carries the lesson id and keeps the layout it is given', () => {
    expect(usesSmallPreset('wasm')).toBe(true);
    expect(usesSmallPreset('webgpu')).toBe(false);
    const entry = lesson('grid-vs-random');
    const large = lessonSettings(entry, 'webgl');
    const small = lessonSettings(entry, 'wasm', { embed: true, views: ['lesson'] });
    expect(small.samples).toBeLessThan(large.samples);
    expect(small.epochs).toBeLessThan(large.epochs);
    expect(small.lesson).toBe('grid-vs-random');
    expect(small.embed).toBe(true);
    expect(small.views).toEqual(['lesson']);
  });

  it('lessonById returns undefined for an unknown id', () => {
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });
});

describe('the reveal rules', () => {
  it('every reveal answers null before the run has the results it needs', () => {
    for (const entry of lessons) for (const prediction of entry.predictions) expect(prediction.reveal(prediction.choices[0].id, { runs: {} })).toBeNull();
  });

  it('parameters: the learning rate with the lowest final validation loss is the answer, and a diverged run never is', () => {
    const result: LessonRunResult = { runs: { small: [trial(0.6, 0.65)], medium: [trial(0.2, 0.25)], large: [trial(NaN, NaN, {}, 'diverged')] } };
    const reveal = lesson('parameters').predictions[0].reveal('medium', result);
    expect(reveal).toMatchObject({ answer: 'medium', correct: true });
    expect(lesson('parameters').predictions[0].reveal('large', result)).toMatchObject({ answer: 'medium', correct: false });
  });

  it('curves: the run with the widest validation-minus-training gap overfits', () => {
    const result: LessonRunResult = { runs: { A: [trial(0.05, 0.9)], B: [trial(0.65, 0.66)], C: [trial(NaN, NaN, {}, 'diverged')] } };
    expect(mostOverfitRun(result)).toBe('A');
    expect(lesson('curves').predictions[0].reveal('B', result)).toMatchObject({ answer: 'A', correct: false });
  });

  it('grid versus random: the strategy with the lower median best over the repetitions is the answer, within 2% a tie', () => {
    const grid = [0.1, 0.1, 0.01].map((rate, index) => trial(0.3, 0.4 + index * 0.1, { learningRate: rate, l2: 1e-6 }));
    const random = [0.2, 0.05, 0.003].map((rate, index) => trial(0.2, 0.3 + index * 0.1, { learningRate: rate, l2: 1e-6 }));
    expect(distinctValues(grid, 'learningRate')).toBe(2);
    expect(distinctValues(random, 'learningRate')).toBe(3);
    const rule = lesson('grid-vs-random').predictions[0];
    expect(rule.reveal('random', { runs: { grid, random } })).toBeNull();
    const distribution = { grid: [0.5, 0.52, 0.48, 0.5, 0.6], random: [0.45, 0.6, 0.4, 0.42, 0.44] };
    expect(winShare({ runs: {}, distribution }, 'random', 'grid')).toBe(0.8);
    expect(median(distribution.random)).toBe(0.44);
    const reveal = rule.reveal('random', { runs: { grid, random }, distribution });
    expect(reveal).toMatchObject({ answer: 'random', correct: true });
    expect(reveal?.explanation).toContain('won 80% of the repetitions');
    expect(rule.reveal('tie', { runs: { grid, random }, distribution: { grid: [0.5, 0.5], random: [0.505, 0.495] } })).toMatchObject({ answer: 'tie', correct: true });
  });

  it('grid versus random repeats each search many times, since one draw cannot carry its claim', () => {
    const run = lesson('grid-vs-random').run;
    expect(run.kind === 'searches' && (run.repetitions ?? 1) >= 20).toBe(true);
  });

  it('bayesian: the answer is the third of the log learning-rate axis where the last trial landed', () => {
    expect(logThird(1e-4, 1e-4, 1)).toBe('low');
    expect(logThird(0.01, 1e-4, 1)).toBe('middle');
    expect(logThird(0.5, 1e-4, 1)).toBe('high');
    const trials = [trial(0.3, 0.35, { learningRate: 0.3 }), trial(0.5, 0.6, { learningRate: 0.0002 }), trial(0.3, 0.33, { learningRate: 0.2 })];
    expect(lesson('bayesian').predictions[0].reveal('low', { runs: { bayesian: trials } })).toMatchObject({ answer: 'high', correct: false });
  });

  it('halving: counts the trials stopped early and the share of the full-training epochs spent', () => {
    const pruned = (count: number) => Array.from({ length: count }, () => trial(0.5, 0.5, {}, 'pruned'));
    const full = (count: number) => Array.from({ length: count }, () => trial(0.3, 0.3));
    expect(survivorShare(full(4))).toEqual({ answer: 'all', full: 4 });
    expect(stoppedEarly(full(4), 2)).toEqual({ answer: 'none', stopped: 0, epochShare: 1 });
    expect(stoppedEarly([...full(8), ...pruned(1)], 2).answer).toBe('few');
    expect(stoppedEarly([...full(1), ...pruned(2)], 4)).toEqual({ answer: 'many', stopped: 2, epochShare: 0.5 });
    expect(lesson('halving').predictions[0].reveal('many', { runs: { random: [...full(1), ...pruned(8)] } })).toMatchObject({ answer: 'many', correct: true });
  });

  it('test set: compares the test loss with the validation loss, within 5% counting as the same', () => {
    expect(testAgainstValidation({ validationLoss: 0.4, testLoss: 0.5 })).toBe('higher');
    expect(testAgainstValidation({ validationLoss: 0.4, testLoss: 0.41 })).toBe('same');
    expect(testAgainstValidation({ validationLoss: 0.4, testLoss: 0.3 })).toBe('lower');
    const result: LessonRunResult = { runs: { random: [trial(0.3, 0.4)] }, test: { validationLoss: 0.4, testLoss: 0.5 } };
    expect(lesson('test-set').predictions[0].reveal('higher', result)).toMatchObject({ answer: 'higher', correct: true });
  });
});

describe('the lesson claims', () => {
  it('every lesson has a claim that check:lessons can test', () => {
    for (const entry of lessons) expect(lessonClaims[entry.id]?.statement.length).toBeGreaterThan(10);
  });

  it('a claim holds on a result that bears it out and not on one that contradicts it', () => {
    const agree: LessonRunResult = { runs: { small: [trial(0.6, 0.65)], medium: [trial(0.2, 0.25)], large: [trial(NaN, NaN, {}, 'diverged')] } };
    const disagree: LessonRunResult = { runs: { small: [trial(0.1, 0.15)], medium: [trial(0.2, 0.25)], large: [trial(NaN, NaN, {}, 'diverged')] } };
    expect(lessonClaims.parameters.holds(agree)).toBe(true);
    expect(lessonClaims.parameters.holds(disagree)).toBe(false);
    expect(lessonClaims['grid-vs-random'].holds({ runs: {}, distribution: { grid: [0.5, 0.5, 0.5], random: [0.4, 0.6, 0.45] } })).toBe(true);
    expect(lessonClaims['grid-vs-random'].holds({ runs: {}, distribution: { grid: [0.4, 0.4, 0.4], random: [0.4, 0.6, 0.45] } })).toBe(false);
    expect(lessonClaims['test-set'].holds({ runs: {}, test: { validationLoss: 0.4, testLoss: 0.5 } })).toBe(true);
    expect(lessonClaims['test-set'].holds({ runs: {}, test: { validationLoss: 0.4, testLoss: 0.3 } })).toBe(false);
  });
});

describe('the model lessons', () => {
  it('learning rate: the answer says which rate suits which optimiser, from the final validation losses', () => {
    const runs = (sgdSmall: number, sgdLarge: number, adamSmall: number, adamLarge: number): LessonRunResult => ({
      runs: { 'sgd-small': [trial(0.1, sgdSmall)], 'sgd-large': [trial(0.1, sgdLarge)], 'adam-small': [trial(0.1, adamSmall)], 'adam-large': [trial(0.1, adamLarge)] },
    });
    expect(sweetSpots({ runs: {} })).toBeNull();
    expect(sweetSpots(runs(0.6, 0.1, 0.05, 0.7))).toBe('sgd-large');
    expect(sweetSpots(runs(0.1, 0.6, 0.7, 0.05))).toBe('adam-large');
    expect(sweetSpots(runs(0.6, 0.1, 0.7, 0.05))).toBe('same');
    expect(lesson('learning-rate').predictions[0].reveal('sgd-large', runs(0.6, 0.1, 0.05, 0.7))).toMatchObject({ answer: 'sgd-large', correct: true });
  });

  it('capacity: the gap trend compares the largest network with the linear model, within 0.02 the same', () => {
    const result = (linearGap: number, largeGap: number): LessonRunResult => ({
      runs: { linear: [trial(0.65, 0.65 + linearGap)], small: [trial(0.5, 0.55)], large: [trial(0.1, 0.1 + largeGap)] },
    });
    expect(gapTrend(result(0.01, 0.4))).toBe('grows');
    expect(gapTrend(result(0.01, 0.02))).toBe('stays');
    expect(gapTrend(result(0.3, 0.01))).toBe('shrinks');
    expect(largestFitsTrainingBest(result(0.01, 0.4))).toBe(true);
    expect(lessonClaims.capacity.holds(result(0.01, 0.4))).toBe(true);
    expect(lessonClaims.capacity.holds(result(0.01, 0.02))).toBe(false);
  });

  it('every lesson carries a teacher\'s note: a question, a misconception and what to point at', () => {
    for (const { id } of lessons) {
      const note = lesson(id).teacherNote;
      expect(note?.question.length).toBeGreaterThan(10);
      expect(note?.misconception.length).toBeGreaterThan(10);
      expect(note?.pointAt.length).toBeGreaterThan(10);
    }
  });
});
