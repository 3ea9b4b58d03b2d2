/**
 * The guided lessons: for each, a few steps of plain text, a preset (partial Settings, with a
 * smaller variant for CPU and WASM backends), what to run, and the predictions a student commits
 * before the run reveals the answer. Pure data and pure rules: the panel runs them.
 */
import { maxOf } from '../core/extent';
import { defaultSettings, validateSettings, type Settings } from '../core/settings';
import {
  bestValidationLoss,
  finalValidationLoss,
  formatNumber,
  logThird,
  lowestLossRun,
  mostOverfitRun,
  revealOf,
  stoppedEarly,
  testAgainstValidation,
} from './revealRules';
import { gridVersusRandom } from './gridVersusRandomLesson';
import { capacity, learningRate } from './modelLessons';
import { batchSize, regularisation } from './trainingLessons';
import { baseline, budget, evolution } from './searchLessons';
import { crossValidation } from './crossValidationLesson';
import { lassoRidge, manyWeakModels, treeDepth } from './familyLessons';
import { hypergradient } from './hypergradientLesson';
import type { Lesson } from './lessonTypes';

export type { Lesson, LessonRun, ModelVariant, Prediction, PredictionChoice } from './lessonTypes';

/** Backends slow enough that lessons use their small presets. */
const smallBackends = new Set(['wasm', 'cpu']);

/** Whether a backend (by name, e.g. 'webgpu' or 'wasm') gets the small presets. */
export function usesSmallPreset(backendName: string): boolean {
  return smallBackends.has(backendName);
}

/** The complete settings a lesson lays onto the page on `backendName`; `keep` carries what the page's layout must keep (embed, views). */
export function lessonSettings(lesson: Lesson, backendName: string, keep: Partial<Settings> = {}): Settings {
  const small = usesSmallPreset(backendName) ? lesson.smallPreset : {};
  return validateSettings({ ...defaultSettings(), ...lesson.preset, ...small, ...keep, lesson: lesson.id }).settings;
}

const split = { trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2 } as const;
const bayesianRange = { low: 1e-4, high: 1 } as const;

const parameters: Lesson = {
  id: 'parameters',
  title: 'Parameters versus hyperparameters',
  steps: [
    'A network learns its parameters — the weights — from the data. A hyperparameter is a choice you make before training that the data does not change: the learning rate, the number of layers, the number of epochs.',
    'The learning rate is the size of each weight update. Too small and training crawls; too large and each step overshoots.',
    'We will train the same network on the same points three times, changing only the learning rate. Which one ends with the lowest validation loss?',
  ],
  preset: { ...split, dataset: 'moons', samples: 300, noise: 0.2, hiddenLayers: 2, units: 16, optimizer: 'sgd', epochs: 40, patience: 0, tab: 'train' },
  smallPreset: { samples: 100, epochs: 8 },
  run: {
    kind: 'models',
    variants: [
      { id: 'small', label: 'learning rate 0.001', settings: { learningRate: 0.001 } },
      { id: 'medium', label: 'learning rate 0.1', settings: { learningRate: 0.1 } },
      { id: 'large', label: 'learning rate 10', settings: { learningRate: 10 } },
    ],
  },
  predictions: [
    {
      question: 'Which learning rate ends with the lowest validation loss?',
      choices: [
        { id: 'small', label: '0.001 (tiny steps)' },
        { id: 'medium', label: '0.1 (moderate steps)' },
        { id: 'large', label: '10 (huge steps)' },
      ],
      reveal(guess, result) {
        const answer = lowestLossRun(result);
        if (answer === null) return null;
        const losses = Object.entries(result.runs).map(([name, trials]) => `${name} ${formatNumber(bestValidationLoss(trials))}`);
        return revealOf(guess, answer, `Final validation losses: ${losses.join(', ')}. Same data, same network, same seed: only the hyperparameter changed.`);
      },
    },
  ],
  teacherNote: {
    question: 'Which numbers in this network did you choose, and which did training choose? Sort them into two lists.',
    misconception: 'That hyperparameters are learned from the data like the weights: training never changes the learning rate.',
    pointAt: 'The three learning curves side by side: same network, same data, same seed, three very different endings.',
  },
};

