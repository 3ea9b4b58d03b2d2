import { describe, expect, it } from 'vitest';
import { distinctNames, raceMismatch, raceWinner, type RaceEntry } from '../../../src/lib/analysis/raceLanes';
import type { StudyProblem } from '../../../src/lib/analysis/problemDifference';

const problem: StudyProblem = {
  dataset: { name: 'spiral', samples: 200, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 1 },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  space: [{ name: 'learningRate', type: 'log', low: 1e-4, high: 1 }],
};
const entry = (name: string, best: RaceEntry['best'], changes: Partial<StudyProblem> = {}): RaceEntry => ({ name, problem: { ...problem, ...changes }, best });

describe('distinctNames', () => {
  it('keeps distinct names and numbers the repeats of one name from the second on', () => {
    expect(distinctNames(['random', 'random saved', 'random', 'random'])).toEqual(['random', 'random saved', 'random (2)', 'random (3)']);
  });

  it('never makes a name another lane already has', () => {
    expect(distinctNames(['a', 'a (2)', 'a'])).toEqual(['a', 'a (2)', 'a (3)']);
  });
});

describe('raceMismatch', () => {
  it('lets lanes on one problem race, in any order of their search dimensions', () => {
    const two = [{ name: 'two', type: 'int' as const, low: 1, high: 4 }, ...problem.space];
    expect(raceMismatch([entry('a', null, { space: two }), entry('b', null, { space: [...two].reverse() })])).toBeNull();
  });

  it('names the lane on another dataset and the difference, as the classroom merge does', () => {
    const message = raceMismatch([entry('saved A', null), entry('saved B', null), entry('saved C', null, { dataset: { ...problem.dataset, name: 'circles' } })]);
    expect(message).toBe('saved C is on a different problem from saved A, so they cannot race: the dataset is circles in saved C but spiral in saved A.');
  });

  it('refuses lanes with different objectives', () => {
    expect(raceMismatch([entry('a', null), entry('b', null, { objective: { metric: 'validationAccuracy', direction: 'minimize' } })])).toMatch(/the objective is validationAccuracy in b but validationLoss in a/);
  });
});

describe('raceWinner', () => {
  it('names the lane with the lowest best objective', () => {
    const winner = raceWinner([entry('a', { id: 3, value: 0.4 }), entry('b', { id: 9, value: 0.25 }), entry('c', null)]);
    expect(winner).toEqual({ index: 1, name: 'b', value: 0.25, trialId: 9, tiedWith: [] });
  });

  it('gives a tie to the lane that reached the value in fewer trials, and lists the lanes it ties with', () => {
    const winner = raceWinner([entry('a', { id: 7, value: 0.3 }), entry('b', { id: 2, value: 0.3 }), entry('c', { id: 1, value: 0.5 })]);
    expect(winner?.name).toBe('b');
    expect(winner?.tiedWith).toEqual(['a']);
  });

  it('has no winner before any lane has a finite result', () => {
    expect(raceWinner([entry('a', null), entry('b', { id: 1, value: Number.NaN })])).toBeNull();
    expect(raceWinner([])).toBeNull();
  });
});
