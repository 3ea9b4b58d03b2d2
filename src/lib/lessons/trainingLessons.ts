/**
 * Lessons on how one model trains, each a few hand-trained variants: the batch size (noise versus
 * steps, and its tie to the learning rate) and regularisation (L1, L2 and dropout against none).
 * Their claims are checked by `npm run check:lessons` (see courseClaims.ts).
 */
import type { Lesson } from './lessonTypes';
import { formatNumber, generalisationGap, mostOverfitRun, revealOf, type LessonRunResult, type LessonTrial } from './revealRules';
import { finalValidationLoss } from './revealRules';
import { nearZeroShare, runKernelNorm, secondsPerEpoch } from './weightMeasures';

const finalLoss = (trials: readonly LessonTrial[] | undefined) => (trials?.[0] ? finalValidationLoss(trials[0]) : Infinity);

/** The variant (by id) that ends with the highest validation loss; null before a run. */
export function worstRun(result: LessonRunResult): string | null {
  let worst: string | null = null;
  let highest = -Infinity;
  for (const [name, trials] of Object.entries(result.runs)) {
    const loss = finalLoss(trials);
    if (loss > highest) [worst, highest] = [name, loss];
  }
  return worst;
}

/** The variant (by id) whose single trial took the most seconds per epoch; null before a run or without durations. */
export function slowestRun(result: LessonRunResult): string | null {
  let slowest: string | null = null;
  let most = -Infinity;
  for (const [name, trials] of Object.entries(result.runs)) {
    const seconds = secondsPerEpoch(trials);
    if (Number.isFinite(seconds) && seconds > most) [slowest, most] = [name, seconds];
  }
  return slowest;
}

/** The variant (by id) with the largest share of kernel weights under `threshold` in size; null before a run or without weights. */
export function sparsestRun(result: LessonRunResult, threshold = nearZero): string | null {
  let sparsest: string | null = null;
  let most = -Infinity;
  for (const [name, trials] of Object.entries(result.runs)) {
    const share = nearZeroShare(trials[0]?.weights, threshold);
    if (Number.isFinite(share) && share > most) [sparsest, most] = [name, share];
  }
  return sparsest;
}

/** Below this size a weight counts as switched off in the regularisation lesson. */
export const nearZero = 0.01;

const percent = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'not measured');

