/**
 * Learning-curve diagnosis: names what a trial's training and validation losses say
 * (underfit, overfit, good fit, diverged, not converged, unstable), in words a student
 * can act on. The rules are checked in the order of `diagnosisRules`; the first that
 * matches gives the label. Only losses are read: they move more finely than accuracy.
 *
 * "High" and "low" are judged against a baseline loss, the loss of a model that ignores
 * its inputs (see `baselineLoss` and `baselineMeanSquaredError`), because a loss of 0.4
 * is poor on a dataset whose baseline is 0.45 and good on one whose baseline is 2.3.
 */
import type { DiagnosisLabel, EpochRecord } from './trial';
import { minOf } from './extent';

/** Every threshold the rules use; the page's help shows them through `diagnosisRules`. */
export const diagnosisThresholds = {
  /** Fewer epochs than this show no trend: such a curve is "not converged" unless it diverged. */
  minimumEpochs: 3,
  /** A training loss above this multiple of its first-epoch value (and above the baseline) has exploded. */
  explosionFactor: 10,
  /** A training loss this many times the baseline has diverged even in its first epoch: no learning gets there. */
  baselineExplosionFactor: 100,
  /** First-epoch losses below this count as this much, so that a near-zero start makes no tiny loss "exploded". */
  explosionFloor: 1e-3,
  /** A training loss ending above this multiple of the baseline, and not falling, is worse than ignoring the inputs. */
  worseThanBaselineFactor: 2,
  /** A rise by more than this ratio from one epoch to the next, undone by a fall of the same ratio, is a spike. */
  spikeRatio: 1.25,
  /** Moves smaller than this fraction of the curve's first value are noise, never spikes or setbacks. */
  negligibleChange: 0.05,
  /** A curve oscillates when it has at least this many spikes… */
  minimumSpikes: 2,
  /** …and at least this fraction of its epoch-to-epoch steps are spikes. */
  minimumSpikeShare: 0.1,
  /** A training loss ending more than this fraction above its own best has been knocked back. */
  trainingSetback: 0.25,
  /** Validation loss ending more than this fraction above its minimum, with the gap widening as much, is overfit. */
  overfitRise: 0.1,
  /** The validation minimum must lie at least this many epochs before the last one. */
  overfitEpochsAfterBest: 2,
  /** Where a curve ends is read as the mean of this fraction of its last epochs (at least one). */
  endWindow: 0.2,
  /** Whether a curve still falls is read from a line fitted to this fraction of its last epochs (at least 3). */
  slopeWindow: 0.25,
  /** A curve still falls when that line drops over the window by more than this fraction of all progress so far… */
  stillFallingShareOfProgress: 0.1,
  /** …and by more than this fraction of the curve's level per epoch. */
  stillFallingPerEpoch: 0.005,
  /** A training loss ending at this fraction of the baseline or above has learned too little. */
  underfitFraction: 0.7,
} as const;

const limits = diagnosisThresholds;
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** The rules in the order they are checked (a label may appear twice), as sentences for the page's help. */
export const diagnosisRules: { label: DiagnosisLabel; rule: string }[] = [
  {
    label: 'diverged',
    rule:
      `a loss is NaN or infinite, or the training loss rises above ${limits.explosionFactor}× its first-epoch value ` +
      `(and above the baseline), or above ${limits.baselineExplosionFactor}× the baseline at any epoch.`,
  },
  { label: 'not converged', rule: `fewer than ${limits.minimumEpochs} epochs: too short to see a trend.` },
  {
    label: 'diverged',
    rule: `the training loss ends above ${limits.worseThanBaselineFactor}× the baseline and is not falling.`,
  },
  {
    label: 'unstable',
    rule:
      `a loss jumps up by more than ${percent(limits.spikeRatio - 1)} and straight back down at least ${limits.minimumSpikes} times ` +
      `(and in at least ${percent(limits.minimumSpikeShare)} of the epochs), or the training loss ends more than ` +
      `${percent(limits.trainingSetback)} above its best.`,
  },
  {
    label: 'overfit',
    rule:
      `validation loss reached its minimum at least ${limits.overfitEpochsAfterBest} epochs before the end, then ended more ` +
      `than ${percent(limits.overfitRise)} above it while the gap to the training loss widened by as much.`,
  },
  {
    label: 'not converged',
    rule:
      `training and validation losses were both still falling over the last ${percent(limits.slopeWindow)} of the epochs ` +
      `(by more than ${percent(limits.stillFallingShareOfProgress)} of their progress so far).`,
  },
  {
    label: 'underfit',
    rule:
      `the training loss ended at ${percent(limits.underfitFraction)} or more of the baseline loss, the loss of predicting ` +
      `the class frequencies (or the mean target); without a baseline, of its first-epoch value.`,
  },
  { label: 'good fit', rule: 'none of the above: both losses fell and levelled off together.' },
];

