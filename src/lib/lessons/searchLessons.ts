/**
 * Lessons on running a search well: evolutionary search (a population that mutates and is
 * selected), the baseline and the experiment log (beat "ignore the inputs", keep every trial),
 * and the budget (trial-epochs, early stopping, when to stop). Claims: courseClaims.ts.
 */
import type { Lesson } from './lessonTypes';
import { bestOfFirst, directionOf, gainAfter, gainWithin, laterGain, medianOfTrials, notBeatingBaseline, searchCost } from './lessonMeasures';
import { formatNumber, revealOf } from './revealRules';

/** Trials in the evolutionary search's first (random) generation: the strategy's default population. */
export const generation = 10;

/** The lesson on evolutionary search. */
export const evolution: Lesson = {
  id: 'evolution',
  title: 'Evolutionary search',
  steps: [
    'An evolutionary search (a genetic algorithm; Goldberg, 1989) starts with a random generation of trials. After that, each new trial is a child: two good trials are picked by a tournament, their settings are mixed, and a small random mutation is added. Bad trials are rarely picked as parents, so the population drifts towards good settings.',
    'Bayesian optimisation fits a model of the loss over the whole space and asks it where to look next. Evolution keeps no such model: it only needs to rank trials, so it copes with odd spaces and many parallel trials, but it learns less from each trial.',
    `The search tunes the learning rate (0.0001 to 1) and the units (2 to 32) with 30 trials, ten at a time: the first ${generation} random, the next twenty children. Compared with the random first generation, how good will the last ten trials be, in the median?`,
  ],
  preset: {
    trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 200, noise: 0.2, hiddenLayers: 1, units: 8, optimizer: 'sgd', epochs: 15, patience: 0,
    search: 'learningRate:log:0.0001:1,units:int:2:32', strategy: 'evolution', budget: 30, parallelTrials: 10, searchSeed: 6, schedule: 'none', tab: 'search',
  },
  smallPreset: { epochs: 10 },
  run: { kind: 'searches', strategies: ['evolution'] },
  predictions: [
    {
      question: 'The median validation loss of the last ten trials, against the first (random) generation\'s, will be…',
      choices: [
        { id: 'worse', label: 'more than 10% higher (worse)' },
        { id: 'same', label: 'about the same (within 10%)' },
        { id: 'better', label: 'more than 10% lower (better)' },
      ],
      reveal(guess, result) {
        const trials = result.runs.evolution ?? [];
        if (trials.length < 2 * generation) return null;
        const gain = laterGain(trials, generation);
        if (!Number.isFinite(gain)) return null;
        return revealOf(
          guess,
          directionOf(gain, 0.1),
          `Median validation loss of trials 1–${generation}: ${formatNumber(medianOfTrials(trials, 1, generation))}; of the last ${generation}: ` +
            `${formatNumber(medianOfTrials(trials, trials.length - generation + 1, trials.length))} (${Math.round(gain * 100)}% lower). Selection moves the whole population, not just the best trial.`,
        );
      },
    },
  ],
  references: ['D. E. Goldberg, "Genetic Algorithms in Search, Optimization and Machine Learning", Addison-Wesley 1989.', 'M. Jaderberg et al., "Population Based Training of Neural Networks", arXiv:1711.09846 (2017).'],
  teacherNote: {
    question: 'Where in the plot of trials over time do you expect the dots to crowd together, and why there?',
    misconception: 'That evolution is "random search with extra steps": selection makes later trials depend on earlier results, so the population narrows onto good settings.',
    pointAt: 'In the Search tab (Open in Search), the search history: the first ten dots scattered over the range, the later ones clustered at the good learning rates.',
  },
};

/** The lesson on the baseline and the experiment log. */
export const baseline: Lesson = {
  id: 'baseline',
  title: 'Baseline first, and keep every trial',
  steps: [
    'Before tuning anything, know the score of a model that ignores its inputs: it always predicts how common each class is. Its loss is the baseline. A trial that does not beat it clearly has learned nothing, however good its number looks.',
    'Keep a log of every trial, the failures too: their settings, their curves and their scores. The Search tab keeps them all; "Open in Search" below loads this lesson\'s search there, where the study can be exported as a file.',
    'A grid search tries 0, 1 and 2 hidden layers, each at learning rates 0.003, 0.1 and 3 (Adam), on the two rings of the circles data. How many of its nine trials will fail to beat the baseline by at least 10%?',
  ],
  preset: {
    trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'circles', samples: 200, noise: 0.1, hiddenLayers: 1, units: 16, optimizer: 'adam', epochs: 25, patience: 0, l1: 0, l2: 0, dropout: 0,
    search: 'hiddenLayers:int:0:2,learningRate:log:0.003:3', strategy: 'grid', budget: 9, parallelTrials: 9, searchSeed: 1, schedule: 'none', tab: 'search',
  },
  smallPreset: {},
  run: { kind: 'searches', strategies: ['grid'] },
  predictions: [
    {
      question: 'How many of the nine trials will fail to beat the "ignore the inputs" loss by at least 10%?',
      choices: [
        { id: 'none', label: 'none' },
        { id: 'few', label: 'one or two' },
        { id: 'many', label: 'three or more' },
      ],
      reveal(guess, result) {
        const trials = result.runs.grid ?? [];
        if (trials.length === 0 || result.baselineLoss === undefined) return null;
        const failing = notBeatingBaseline(trials, result.baselineLoss);
        const answer = failing.length === 0 ? 'none' : failing.length < 3 ? 'few' : 'many';
        const which = failing.map((trial) => `${trial.params.hiddenLayers} layers at ${formatNumber(Number(trial.params.learningRate))}`).join(', ');
        return revealOf(
          guess,
          answer,
          `The baseline loss is ${formatNumber(result.baselineLoss)}. ${failing.length} of ${trials.length} trials ended above ${formatNumber(0.9 * result.baselineLoss)}${which ? `: ${which}` : ''}. ` +
            'A straight boundary cannot separate two rings, and a step size too large or too small learns nothing either.',
        );
      },
    },
  ],
  teacherNote: {
    question: 'A trial scores a loss of 0.68. Is that good? What do you need to know first?',
    misconception: 'That a loss has a meaning on its own: 0.68 is excellent on a hard problem and worthless on two balanced classes, where guessing scores 0.69.',
    pointAt: 'The baseline figure in the reveal, then (Open in Search) the trial table with the failed trials kept, and the export button.',
  },
};

