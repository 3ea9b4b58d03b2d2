/**
 * Lessons on one model's hyperparameters, each trained by hand in a few variants: the learning
 * rate against the optimiser, and capacity (bias versus variance). Their claims are checked by
 * `npm run check:lessons` (see lessonClaims.ts).
 */
import type { Lesson } from './lessonTypes';
import { formatNumber, generalisationGap, revealOf, type LessonRunResult, type LessonTrial } from './revealRules';

const lastTrainLoss = (trials: readonly LessonTrial[] | undefined): number => {
  const last = trials?.[0]?.epochs.at(-1);
  return !last || trials?.[0]?.state === 'diverged' || !Number.isFinite(last.trainLoss) ? Infinity : last.trainLoss;
};
const lastValidationLoss = (trials: readonly LessonTrial[] | undefined): number => {
  const last = trials?.[0]?.epochs.at(-1);
  return !last || trials?.[0]?.state === 'diverged' || !Number.isFinite(last.validationLoss) ? Infinity : last.validationLoss;
};

/** Which rate suits which optimiser: 'sgd-large' (SGD the large, Adam the small), 'adam-large', or 'same' (one rate wins for both); null before a run. */
export function sweetSpots(result: LessonRunResult): 'sgd-large' | 'adam-large' | 'same' | null {
  const runs = result.runs;
  if (!runs['sgd-small'] || !runs['sgd-large'] || !runs['adam-small'] || !runs['adam-large']) return null;
  const sgdLarge = lastValidationLoss(runs['sgd-large']) < lastValidationLoss(runs['sgd-small']);
  const adamLarge = lastValidationLoss(runs['adam-large']) < lastValidationLoss(runs['adam-small']);
  return sgdLarge === adamLarge ? 'same' : sgdLarge ? 'sgd-large' : 'adam-large';
}

/** The lesson on the learning rate: its sweet spot depends on the optimiser. */
export const learningRate: Lesson = {
  id: 'learning-rate',
  title: 'The learning rate and the optimiser',
  steps: [
    'The learning rate scales every step. Too small and the loss crawls down; too large and steps overshoot, the loss bounces, stalls at the "ignore the inputs" level or explodes.',
    'The right size depends on the optimiser. Plain SGD steps by the gradient itself, which is small here; Adam divides each step by the recent size of the gradient, so its steps are about the learning rate, whatever the gradient.',
    'Four networks train on the moons: SGD and Adam, each at a learning rate of 0.01 and of 1. Which rate suits which optimiser?',
  ],
  preset: { trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 300, noise: 0.2, hiddenLayers: 2, units: 16, batchSize: 32, epochs: 30, patience: 0, l1: 0, l2: 0, dropout: 0, tab: 'train' },
  smallPreset: { samples: 200 },
  run: {
    kind: 'models',
    variants: [
      { id: 'sgd-small', label: 'SGD, learning rate 0.01', settings: { optimizer: 'sgd', learningRate: 0.01 } },
      { id: 'sgd-large', label: 'SGD, learning rate 1', settings: { optimizer: 'sgd', learningRate: 1 } },
      { id: 'adam-small', label: 'Adam, learning rate 0.01', settings: { optimizer: 'adam', learningRate: 0.01 } },
      { id: 'adam-large', label: 'Adam, learning rate 1', settings: { optimizer: 'adam', learningRate: 1 } },
    ],
  },
  predictions: [
    {
      question: 'Which learning rate ends with the lower validation loss for each optimiser?',
      choices: [
        { id: 'same', label: 'the same rate is best for both' },
        { id: 'sgd-large', label: 'SGD does best with 1, Adam with 0.01' },
        { id: 'adam-large', label: 'Adam does best with 1, SGD with 0.01' },
      ],
      reveal(guess, result) {
        const answer = sweetSpots(result);
        if (answer === null) return null;
        const losses = ['sgd-small', 'sgd-large', 'adam-small', 'adam-large'].map((id) => `${id} ${formatNumber(lastValidationLoss(result.runs[id]))}`);
        return revealOf(guess, answer, `Final validation losses: ${losses.join(', ')}. A learning rate is only large or small for a given optimiser.`);
      },
    },
  ],
  references: ['D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015.'],
  teacherNote: {
    question: 'Before the run: is 1 a large learning rate? Ask for a show of hands, then ask "large for which optimiser?"',
    misconception: 'That a learning rate has a good value in itself (0.001, say) that carries from one optimiser, model or dataset to another.',
    pointAt: "Adam at 1: its loss sits flat at the start level — the diagnosis calls it stuck and says to lower the rate — while SGD at 1 is the fastest of the four.",
  },
};