/** The lesson on the batch size. */
export const batchSize: Lesson = {
  id: 'batch-size',
  title: 'Batch size: noise versus steps',
  steps: [
    'Each weight update averages the gradient over a batch of training points. A small batch gives a noisy estimate but many updates per epoch; a large batch gives a smooth estimate but few updates, each of which costs more.',
    'So an epoch is not a fixed amount of learning: with 120 training points, a batch of 8 makes 15 updates per epoch, a batch of 120 makes one. A common rule of thumb (Goyal et al., 2017) scales the learning rate with the batch size to make up for the fewer steps.',
    'Three runs of the same network for the same 30 epochs: batch 120 at learning rate 0.1, batch 120 at 1.5 (15 times larger), and batch 8 at 0.1. Which ends with the highest validation loss, and which takes the longest per epoch?',
  ],
  preset: { trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 200, noise: 0.2, hiddenLayers: 1, units: 16, optimizer: 'sgd', epochs: 30, patience: 0, l1: 0, l2: 0, dropout: 0, tab: 'train' },
  smallPreset: {},
  run: {
    kind: 'models',
    // Batch 8 trains last: the first run of a page pays the backend's warm-up, which would flatter the timing claim.
    variants: [
      { id: 'large', label: 'batch 120, learning rate 0.1', settings: { batchSize: 120, learningRate: 0.1 } },
      { id: 'large-scaled', label: 'batch 120, learning rate 1.5', settings: { batchSize: 120, learningRate: 1.5 } },
      { id: 'small', label: 'batch 8, learning rate 0.1', settings: { batchSize: 8, learningRate: 0.1 } },
    ],
  },
  predictions: [
    {
      question: 'After 30 epochs, which run has the highest validation loss?',
      choices: [
        { id: 'small', label: 'batch 8 (many noisy steps)' },
        { id: 'large', label: 'batch 120 at the same learning rate' },
        { id: 'large-scaled', label: 'batch 120 with the learning rate scaled up' },
      ],
      reveal(guess, result) {
        const answer = worstRun(result);
        if (answer === null) return null;
        const rows = ['small', 'large', 'large-scaled'].map((id) => `${id} ${formatNumber(finalLoss(result.runs[id]))}`);
        return revealOf(guess, answer, `Final validation losses: ${rows.join(', ')}. Same epochs, but batch 120 took 15 times fewer steps: at the same learning rate it had not got as far.`);
      },
    },
    {
      question: 'Which run takes the most seconds per epoch on this computer?',
      choices: [
        { id: 'small', label: 'batch 8 (15 small updates per epoch)' },
        { id: 'large', label: 'batch 120 at rate 0.1 (one big update)' },
        { id: 'large-scaled', label: 'batch 120 at rate 1.5 (one big update)' },
      ],
      reveal(guess, result) {
        const answer = slowestRun(result);
        if (answer === null) return null;
        const rows = ['small', 'large', 'large-scaled'].map((id) => `${id} ${formatNumber(secondsPerEpoch(result.runs[id]))} s`);
        return revealOf(guess, answer, `Wall-clock seconds per epoch, measured here: ${rows.join(', ')}. Every update has a fixed cost, so one big batch gets through an epoch sooner than 15 small ones — though at the same learning rate it learns less per epoch.`);
      },
    },
  ],
  references: ['P. Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour", arXiv:1706.02677 (2017).', 'S. L. Smith and Q. V. Le, "A Bayesian Perspective on Generalization and Stochastic Gradient Descent", ICLR 2018.'],
  teacherNote: {
    question: 'Is an epoch a unit of learning, or a unit of time? How many weight updates does each run make in 30 epochs, and how long does each epoch take?',
    misconception: 'That a bigger batch is simply "better data per step" and so trains better: at a fixed learning rate and epoch count it takes far fewer steps — it is faster per epoch, not better per epoch.',
    pointAt: 'The seconds per epoch in each curve\'s title (batch 8 the slowest), then the batch-120 curve at rate 0.1 still high and falling slowly, next to the scaled one that caught up with batch 8.',
  },
};

/** Whether every regularised variant ends with a narrower validation–training gap than the unregularised one. */
export function regularisationNarrowsGap(result: LessonRunResult): boolean {
  const none = result.runs.none?.[0];
  if (!none) return false;
  const gap = generalisationGap(none);
  return ['l1', 'l2', 'dropout'].every((id) => {
    const trial = result.runs[id]?.[0];
    return trial !== undefined && generalisationGap(trial) < gap;
  });
}

/** Whether L1 and L2 each end with a smaller weight norm than no regularisation, and L1 leaves the most weights near zero. */
export function penaltiesShrinkWeights(result: LessonRunResult): boolean {
  const none = runKernelNorm(result.runs.none);
  const shrunk = ['l1', 'l2'].every((id) => runKernelNorm(result.runs[id]) < none);
  return Number.isFinite(none) && shrunk && sparsestRun(result) === 'l1';
}

