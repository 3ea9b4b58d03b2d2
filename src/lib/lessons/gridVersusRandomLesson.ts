/**
 * The grid-versus-random lesson. One draw of a few trials can go either way (on WASM grid once won
 * 0.489 to 0.588), so the lesson repeats both searches many times and its claim is about the
 * distribution: the best validation loss of each strategy in every repetition, and the share of
 * repetitions random search wins.
 */
import type { Lesson } from './lessonTypes';
import { distinctValues, formatNumber, median, revealOf, winShare, type LessonRunResult } from './revealRules';

/** Repetitions of each search: enough that the share of wins, not one lucky draw, decides. */
export const gridVersusRandomRepetitions = 20;

/** Medians of the best losses within this fraction of each other count as about the same. */
export const sameWithin = 0.02;

/** 'grid', 'random' or 'tie': which strategy's median best validation loss over the repetitions is lower (within `sameWithin`, a tie). */
export function medianWinner(result: LessonRunResult): 'grid' | 'random' | 'tie' {
  const grid = median(result.distribution?.grid ?? []);
  const random = median(result.distribution?.random ?? []);
  if (Math.abs(grid - random) <= sameWithin * Math.max(Math.min(grid, random), 1e-12)) return 'tie';
  return random < grid ? 'random' : 'grid';
}

/** The lesson: grid and random search, each repeated, on a space where one of two hyperparameters matters. */
export const gridVersusRandom: Lesson = {
  id: 'grid-vs-random',
  title: 'Grid versus random search',
  steps: [
    'We search two hyperparameters: the learning rate, which matters a great deal, and an L2 penalty between 0.000001 and 0.00001, far too small to change anything.',
    'A grid of 3 × 3 trials tries only three learning rates, each three times with a different useless L2. Random search with the same nine trials tries nine different learning rates.',
    `One search of nine trials is one roll of the dice: either can win by luck. So each search runs ${gridVersusRandomRepetitions} times (new random draws, new training seeds) and we count how often each finds the lower best validation loss.`,
    'Bergstra and Bengio (2012) showed that when only a few hyperparameters matter, random search explores the ones that matter more thoroughly for the same budget. Which search does better typically — in the median repetition?',
  ],
  preset: {
    trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 300, noise: 0.2, hiddenLayers: 1, units: 8, optimizer: 'sgd', epochs: 20, patience: 0,
    search: 'learningRate:log:0.0001:1,l2:log:0.000001:0.00001', budget: 9, parallelTrials: 9, searchSeed: 3, schedule: 'none', tab: 'search',
  },
  smallPreset: { samples: 150, epochs: 6 },
  run: { kind: 'searches', strategies: ['grid', 'random'], repetitions: gridVersusRandomRepetitions },
  predictions: [
    {
      question: `Over ${gridVersusRandomRepetitions} repetitions with nine trials each, which search has the lower median best validation loss?`,
      choices: [
        { id: 'grid', label: 'grid search' },
        { id: 'random', label: 'random search' },
        { id: 'tie', label: `about the same (within ${Math.round(sameWithin * 100)}%)` },
      ],
      reveal(guess, result) {
        const grid = result.distribution?.grid ?? [];
        const random = result.distribution?.random ?? [];
        if (grid.length === 0 || random.length === 0) return null;
        const answer = medianWinner(result);
        const share = winShare(result, 'random', 'grid');
        const rates = `In the first repetition grid tried ${distinctValues(result.runs.grid ?? [], 'learningRate')} different learning rates; random tried ${distinctValues(result.runs.random ?? [], 'learningRate')}.`;
        return revealOf(
          guess,
          answer,
          `Median best validation loss over ${Math.min(grid.length, random.length)} repetitions: grid ${formatNumber(median(grid))}, random ${formatNumber(median(random))}. ` +
            `Random search won ${Math.round(share * 100)}% of the repetitions: single draws go either way. ${rates}`,
        );
      },
    },
  ],
  references: ['J. Bergstra and Y. Bengio, "Random Search for Hyper-Parameter Optimization", JMLR 13 (2012) 281–305.'],
  teacherNote: {
    question: 'Grid search won some repetitions. Does that disprove Bergstra and Bengio?',
    misconception: 'That one search settles which strategy is better: a single draw of nine trials is one roll of the dice.',
    pointAt: 'The strip plot: the two clouds of best losses overlap, random\'s sits lower, and the share of repetitions each won.',
  },
};
