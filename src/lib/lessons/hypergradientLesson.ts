/**
 * The lesson on gradient-based tuning: hypergradient descent (Adam-HD) started from a learning
 * rate far too small, against a search over four fixed learning rates that trains four times the
 * epochs. Its claim is checked by `npm run check:lessons -- --lesson hypergradient` (lessonClaims.ts).
 */
import type { Lesson } from './lessonTypes';
import { finalValidationLoss, formatNumber, revealOf, type LessonRunResult } from './revealRules';

/** The fixed learning rates of the search, by run id. */
export const searchedRates = { 'rate-0.001': 0.001, 'rate-0.01': 0.01, 'rate-0.1': 0.1, 'rate-1': 1 } as const;
/** Where hypergradient descent starts (the search's smallest rate). */
const startRate = 0.001;
/** How close "close" is, in validation loss (nats): the margin the claim is checked at. */
export const closeMargin = 0.06;

/** The searched run with the lowest final validation loss, with that loss; null before a run. */
export function bestSearched(result: LessonRunResult): { id: string; rate: number; loss: number } | null {
  let best: { id: string; rate: number; loss: number } | null = null;
  for (const [id, rate] of Object.entries(searchedRates)) {
    const trial = result.runs[id]?.[0];
    if (!trial) return null;
    const loss = finalValidationLoss(trial);
    if (!best || loss < best.loss) best = { id, rate, loss };
  }
  return best;
}

/** How hypergradient descent's final validation loss compares with the best searched one: 'better', 'close' (within closeMargin) or 'far'; null before a run. */
export function hypergradientVersusSearch(result: LessonRunResult): 'better' | 'close' | 'far' | null {
  const hd = result.runs.hd?.[0];
  const best = bestSearched(result);
  if (!hd || !best) return null;
  const loss = finalValidationLoss(hd);
  return loss <= best.loss ? 'better' : loss <= best.loss + closeMargin ? 'close' : 'far';
}

/** The learning rate hypergradient descent ended at (NaN when it recorded none). */
export function finalAdaptedRate(result: LessonRunResult): number {
  return result.runs.hd?.[0]?.epochs.at(-1)?.learningRate ?? NaN;
}

/** The lesson on hypergradient descent against a learning-rate search. */
export const hypergradient: Lesson = {
  id: 'hypergradient',
  title: 'Gradient-based tuning: hypergradient descent',
  steps: [
    'A search tunes the learning rate from the outside: train at one rate, look at the loss, try another. Gradient-based tuning tunes it from the inside, during one training run, by following the gradient of the loss with respect to the learning rate itself.',
    'Hypergradient descent (Baydin et al., 2018) needs only the last step: when this step\'s gradient points the same way as the last update, the last step was too short, so the learning rate grows; when they point opposite ways, it overshot, so the rate shrinks. Each step adds β × (gradient · last update) to the rate.',
    'Adam-HD starts at a learning rate of 0.001, where plain Adam barely moves in 40 epochs. A search trains plain Adam for 40 epochs at each of 0.001, 0.01, 0.1 and 1: four times the epochs. How will the one adaptive run compare with the best of the search?',
  ],
  preset: {
    trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 300, noise: 0.2,
    hiddenLayers: 1, units: 16, batchSize: 32, epochs: 40, patience: 0, l1: 0, l2: 0, dropout: 0, hypergradientRate: 0.001, tab: 'train',
  },
  smallPreset: {},
  run: {
    kind: 'models',
    variants: [
      { id: 'hd', label: 'Adam-HD from 0.001', settings: { optimizer: 'adam-hd', learningRate: startRate } },
      ...Object.entries(searchedRates).map(([id, rate]) => ({ id, label: `Adam at ${rate}`, settings: { optimizer: 'adam' as const, learningRate: rate } })),
    ],
  },
  predictions: [
    {
      question: 'After 40 epochs, Adam-HD from 0.001 ends…',
      choices: [
        { id: 'better', label: 'below the best searched rate' },
        { id: 'close', label: `close: within ${closeMargin} of the best searched rate's loss` },
        { id: 'far', label: 'far behind it, like plain Adam at 0.001' },
      ],
      reveal(guess, result) {
        const answer = hypergradientVersusSearch(result);
        const best = bestSearched(result);
        const hd = result.runs.hd?.[0];
        if (answer === null || !best || !hd) return null;
        const slow = result.runs['rate-0.001']?.[0];
        return revealOf(
          guess,
          answer,
          `Adam-HD ended at validation loss ${formatNumber(finalValidationLoss(hd))} with its learning rate grown from ${startRate} to ${formatNumber(finalAdaptedRate(result))}; `
            + `the search's best, Adam at ${best.rate}, ended at ${formatNumber(best.loss)} after the search spent 160 epochs, and Adam held at ${startRate} ended at ${slow ? formatNumber(finalValidationLoss(slow)) : 'not run'}. `
            + 'One run adapted its way to a good rate; it still has its own knob, β, and a different β or problem can need a different one.',
        );
      },
    },
  ],
  references: ['A. G. Baydin, R. Cornish, D. Martínez Rubio, M. Schmidt and F. Wood, "Online Learning Rate Adaptation with Hypergradient Descent", ICLR 2018.'],
  teacherNote: {
    question: 'The adaptive run used a quarter of the epochs. What did it not tell us that the search did?',
    misconception: 'That hypergradient descent removes tuning: it moves the choice from the learning rate to β, and says nothing about rates it never visited.',
    pointAt: 'The learning-rate chart under the curves: the rate climbing from 0.001 in the first epochs, then levelling off.',
  },
};