/** The answer to the capacity question: how the validation–training gap changed from the linear model to the largest one. */
export function gapTrend(result: LessonRunResult, tolerance = 0.02): 'shrinks' | 'stays' | 'grows' | null {
  const linear = result.runs.linear?.[0];
  const large = result.runs.large?.[0];
  if (!linear || !large) return null;
  const change = generalisationGap(large) - generalisationGap(linear);
  return Math.abs(change) <= tolerance ? 'stays' : change > 0 ? 'grows' : 'shrinks';
}

/** Whether the largest network ends with the lowest training loss of the three. */
export function largestFitsTrainingBest(result: LessonRunResult): boolean {
  const [linear, small, large] = ['linear', 'small', 'large'].map((id) => lastTrainLoss(result.runs[id]));
  return large < linear && large < small;
}

/** The lesson on capacity: more units and layers fit the training points better and widen the gap. */
export const capacity: Lesson = {
  id: 'capacity',
  title: 'Capacity: bias versus variance',
  steps: [
    'Capacity is how complicated a function a model can draw: no hidden layer draws a straight line, more layers and units draw ever more twisted boundaries.',
    'Too little capacity is bias: the model cannot follow the data, and training and validation loss stay high together (underfitting). Too much is variance: the model follows the noise of its few training points, training loss falls far below validation loss (overfitting).',
    'Three models train on 200 noisy spiral points: no hidden layer, one layer of 16 units, and three layers of 64. As capacity grows, what happens to the gap between validation and training loss?',
  ],
  preset: { trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'spiral', samples: 200, noise: 0.25, optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 100, patience: 0, l1: 0, l2: 0, dropout: 0, tab: 'train' },
  smallPreset: { epochs: 60 },
  run: {
    kind: 'models',
    variants: [
      { id: 'linear', label: 'no hidden layer', settings: { hiddenLayers: 0 } },
      { id: 'small', label: '1 layer × 16 units', settings: { hiddenLayers: 1, units: 16 } },
      { id: 'large', label: '3 layers × 64 units', settings: { hiddenLayers: 3, units: 64 } },
    ],
  },
  predictions: [
    {
      question: 'From no hidden layer to three layers of 64 units, the gap between validation and training loss…',
      choices: [
        { id: 'shrinks', label: 'shrinks' },
        { id: 'stays', label: 'stays about the same (within 0.02)' },
        { id: 'grows', label: 'grows' },
      ],
      reveal(guess, result) {
        const answer = gapTrend(result);
        if (answer === null) return null;
        const rows = ['linear', 'small', 'large'].map((id) => `${id}: train ${formatNumber(lastTrainLoss(result.runs[id]))}, validation ${formatNumber(lastValidationLoss(result.runs[id]))}`);
        return revealOf(guess, answer, `Last epoch — ${rows.join('; ')}. More capacity lowers the training loss; whether validation follows depends on how much noise there is to memorise.`);
      },
    },
  ],
  references: ['S. Geman, E. Bienenstock and R. Doursat, "Neural Networks and the Bias/Variance Dilemma", Neural Computation 4 (1992) 1–58.'],
  teacherNote: {
    question: 'Which model would you deploy, and what would you change about the other two?',
    misconception: 'That a lower training loss means a better model: the largest network wins on the training points and loses on new ones.',
    pointAt: "The two curves of the large network pulling apart, against the linear model's two curves lying together high up.",
  },
};