/** What a learning curve shows, and what to try next. */
export interface Diagnosis {
  /** The name of what the curve shows. */
  label: DiagnosisLabel;
  /** One or two sentences on what the curve shows, with its numbers. */
  explanation: string;
  /** What to try next. */
  suggestion: string;
  /** Epoch (from 1) with the lowest finite validation loss, or null if there is none. */
  bestEpoch: number | null;
}

/** Settings of `diagnose`. */
export interface DiagnoseOptions {
  /** Loss of a model that ignores its inputs on this data (`baselineLoss` or `baselineMeanSquaredError`). */
  baselineLoss?: number;
}

const suggestions: Record<DiagnosisLabel, string> = {
  diverged: 'Lower the learning rate (try ten times smaller), and check that the inputs are on similar scales.',
  unstable: 'Lower the learning rate or use a larger batch; too much momentum also makes the loss bounce.',
  overfit: 'Add L2 or dropout, get more data, use a smaller network, or stop earlier (early stopping with patience).',
  'not converged': 'Train for more epochs, or raise the learning rate a little.',
  underfit: 'Give the model more capacity (more units or layers), less regularisation, or a higher learning rate.',
  'good fit': 'Nothing to fix: compare it with other trials, or try a little more capacity to see if validation improves.',
};

/** Entropy of the class frequencies in nats: the cross-entropy of always predicting them (counts or fractions). */
export function baselineLoss(classFrequencies: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < classFrequencies.length; i++) {
    if (!(classFrequencies[i] >= 0)) throw new Error(`invalid class frequency: ${classFrequencies[i]}`);
    total += classFrequencies[i];
  }
  if (!(total > 0)) throw new Error('invalid class frequencies: they must add up to more than 0');
  let entropy = 0;
  for (let i = 0; i < classFrequencies.length; i++) {
    const share = classFrequencies[i] / total;
    if (share > 0) entropy -= share * Math.log(share);
  }
  return entropy;
}

/** Variance of the targets: the mean squared error of always predicting their mean. */
export function baselineMeanSquaredError(targets: ArrayLike<number>): number {
  if (targets.length === 0) throw new Error('invalid targets: there are none');
  let mean = 0;
  for (let i = 0; i < targets.length; i++) mean += targets[i];
  mean /= targets.length;
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += (targets[i] - mean) ** 2;
  return sum / targets.length;
}

/**
 * True when a trial should be stopped as diverged after an epoch: its loss is NaN or
 * infinite, above `explosionFactor` times the first epoch's loss and above the baseline, or
 * (given a baseline) above `baselineExplosionFactor` times the baseline, which also catches a
 * loss that exploded in the first epoch, when there is nothing earlier to compare with.
 */
export function detectDivergence(loss: number, firstLoss: number, baseline = 0): boolean {
  if (!Number.isFinite(loss)) return true;
  if (baseline > 0 && loss > limits.baselineExplosionFactor * baseline) return true;
  return loss > limits.explosionFactor * Math.max(firstLoss, limits.explosionFloor) && loss > baseline;
}