const curves: Lesson = {
  id: 'curves',
  title: 'Reading learning curves',
  steps: [
    'A learning curve plots the loss on the training points and on the validation points after each epoch.',
    'Underfitting: both losses stay high and close together — the model is too simple (try more layers or units). Overfitting: training loss keeps falling while validation loss stalls or rises — the model memorises noise (try fewer epochs, L2, dropout or more data). Divergence: the loss jumps or becomes not-a-number — the learning rate is too large (lower it).',
    'Three models train on 50 noisy spiral points: A has three layers of 64 units, B has no hidden layer, C has a learning rate of 10. Which will overfit?',
  ],
  preset: { ...split, dataset: 'spiral', samples: 50, noise: 0.3, optimizer: 'adam', batchSize: 32, epochs: 150, patience: 0, l1: 0, l2: 0, dropout: 0, tab: 'train' },
  smallPreset: { epochs: 40 },
  run: {
    kind: 'models',
    variants: [
      { id: 'A', label: 'A: 3 layers × 64 units', settings: { hiddenLayers: 3, units: 64, learningRate: 0.01 } },
      { id: 'B', label: 'B: no hidden layer', settings: { hiddenLayers: 0, learningRate: 0.1 } },
      { id: 'C', label: 'C: learning rate 10', settings: { hiddenLayers: 2, units: 16, learningRate: 10 } },
    ],
  },
  predictions: [
    {
      question: 'Which curve will overfit (validation loss pulling away above the training loss)?',
      choices: [
        { id: 'A', label: 'A: the big network' },
        { id: 'B', label: 'B: the linear model' },
        { id: 'C', label: 'C: the huge learning rate' },
      ],
      reveal(guess, result) {
        const answer = mostOverfitRun(result);
        if (answer === null) return null;
        const gaps = Object.entries(result.runs).map(([name, trials]) => {
          const last = trials[0]?.epochs.at(-1);
          return trials[0]?.state === 'diverged' || !last ? `${name} diverged` : `${name} train ${formatNumber(last.trainLoss)} / validation ${formatNumber(last.validationLoss)}`;
        });
        return revealOf(guess, answer, `${answer} ends with the widest gap between validation and training loss. Last epoch: ${gaps.join('; ')}.`);
      },
    },
  ],
  teacherNote: {
    question: 'Cover the validation curve: can you tell from the training curve alone whether the model is any good?',
    misconception: 'That a falling training loss means the model is improving: only the validation curve says how it does on new points.',
    pointAt: "A's training curve still falling while its validation curve turns up, B's two curves flat and together, C's jump.",
  },
};

const bayesian: Lesson = {
  id: 'bayesian',
  title: 'Bayesian optimisation',
  steps: [
    'Bayesian optimisation keeps a belief about the loss at every learning rate: a Gaussian process gives a predicted loss (its mean) and how unsure it is (its standard deviation), both fitted to the trials so far.',
    'An acquisition function turns that belief into the next trial. Expected improvement weighs a low predicted loss (exploitation) against high uncertainty (exploration); a larger xi leans towards exploring. Upper confidence bound does the same with kappa.',
    'The search tries learning rates from 0.0001 to 1, one trial at a time. Where on that axis will its last trial land?',
  ],
  preset: {
    ...split, dataset: 'moons', samples: 300, noise: 0.2, hiddenLayers: 1, units: 8, optimizer: 'sgd', epochs: 20, patience: 0,
    search: `learningRate:log:${bayesianRange.low}:${bayesianRange.high}`, strategy: 'bayesian', acquisition: 'ei', xi: 0.01, budget: 8, parallelTrials: 1, searchSeed: 5, schedule: 'none', tab: 'search',
  },
  smallPreset: { samples: 200, epochs: 10 },
  run: { kind: 'searches', strategies: ['bayesian'] },
  predictions: [
    {
      question: 'In which third of the learning-rate axis (log scale, 0.0001 to 1) will the last trial land?',
      choices: [
        { id: 'low', label: 'low: 0.0001 – 0.002' },
        { id: 'middle', label: 'middle: 0.002 – 0.05' },
        { id: 'high', label: 'high: 0.05 – 1' },
      ],
      reveal(guess, result) {
        const trials = result.runs.bayesian ?? [];
        const last = trials.at(-1);
        const rate = last?.params.learningRate;
        if (typeof rate !== 'number') return null;
        const earlier = trials.slice(0, -1).reduce((best, trial) => (finalValidationLoss(trial) < finalValidationLoss(best) ? trial : best), trials[0]);
        const bestRate = earlier.params.learningRate;
        return revealOf(
          guess,
          logThird(rate, bayesianRange.low, bayesianRange.high),
          `The last trial tried a learning rate of ${formatNumber(rate)}; the best before it was ${typeof bestRate === 'number' ? formatNumber(bestRate) : 'none'}. Close to the best is exploitation; far from every earlier trial is exploration.`,
        );
      },
    },
  ],
  references: ['J. Snoek, H. Larochelle and R. P. Adams, "Practical Bayesian Optimization of Machine Learning Algorithms", NeurIPS 2012.'],
  teacherNote: {
    question: 'After four trials, where would you try next, and why there? Then compare with where the search went.',
    misconception: 'That Bayesian optimisation always tries the point it thinks is best: it also spends trials where it is unsure.',
    pointAt: 'In the Search tab (Open in Search), the Gaussian process band: narrow near the trials, wide between them, and the next trial where low mean meets wide band.',
  },
};

