/**
 * What each lesson claims, as a rule over a run's result: `npm run check:lessons` replays every
 * lesson over many seeds and counts how often the claim holds (bench/results/lessons.json). A
 * lesson whose claim fails on the data gets a new preset or a new claim, never a hidden result.
 */
import { medianWinner } from './gridVersusRandomLesson';
import { courseClaims } from './courseClaims';
import { maxOf } from '../core/extent';
import { gapTrend, sweetSpots, largestFitsTrainingBest } from './modelLessons';
import { deepTreeMemorises, ensemblesBeatTree, strongerPenalty } from './familyLessons';
import { closeMargin, finalAdaptedRate, hypergradientVersusSearch } from './hypergradientLesson';
import { finalValidationLoss, lowestLossRun, mostOverfitRun, stoppedEarly, testAgainstValidation, logThird } from './revealRules';

import type { LessonClaim } from './lessonTypes';

export type { LessonClaim } from './lessonTypes';

/** The claims, by lesson id. */
export const lessonClaims: Record<string, LessonClaim> = {
  parameters: {
    statement: 'the moderate learning rate (0.1) ends with the lowest validation loss',
    holds: (result) => lowestLossRun(result) === 'medium',
  },
  curves: {
    statement: 'the big network (A) ends with the widest gap between validation and training loss',
    holds: (result) => mostOverfitRun(result) === 'A',
  },
  'learning-rate': {
    statement: 'SGD does better at a learning rate of 1 than 0.01, and Adam better at 0.01 than 1: the sweet spot moves with the optimiser',
    holds: (result) => sweetSpots(result) === 'sgd-large',
  },
  capacity: {
    statement: 'the 3×64 network ends with the lowest training loss of the three, and its validation–training gap is wider than the linear model\'s by more than 0.02',
    holds: (result) => largestFitsTrainingBest(result) && gapTrend(result) === 'grows',
  },
  'grid-vs-random': {
    statement: "over 20 repetitions, random search's median best validation loss is lower than grid search's (by more than 2%)",
    holds: (result) => medianWinner(result) === 'random',
  },
  bayesian: {
    statement: "the last trial lands in the same third of the learning-rate axis as the best trial before it (exploitation)",
    holds: (result) => {
      const trials = result.runs.bayesian ?? [];
      const last = trials.at(-1)?.params.learningRate;
      const earlier = trials.slice(0, -1).reduce((best, trial) => (finalValidationLoss(trial) < finalValidationLoss(best) ? trial : best), trials[0]);
      const bestRate = earlier?.params.learningRate;
      return typeof last === 'number' && typeof bestRate === 'number' && logThird(last, 1e-4, 1) === logThird(bestRate, 1e-4, 1);
    },
  },
  halving: {
    statement: 'successive halving stops at least a third of the trials early and spends at most 70% of the epochs of training them all fully',
    holds: (result) => {
      const trials = result.runs.random ?? [];
      if (trials.length === 0) return false;
      const { answer, epochShare } = stoppedEarly(trials, maxOf(trials.map((trial) => trial.epochs.length)));
      return answer === 'many' && epochShare <= 0.7;
    },
  },
  'tree-depth': {
    statement: 'the tree without a depth limit gets every training point right and has the widest validation–training loss gap of the three depths',
    holds: deepTreeMemorises,
  },
  'forests-boosting': {
    statement: 'the forest of 50 trees and 100 rounds of boosting both end with a lower validation loss than one fully grown tree',
    holds: (result) => ensemblesBeatTree(result) === 'both',
  },
  'lasso-ridge': {
    statement: 'at the same alpha (0.05) on degree-9 features of the noisy sine, Lasso ends with a higher training loss than Ridge (by more than 1%)',
    holds: (result) => strongerPenalty(result) === 'lasso',
  },
  'test-set': {
    statement: "the chosen trial's test loss is more than 5% higher than its validation loss (the winner's validation score is optimistic)",
    holds: (result) => result.test !== undefined && testAgainstValidation(result.test) === 'higher',
  },
  hypergradient: {
    statement: `Adam-HD started at learning rate 0.001 ends within ${closeMargin} of the validation loss of the best of four fixed rates (0.001–1), with a quarter of their epochs, and its learning rate ends at least 10 times where it started`,
    holds: (result) => {
      const answer = hypergradientVersusSearch(result);
      return (answer === 'better' || answer === 'close') && finalAdaptedRate(result) >= 0.01;
    },
  },
  ...courseClaims,
};
