/**
 * The cross-validation lesson: the same model on differently drawn validation splits scores
 * differently, and k-fold reports a mean with its spread instead of one lucky or unlucky number.
 * Claim: courseClaims.ts.
 */
import type { Lesson } from './lessonTypes';
import { lossesOf, meanAndSpread, sizeOf, splitRange } from './lessonMeasures';
import { formatNumber, revealOf } from './revealRules';

/** Single splits drawn, and folds of the k-fold deal. */
export const splitRepeats = 5;
export const foldCount = 5;

/** The lesson. */
export const crossValidation: Lesson = {
  id: 'cross-validation',
  title: 'Cross-validation: one split is one draw',
  steps: [
    'A validation score depends on which points happened to land in the validation split. With few points, another draw of the split can give a quite different number, for the very same model and settings.',
    `k-fold cross-validation deals the points into k parts, trains k times, each time scoring on a different part, and reports the mean and the spread of the k scores. Every point is scored once, and the spread says how far to trust the mean (Kohavi, 1995).`,
    `The same network (same settings, same training seed) trains on ${splitRepeats} differently drawn splits of 150 noisy moons points, each scoring on a fifth of them, then on the ${foldCount} folds of one deal. How much higher will the worst single split's validation loss be than the best's?`,
  ],
  preset: { trainFraction: 0.8, validationFraction: 0.2, testFraction: 0, dataset: 'moons', samples: 150, noise: 0.3, hiddenLayers: 1, units: 8, optimizer: 'adam', learningRate: 0.03, batchSize: 32, epochs: 30, patience: 0, l1: 0, l2: 0, dropout: 0, folds: 0, tab: 'train' },
  smallPreset: { epochs: 20 },
  run: { kind: 'splits', repeats: splitRepeats, folds: foldCount },
  predictions: [
    {
      question: 'The worst single split\'s validation loss, against the best single split\'s, will be…',
      choices: [
        { id: 'small', label: 'within 10%' },
        { id: 'medium', label: '10% to 30% higher' },
        { id: 'large', label: 'more than 30% higher' },
      ],
      reveal(guess, result) {
        const singles = lossesOf(result, 'split-');
        const folds = lossesOf(result, 'fold-');
        const range = splitRange(singles);
        if (!Number.isFinite(range) || folds.length === 0) return null;
        const { mean, spread } = meanAndSpread(folds);
        return revealOf(
          guess,
          sizeOf(range, 0.1, 0.3),
          `Single splits scored ${singles.map(formatNumber).join(', ')}: the worst ${Math.round(range * 100)}% above the best. ` +
            `The ${folds.length} folds: ${formatNumber(mean)} ± ${formatNumber(spread)} (mean ± standard deviation). Report that, not one split's number.`,
        );
      },
    },
  ],
  references: ['R. Kohavi, "A Study of Cross-Validation and Bootstrap for Accuracy Estimation and Model Selection", IJCAI 1995.'],
  teacherNote: {
    question: 'Two students tune the same model and report validation losses of 0.25 and 0.32. Is one model better?',
    misconception: 'That a validation score is a property of the model alone: it is also a property of the split, and with a few dozen points the split matters a lot.',
    pointAt: 'The dots of the single splits spread along the axis, against the box of the folds and their mean ± spread under the label.',
  },
};