const halving: Lesson = {
  id: 'halving',
  title: 'Early stopping and successive halving',
  steps: [
    'Most trials of a search are not worth finishing: a learning curve that is far behind after a few epochs rarely catches up.',
    'Successive halving trains every trial for a few epochs and lets only the best third go on to train three times longer, and so on, so the budget goes to trials that look promising (Jamieson and Talwalkar, 2016; Hyperband by Li et al., 2018, runs it at several starting sizes). The page runs its asynchronous form (ASHA, Li et al., 2020): a trial is compared with those that reached the same epoch before it.',
    'A random search of nine trials over the learning rate runs with successive halving. How many of its trials will be stopped early?',
  ],
  preset: {
    ...split, dataset: 'moons', samples: 300, noise: 0.2, hiddenLayers: 1, units: 8, optimizer: 'sgd', epochs: 27, patience: 0,
    search: 'learningRate:log:0.0001:1', strategy: 'random', budget: 9, parallelTrials: 9, searchSeed: 2, schedule: 'successiveHalving', tab: 'search',
  },
  smallPreset: { samples: 150, epochs: 9 },
  run: { kind: 'searches', strategies: ['random'] },
  predictions: [
    {
      question: 'How many of the nine trials will successive halving stop early?',
      choices: [
        { id: 'none', label: 'none: all train to the end' },
        { id: 'few', label: 'one or two' },
        { id: 'many', label: 'three or more' },
      ],
      reveal(guess, result) {
        const trials = result.runs.random ?? [];
        if (trials.length === 0) return null;
        const maxEpochs = maxOf(trials.map((trial) => trial.epochs.length));
        const { answer, stopped, epochShare } = stoppedEarly(trials, maxEpochs);
        const epochs = trials.reduce((sum, trial) => sum + trial.epochs.length, 0);
        return revealOf(
          guess,
          answer,
          `${stopped} of ${trials.length} trials were stopped early; the search spent ${epochs} epochs, ${Math.round(epochShare * 100)}% of what training every trial fully would cost.`,
        );
      },
    },
  ],
  references: ['K. Jamieson and A. Talwalkar, "Non-stochastic Best Arm Identification and Hyperparameter Optimization", AISTATS 2016.', 'L. Li et al., "Hyperband", JMLR 18 (2018).'],
  teacherNote: {
    question: 'Could a trial that is behind after three epochs have won in the end? How would you know?',
    misconception: 'That pruning only throws away bad trials: it bets that early ranking predicts final ranking, and slow starters (small learning rates) lose that bet.',
    pointAt: 'The epochs spent against the full cost in the reveal, and (Open in Search) the curves cut short at the rungs.',
  },
};

const testSet: Lesson = {
  id: 'test-set',
  title: "Don't tune on the test set",
  steps: [
    'A search picks the trial with the lowest validation loss. With many trials, the winner is partly lucky: it fits the quirks of those particular validation points.',
    'So its validation loss is an optimistic estimate. The test split, which the search never saw, gives an honest one — but only if you look at it once, after choosing. Tune on the test set and it becomes another validation set, just as optimistic.',
    'A random search tries 30 networks that are all about equally good, each scored on only about 32 validation points; then the page scores the chosen trial once on about 170 test points it never saw. Will its test loss be higher, about the same, or lower than its validation loss?',
  ],
  preset: {
    dataset: 'moons', samples: 400, noise: 0.3, trainFraction: 0.5, validationFraction: 0.08, testFraction: 0.42, hiddenLayers: 1, units: 8, optimizer: 'adam', epochs: 10, patience: 0,
    search: 'learningRate:log:0.01:0.1,units:int:4:16', strategy: 'random', budget: 30, parallelTrials: 30, searchSeed: 4, schedule: 'none', tab: 'search',
  },
  smallPreset: {},
  run: { kind: 'searches', strategies: ['random'], testBest: true },
  predictions: [
    {
      question: "Compared with its validation loss, the chosen trial's test loss will be…",
      choices: [
        { id: 'higher', label: 'higher' },
        { id: 'same', label: 'about the same (within 5%)' },
        { id: 'lower', label: 'lower' },
      ],
      reveal(guess, result) {
        if (!result.test) return null;
        const answer = testAgainstValidation(result.test);
        return revealOf(
          guess,
          answer,
          `Validation loss ${formatNumber(result.test.validationLoss)}, test loss ${formatNumber(result.test.testLoss)}. Usually the winner of many trials looks better on validation than it is; with few points, chance can go either way.`,
        );
      },
    },
  ],
  teacherNote: {
    question: 'You picked the best of 30 trials by its validation loss. Why would its test loss be worse, if the test points come from the same data?',
    misconception: 'That the best validation score is an unbiased estimate: choosing the maximum of many noisy scores makes it optimistic.',
    pointAt: 'The two numbers in the reveal: the validation loss the search chose by, and the higher test loss of the same trial.',
  },
};

/** Every lesson, in teaching order. */
export const lessons: readonly Lesson[] = [
  parameters, curves, learningRate, batchSize, capacity, regularisation, baseline,
  gridVersusRandom, bayesian, evolution, halving, budget, crossValidation, testSet,
  treeDepth, manyWeakModels, lassoRidge, hypergradient,
];

/** The lesson named `id`, or undefined for an unknown id. */
export function lessonById(id: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.id === id);
}
