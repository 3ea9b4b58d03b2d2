import { describe, expect, it } from 'vitest';
import { mergeStudies, type StudySource } from '../../../src/lib/analysis/mergeStudies';
import { createRandom } from '../../../src/lib/core/random';
import { fromUnit, type Dimension } from '../../../src/lib/core/space';
import type { Trial } from '../../../src/lib/core/trial';
import { parseStudyJson, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
];

function classroomStudy(seed: number, trialCount: number, strategy: 'random' | 'bayesian'): StudyExport {
  const random = createRandom(seed);
  const trials: Trial[] = Array.from({ length: trialCount }, (_, index) => {
    const params = fromUnit(space, Array.from(space, () => random.next()));
    const diverged = Number(params.learningRate) > 0.5;
    const epochs = Array.from({ length: 20 }, (_, epoch) => ({ epoch: epoch + 1, trainLoss: 0.7 - epoch * 0.01, validationLoss: 0.72 - epoch * 0.01 }));
    return { id: index + 1, params, state: diverged ? 'diverged' : 'complete', value: diverged ? null : random.next(), durationMs: 500, epochs };
  });
  return {
    format: 'tuning-playground/study@2',
    seed,
    backend: 'cpu',
    dataset: { name: 'spiral', samples: 400, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 7 },
    model: { epochs: 20 },
    space,
    strategy: { name: strategy },
    objective: { metric: 'validationLoss', direction: 'minimize' },
    trials,
  };
}

const sources = (studies: StudyExport[]): StudySource[] => studies.map((study, index) => ({ name: `student-${index + 1}.json`, study }));

describe('mergeStudies', () => {
  it('merges a classroom of 30 studies of 50 trials, parsed from their files, in well under 2 seconds', () => {
    const texts = Array.from({ length: 30 }, (_, index) => studyToJson(classroomStudy(index + 1, 50, index % 2 === 0 ? 'random' : 'bayesian')));
    const started = performance.now();
    const parsed = texts.map((text) => {
      const result = parseStudyJson(text);
      if (!result.ok) throw new Error(result.message);
      return result.study;
    });
    const result = mergeStudies(sources(parsed));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.merged.trials).toHaveLength(1500);
    expect(result.merged.distributions.map((distribution) => [distribution.group, distribution.count])).toEqual([['random', 750], ['bayesian', 750]]);
  });

  it('ranks every complete trial of every study on one leaderboard, best first, naming its study and strategy', () => {
    const result = mergeStudies(sources([classroomStudy(1, 10, 'random'), classroomStudy(2, 10, 'bayesian')]));
    if (!result.ok) throw new Error(result.message);
    const { leaderboard, trials } = result.merged;
    const complete = trials.filter((trial) => trial.state === 'complete');
    expect(leaderboard).toHaveLength(complete.length);
    expect(leaderboard[0].rank).toBe(1);
    for (let i = 1; i < leaderboard.length; i++) expect(leaderboard[i].value).toBeGreaterThanOrEqual(leaderboard[i - 1].value);
    const best = Math.min(...complete.map((trial) => trial.value!));
    const winner = complete.find((trial) => trial.value === best)!;
    expect(leaderboard[0]).toMatchObject({ source: winner.source, strategy: winner.strategy, trialId: winner.trialId, value: best });
    expect(leaderboard.every((entry) => entry.state === 'complete')).toBe(true);
  });

  it('refuses studies on a different problem with a message naming the difference', () => {
    const base = classroomStudy(1, 5, 'random');
    const cases: [StudyExport, string][] = [
      [{ ...base, dataset: { ...base.dataset, name: 'moons' } }, 'the dataset is moons in student-2.json but spiral in student-1.json'],
      [{ ...base, dataset: { ...base.dataset, samples: 200 } }, 'the number of samples is 200'],
      [{ ...base, dataset: { ...base.dataset, noise: 0.3 } }, 'the dataset noise is 0.3 in student-2.json but 0.1'],
      [{ ...base, dataset: { ...base.dataset, split: { train: 0.7, validation: 0.1, test: 0.2 } } }, 'the training share is 0.7'],
      [{ ...base, dataset: { ...base.dataset, seed: 8 } }, 'the dataset seed is 8 in student-2.json but 7'],
      [{ ...base, objective: { metric: 'validationError', direction: 'minimize' } }, 'the objective is validationError'],
      [{ ...base, space: [{ ...space[0], low: 1e-3 } as Dimension, space[1], space[2]] }, 'the range of learningRate is log from 0.001 to 1 in student-2.json but log from 0.0001 to 1'],
      [{ ...base, space: space.slice(0, 2) }, 'student-1.json searches activation, which student-2.json does not'],
      [{ ...base, space: [...space, { name: 'dropout', type: 'real', low: 0, high: 0.5 }] }, 'student-2.json searches dropout, which student-1.json does not'],
    ];
    for (const [other, difference] of cases) {
      const result = mergeStudies(sources([base, other]));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain('student-2.json is on a different problem from student-1.json');
        expect(result.message).toContain(difference);
      }
    }
  });

  it('merges studies whose spaces list the same dimensions in another order, and refuses no studies', () => {
    const base = classroomStudy(1, 5, 'random');
    expect(mergeStudies(sources([base, { ...classroomStudy(2, 5, 'random'), space: [...space].reverse() }])).ok).toBe(true);
    expect(mergeStudies([])).toEqual({ ok: false, message: 'There are no studies to merge.' });
  });
});