/** Names what a trial's learning curves show (epochs in order, from 1) and suggests what to try next. */
export function diagnose(epochs: readonly EpochRecord[], options: DiagnoseOptions = {}): Diagnosis {
  const bestEpoch = findBestEpoch(epochs);
  const result = (label: DiagnosisLabel, explanation: string): Diagnosis => ({
    label,
    explanation,
    suggestion: suggestions[label],
    bestEpoch,
  });
  if (epochs.length === 0) return result('not converged', 'No epoch finished, so there is no curve to read yet.');

  const train = epochs.map((record) => record.trainLoss);
  const validation = epochs.map((record) => record.validationLoss);
  const first = train[0];
  const baseline = options.baselineLoss;

  const broken = epochs.find((record) => !Number.isFinite(record.trainLoss) || !Number.isFinite(record.validationLoss));
  if (broken) {
    const what = Number.isNaN(broken.trainLoss) || Number.isNaN(broken.validationLoss) ? 'NaN (not a number)' : 'infinite';
    return result('diverged', `The loss became ${what} at epoch ${broken.epoch}: the weights blew up.`);
  }
  const exploded = epochs.find((record) => detectDivergence(record.trainLoss, first, baseline));
  if (exploded) {
    return result(
      'diverged',
      `The training loss grew to ${format(exploded.trainLoss)} at epoch ${exploded.epoch}, more than ${limits.explosionFactor} times ` +
        `its first value (${format(first)}): each step overshoots instead of going downhill.`,
    );
  }
  if (epochs.length < limits.minimumEpochs) {
    return result('not converged', `Only ${epochs.length} epoch${epochs.length === 1 ? '' : 's'}: too few to see where the curves are heading.`);
  }
  const trainEnd = endMean(train);
  if (baseline !== undefined && trainEnd > limits.worseThanBaselineFactor * baseline && !isStillFalling(train)) {
    return result(
      'diverged',
      `The training loss ended at ${format(trainEnd)}, far worse than the ${format(baseline)} of a model that ignores its ` +
        'inputs: the steps are too large for training to get anywhere.',
    );
  }

  const requiredSpikes = Math.max(limits.minimumSpikes, Math.ceil(limits.minimumSpikeShare * (epochs.length - 1)));
  const trainSpikes = countSpikes(train);
  const validationSpikes = countSpikes(validation);
  if (Math.max(trainSpikes, validationSpikes) >= requiredSpikes) {
    const [which, spikes] = trainSpikes >= validationSpikes ? ['training', trainSpikes] : ['validation', validationSpikes];
    return result('unstable', `The ${which} loss jumped up and straight back down ${spikes} times instead of settling: the steps are too large.`);
  }
  const trainBest = minOf(train);
  if (trainEnd > (1 + limits.trainingSetback) * trainBest && trainEnd - trainBest > limits.negligibleChange * first) {
    return result(
      'unstable',
      `The training loss got down to ${format(trainBest)} but ended at ${format(trainEnd)}: training was knocked back ` +
        'instead of settling.',
    );
  }

  const bestIndex = epochs.findIndex((record) => record.epoch === bestEpoch);
  const validationBest = validation[bestIndex];
  const validationEnd = endMean(validation);
  const gapWidening = validationEnd - trainEnd - (validationBest - train[bestIndex]);
  if (
    bestIndex <= epochs.length - 1 - limits.overfitEpochsAfterBest &&
    validationEnd > (1 + limits.overfitRise) * validationBest &&
    gapWidening > limits.overfitRise * validationBest
  ) {
    return result(
      'overfit',
      `Validation loss was lowest at epoch ${bestEpoch} (${format(validationBest)}) and rose to ${format(validationEnd)} while ` +
        `training loss kept falling to ${format(trainEnd)}: the model is memorising the training examples.`,
    );
  }

  if (isStillFalling(train) && isStillFalling(validation)) {
    return result('not converged', 'Both losses were still falling clearly in the last epochs: training stopped before the model settled.');
  }

  const reference = baseline ?? first;
  if (trainEnd >= limits.underfitFraction * reference) {
    const against = baseline === undefined ? `its first-epoch value (${format(first)})` : `the baseline of ${format(baseline)}, the loss of a model that ignores its inputs`;
    return result(
      'underfit',
      `The training loss ended at ${format(trainEnd)}, ${percent(trainEnd / reference)} of ${against}: ` +
        'the model cannot fit even the training data.',
    );
  }
  return result(
    'good fit',
    `The losses levelled off close together, well below the ${baseline === undefined ? 'start' : 'baseline'}; validation loss was ` +
      `lowest at epoch ${bestEpoch} (${format(validationBest)}).`,
  );
}

function findBestEpoch(epochs: readonly EpochRecord[]): number | null {
  let best: EpochRecord | null = null;
  for (const record of epochs) {
    if (Number.isFinite(record.validationLoss) && (best === null || record.validationLoss < best.validationLoss)) best = record;
  }
  return best === null ? null : best.epoch;
}

/** Mean of the last `endWindow` share of the values: where a curve ends, less its last epoch's noise. */
function endMean(values: readonly number[]): number {
  const count = Math.max(1, Math.round(limits.endWindow * values.length));
  let sum = 0;
  for (let i = values.length - count; i < values.length; i++) sum += values[i];
  return sum / count;
}

/** Epochs where the loss rose by more than spikeRatio and fell back by as much at the next epoch. */
function countSpikes(values: readonly number[]): number {
  const negligible = limits.negligibleChange * values[0];
  let spikes = 0;
  for (let i = 1; i < values.length - 1; i++) {
    const rose = values[i] > limits.spikeRatio * values[i - 1] && values[i] - values[i - 1] > negligible;
    const fell = values[i + 1] * limits.spikeRatio < values[i] && values[i] - values[i + 1] > negligible;
    if (rose && fell) spikes++;
  }
  return spikes;
}

/** Whether a least-squares line through the last epochs still drops clearly (see the stillFalling thresholds). */
function isStillFalling(values: readonly number[]): boolean {
  const count = Math.min(values.length, Math.max(3, Math.ceil(limits.slopeWindow * values.length)));
  if (count < 2) return false;
  const window = values.slice(values.length - count);
  const meanX = (count - 1) / 2;
  const meanY = window.reduce((sum, value) => sum + value, 0) / count;
  let covariance = 0;
  let varianceX = 0;
  window.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY);
    varianceX += (x - meanX) ** 2;
  });
  const dropPerEpoch = -covariance / varianceX;
  const progress = Math.max(0, values[0] - minOf(values));
  return (
    dropPerEpoch * (count - 1) > limits.stillFallingShareOfProgress * progress &&
    dropPerEpoch > limits.stillFallingPerEpoch * Math.abs(meanY)
  );
}

function format(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value);
}