/** Trials whose best counts as "early" in the budget lesson. */
export const earlyTrials = 10;

/** 'nothing' when later trials did not lower the best at all, 'less' when they lowered it less than the first trials got below their median, else 'more'. */
export function budgetAnswer(firstGain: number, laterGain: number): 'more' | 'less' | 'nothing' {
  return laterGain <= 0 ? 'nothing' : laterGain < firstGain ? 'less' : 'more';
}

/** The lesson on the budget: what a search costs, what early stopping saves, when more trials stop paying. */
export const budget: Lesson = {
  id: 'budget',
  title: 'The budget: when to stop searching',
  steps: [
    'A search costs trial-epochs: every epoch of every trial. Seconds follow from them (and from the hardware). Early stopping saves epochs inside a trial: with a patience of 3, a trial stops once its validation loss has not improved for 3 epochs.',
    'Each new trial has a smaller chance of beating the best so far: the best-so-far curve flattens. When it has been flat for a while, more trials buy little; a new idea (another hyperparameter, more data) usually buys more.',
    `A random search of 20 trials tunes the learning rate (0.001 to 1) with early stopping. The best of the first ${earlyTrials} trials lies some way below their median: that is what those ${earlyTrials} trials bought. What will the next ${earlyTrials} buy?`,
  ],
  preset: {
    trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 200, noise: 0.2, hiddenLayers: 1, units: 16, optimizer: 'adam', epochs: 40, patience: 3, l1: 0, l2: 0, dropout: 0,
    search: 'learningRate:log:0.001:1', strategy: 'random', budget: 20, parallelTrials: 20, searchSeed: 8, schedule: 'none', tab: 'search',
  },
  smallPreset: { epochs: 30 },
  run: { kind: 'searches', strategies: ['random'] },
  predictions: [
    {
      question: `Trials ${earlyTrials + 1}–20 lower the best validation loss, compared with how far the first ${earlyTrials} got below their median, by…`,
      choices: [
        { id: 'more', label: 'more: the search speeds up' },
        { id: 'less', label: 'less: the returns shrink' },
        { id: 'nothing', label: 'nothing at all' },
      ],
      reveal(guess, result) {
        const trials = result.runs.random ?? [];
        if (trials.length <= earlyTrials) return null;
        const gain = gainAfter(trials, earlyTrials);
        const first = gainWithin(trials, earlyTrials);
        if (!Number.isFinite(gain) || !Number.isFinite(first)) return null;
        const cost = searchCost(trials, result.plannedEpochs ?? 0);
        const seconds = Number.isFinite(cost.seconds) ? ` (its trials trained ${formatNumber(cost.seconds)} s in all, several side by side)` : '';
        return revealOf(
          guess,
          budgetAnswer(first, gain),
          `The first ${earlyTrials} trials: median ${formatNumber(medianOfTrials(trials, 1, earlyTrials))}, best ${formatNumber(bestOfFirst(trials, earlyTrials))} (${Math.round(first * 100)}% below the median). ` +
            `Best of all ${trials.length}: ${formatNumber(bestOfFirst(trials, trials.length))}, ${Math.round(gain * 100)}% below the best of the first ${earlyTrials}. ` +
            `The search cost ${cost.epochs} trial-epochs${seconds}; without early stopping it would have cost ${cost.planned}.`,
        );
      },
    },
  ],
  references: ['J. Bergstra and Y. Bengio, "Random Search for Hyper-Parameter Optimization", JMLR 13 (2012) 281–305.', 'L. Prechelt, "Early Stopping — But When?", in Neural Networks: Tricks of the Trade, Springer 1998.'],
  teacherNote: {
    question: 'If you had the budget for 20 more trials, would you spend it on this search? What else could you spend it on?',
    misconception: 'That more trials always pay: the best-so-far curve flattens quickly, and its last improvements are often within the noise of a single split.',
    pointAt: 'The cost figures in the reveal (trial-epochs spent against planned), then in the Search tab the best-so-far line going flat.',
  },
};
