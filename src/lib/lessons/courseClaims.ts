/**
 * The claims of the later lessons (batch size, regularisation, evolution, cross-validation,
 * baseline, budget), merged into lessonClaims.ts and checked by `npm run check:lessons`.
 */
import type { LessonClaim } from './lessonTypes';
import { gainAfter, gainWithin, laterGain, lossesOf, notBeatingBaseline, splitRange } from './lessonMeasures';
import { budgetAnswer, earlyTrials, generation } from './searchLessons';
import { penaltiesShrinkWeights, regularisationNarrowsGap, slowestRun, worstRun } from './trainingLessons';

/** The claims, by lesson id. */
export const courseClaims: Record<string, LessonClaim> = {
  'batch-size': {
    statement: 'after the same epochs, batch 120 at learning rate 0.1 ends with the highest validation loss of the three runs (scaling its rate up fixes it), and batch 8 takes the most wall-clock seconds per epoch',
    holds: (result) => worstRun(result) === 'large' && slowestRun(result) === 'small',
  },
  regularisation: {
    statement: 'L1, L2 and dropout each end with a narrower validation–training gap than no regularisation; L1 and L2 each end with a smaller weight norm than no regularisation, and L1 with the largest share of weights under 0.01',
    holds: (result) => regularisationNarrowsGap(result) && penaltiesShrinkWeights(result),
  },
  evolution: {
    statement: `the median validation loss of the last ${generation} trials is more than 10% lower than the random first generation's`,
    holds: (result) => laterGain(result.runs.evolution ?? [], generation) > 0.1,
  },
  'cross-validation': {
    statement: 'over five differently drawn validation splits, the worst single split scores more than 30% above the best',
    holds: (result) => splitRange(lossesOf(result, 'split-')) > 0.3,
  },
  baseline: {
    statement: 'at least three of the nine grid trials fail to beat the "ignore the inputs" loss by 10%',
    holds: (result) => result.baselineLoss !== undefined && notBeatingBaseline(result.runs.grid ?? [], result.baselineLoss).length >= 3,
  },
  budget: {
    statement: `trials ${earlyTrials + 1}–20 lower the best validation loss by less (relative) than the best of the first ${earlyTrials} lies below their median, or not at all: the returns shrink`,
    holds: (result) => {
      const trials = result.runs.random ?? [];
      return budgetAnswer(gainWithin(trials, earlyTrials), gainAfter(trials, earlyTrials)) !== 'more';
    },
  },
};