/** The lesson on L1, L2 and dropout. */
export const regularisation: Lesson = {
  id: 'regularisation',
  title: 'Regularisation: L1, L2 and dropout',
  steps: [
    'A big network on few noisy points memorises them: its training loss falls far below its validation loss. Regularisation makes memorising harder.',
    'L2 (weight decay) adds the sum of squared weights to the loss, so every weight shrinks a little each step and the boundary gets smoother. L1 adds the sum of absolute weights, which pushes small weights to exactly zero: a sparser network (Tibshirani, 1996). Dropout switches off a random share of hidden units at every step, so no unit can rely on another (Srivastava et al., 2014); at test time all units are on.',
    'A network of three layers of 32 units trains on 48 noisy spiral points four times: with no regularisation, with L1, with L2, and with dropout 0.5. Which run ends with the widest gap between validation and training loss? And which ends with the most weights switched off (under 0.01 in size)?',
    'After the run, each run shows the regions its network ended with under its curves, and the strip below shows every weight from the two inputs into the first layer, one dot each, with the size of all the weights (their norm) and the share near zero.',
  ],
  preset: { trainFraction: 0.4, validationFraction: 0.4, testFraction: 0.2, dataset: 'spiral', samples: 120, noise: 0.3, hiddenLayers: 3, units: 32, optimizer: 'adam', learningRate: 0.01, batchSize: 16, epochs: 60, patience: 0, l1: 0, l2: 0, dropout: 0, tab: 'train' },
  smallPreset: {},
  run: {
    kind: 'models',
    weights: true,
    variants: [
      { id: 'none', label: 'no regularisation', settings: {} },
      { id: 'l1', label: 'L1 0.001', settings: { l1: 0.001 } },
      { id: 'l2', label: 'L2 0.003', settings: { l2: 0.003 } },
      { id: 'dropout', label: 'dropout 0.5', settings: { dropout: 0.5 } },
    ],
  },
  predictions: [
    {
      question: 'Which run ends with the widest gap between validation and training loss (the most overfitting)?',
      choices: [
        { id: 'none', label: 'no regularisation' },
        { id: 'l1', label: 'L1' },
        { id: 'l2', label: 'L2' },
        { id: 'dropout', label: 'dropout' },
      ],
      reveal(guess, result) {
        const answer = mostOverfitRun(result);
        if (answer === null) return null;
        const gaps = ['none', 'l1', 'l2', 'dropout'].map((id) => {
          const trial = result.runs[id]?.[0];
          return `${id} ${trial ? formatNumber(generalisationGap(trial)) : 'not run'}`;
        });
        return revealOf(guess, answer, `Validation minus training loss at the last epoch: ${gaps.join(', ')}. Each penalty trades a little training fit for a smaller gap.`);
      },
    },
    {
      question: 'Which run ends with the largest share of its weights switched off (under 0.01 in size)?',
      choices: [
        { id: 'none', label: 'no regularisation' },
        { id: 'l1', label: 'L1' },
        { id: 'l2', label: 'L2' },
        { id: 'dropout', label: 'dropout' },
      ],
      reveal(guess, result) {
        const answer = sparsestRun(result);
        if (answer === null) return null;
        const rows = ['none', 'l1', 'l2', 'dropout'].map((id) => `${id} ${percent(nearZeroShare(result.runs[id]?.[0]?.weights, nearZero))} (norm ${formatNumber(runKernelNorm(result.runs[id]))})`);
        return revealOf(guess, answer, `Share of weights under ${nearZero} in size, and the size of all the weights: ${rows.join(', ')}. L2 pulls every weight towards zero, the big ones hardest; L1 pulls all of them by the same amount, so small ones end at zero; dropout puts no penalty on the weights — it makes units unreliable instead, so it switches almost none off.`);
      },
    },
  ],
  references: ['R. Tibshirani, "Regression Shrinkage and Selection via the Lasso", J. R. Stat. Soc. B 58 (1996) 267–288.', 'N. Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from Overfitting", JMLR 15 (2014) 1929–1958.'],
  teacherNote: {
    question: 'Regularisation makes the training loss worse. Why would anyone want that?',
    misconception: 'That regularisation improves the fit: it worsens the fit to the training points on purpose, to shrink the gap to new points.',
    pointAt: "The unregularised run's two curves pulling apart, against the regularised runs' staying closer together; then the weight strips: wide without a penalty, squeezed to zero by L1, narrower with L2.",
  },
};
