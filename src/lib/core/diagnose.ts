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
import { countSpikes, endCount, endMean, findBestEpoch, formatLoss as format, isStillFalling } from './curveShape';
import {
  describeRegularisation,
  describeStep,
  divergedAdvice,
  goodFitAdvice,
  isLinear,
  notConvergedAdvice,
  overfitAdvice,
  stepSize,
  stuckAdvice,
  underfitAdvice,
  unstableAdvice,
  type DiagnosisSettings,
} from './diagnosisContext';
import { diagnosisThresholds, percent } from './diagnosisThresholds';
import type { DiagnosisLabel, EpochRecord } from './trial';
import { minOf } from './extent';

export { diagnosisRules, diagnosisThresholds } from './diagnosisThresholds';
export type { DiagnosisSettings } from './diagnosisContext';

const limits = diagnosisThresholds;

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

/** Settings of `diagnose`: the baseline, and optionally the trial's own settings (see DiagnosisSettings). */
export interface DiagnoseOptions extends DiagnosisSettings {
  /** Loss of a model that ignores its inputs on this data (`baselineLoss` or `baselineMeanSquaredError`). */
  baselineLoss?: number;
  /** Number of classes (0 or absent for regression); without a baselineLoss, ln(classes) stands in for it. */
  classes?: number;
}

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

/**
 * Why a training loss counts as exploded, naming the rule that fired with its numbers, or null
 * when it has not (the same rules as detectDivergence, checked in the same order).
 */
export function divergenceReason(record: EpochRecord, firstLoss: number, baseline = 0): string | null {
  const loss = record.trainLoss;
  if (!Number.isFinite(loss)) return `The loss became ${Number.isNaN(loss) ? 'NaN (not a number)' : 'infinite'} at epoch ${record.epoch}: the weights blew up.`;
  if (baseline > 0 && loss > limits.baselineExplosionFactor * baseline) {
    return (
      `The training loss reached ${format(loss)} at epoch ${record.epoch}, more than ${limits.baselineExplosionFactor} times the baseline ` +
      `of ${format(baseline)} (the loss of ignoring the inputs): each step overshoots instead of going downhill.`
    );
  }
  if (detectDivergence(loss, firstLoss, baseline)) {
    return (
      `The training loss grew to ${format(loss)} at epoch ${record.epoch}, more than ${limits.explosionFactor} times its first value ` +
      `(${format(firstLoss)}): each step overshoots instead of going downhill.`
    );
  }
  return null;
}

/**
 * Names what a trial's learning curves show (epochs in order, from 1) and suggests what to try
 * next. With only a baseline it reads the curves; given the trial's settings (optimiser, learning
 * rate, capacity, regularisation, epochs, data size, state) it also tells a loss stuck by a bad
 * step size from a model too small, and leaves out advice the settings already contradict.
 */
export function diagnose(epochs: readonly EpochRecord[], options: DiagnoseOptions = {}): Diagnosis {
  const bestEpoch = findBestEpoch(epochs);
  const result = (label: DiagnosisLabel, explanation: string, suggestion: string): Diagnosis => ({ label, explanation, suggestion, bestEpoch });
  const baseline = options.baselineLoss ?? (options.classes !== undefined && options.classes >= 2 ? Math.log(options.classes) : undefined);
  const step = describeStep(options);
  const withStep = step ? ` (${step})` : '';
  if (epochs.length === 0) return result('not converged', 'No epoch finished, so there is no curve to read yet.', notConvergedAdvice(options, 0));

  const train = epochs.map((record) => record.trainLoss);
  const validation = epochs.map((record) => record.validationLoss);
  const first = train[0];

  const broken = epochs.find((record) => !Number.isFinite(record.trainLoss) || !Number.isFinite(record.validationLoss));
  if (broken) {
    const what = Number.isNaN(broken.trainLoss) || Number.isNaN(broken.validationLoss) ? 'NaN (not a number)' : 'infinite';
    return result('diverged', `The loss became ${what} at epoch ${broken.epoch}: the weights blew up${withStep}.`, divergedAdvice(options));
  }
  for (const record of epochs) {
    const reason = divergenceReason(record, first, baseline);
    if (reason) return result('diverged', step ? `${reason} It ran with ${step}.` : reason, divergedAdvice(options));
  }
  if (options.state === 'diverged') {
    return result(
      'diverged',
      `The trainer stopped it at epoch ${epochs.length}: the loss (${format(train.at(-1) ?? NaN)}) exploded far above the loss of ignoring the inputs${withStep}.`,
      divergedAdvice(options),
    );
  }
  if (options.state === 'pruned') {
    const planned = options.epochs !== undefined && options.epochs > epochs.length ? ` of the ${options.epochs} planned` : '';
    return result(
      'pruned',
      `Pruned at epoch ${epochs.length}${planned}: the schedule stopped it because its validation loss (${format(validation.at(-1) ?? NaN)}) ` +
        'was behind the other trials\'. Its curve is cut short on purpose, so it says little about fit.',
      'Nothing to fix here: the schedule spent the epochs on more promising trials. Train these settings by hand to see the whole curve.',
    );
  }
  if (epochs.length < limits.minimumEpochs) {
    return result(
      'not converged',
      `Only ${epochs.length} epoch${epochs.length === 1 ? '' : 's'}: too few to see where the curves are heading.`,
      notConvergedAdvice(options, epochs.length),
    );
  }
  const trainEnd = endMean(train, limits);
  // Where a curve "ended" is the mean of its last epochs; the sentence says so, since the table shows the last epoch alone.
  const averaged = endCount(epochs.length, limits) > 1 ? ` (averaged over the last ${endCount(epochs.length, limits)} epochs)` : '';
  if (baseline !== undefined && trainEnd > limits.worseThanBaselineFactor * baseline && !isStillFalling(train, limits)) {
    return result(
      'diverged',
      `The training loss ended at ${format(trainEnd)}${averaged}, more than ${limits.worseThanBaselineFactor} times the ${format(baseline)} of a model ` +
        `that ignores its inputs: the steps are too large for training to get anywhere${withStep}.`,
      divergedAdvice(options),
    );
  }

  const noise = limits.noiseFloor * (baseline ?? first);
  const requiredSpikes = Math.max(limits.minimumSpikes, Math.ceil(limits.minimumSpikeShare * (epochs.length - 1)));
  const trainSpikes = countSpikes(train, limits, noise);
  const validationSpikes = countSpikes(validation, limits, noise);
  if (Math.max(trainSpikes, validationSpikes) >= requiredSpikes) {
    const [which, spikes] = trainSpikes >= validationSpikes ? ['training', trainSpikes] : ['validation', validationSpikes];
    return result(
      'unstable',
      `The ${which} loss jumped up by more than ${percent(limits.spikeRatio - 1)} and straight back down ${spikes} times instead of settling: ` +
        `the steps are too large or too noisy${withStep}.`,
      unstableAdvice(options),
    );
  }
  const trainBest = minOf(train);
  if (trainEnd > (1 + limits.trainingSetback) * trainBest && trainEnd - trainBest > Math.max(limits.negligibleChange * first, noise)) {
    return result(
      'unstable',
      `The training loss got down to ${format(trainBest)} but ended at ${format(trainEnd)}${averaged}, more than ${percent(limits.trainingSetback)} above ` +
        `its best: training was knocked back instead of settling${withStep}.`,
      unstableAdvice(options),
    );
  }

  const bestIndex = epochs.findIndex((record) => record.epoch === bestEpoch);
  const validationBest = validation[bestIndex];
  const validationEnd = endMean(validation, limits);
  const gapWidening = validationEnd - trainEnd - (validationBest - train[bestIndex]);
  const reference = baseline ?? first;
  if (
    trainEnd < limits.underfitFraction * reference &&
    bestIndex <= epochs.length - 1 - limits.overfitEpochsAfterBest &&
    validationEnd > (1 + limits.overfitRise) * validationBest &&
    validationEnd - validationBest > noise &&
    gapWidening > Math.max(limits.overfitRise * validationBest, noise)
  ) {
    const regularisation = describeRegularisation(options);
    return result(
      'overfit',
      `Validation loss was lowest at epoch ${bestEpoch} (${format(validationBest)}) and rose to ${format(validationEnd)} while ` +
        `training loss kept falling to ${format(trainEnd)}${averaged}: the model is memorising the training examples` +
        `${options.trainingSamples !== undefined ? ` (${options.trainingSamples} of them)` : ''}${regularisation ? `, even with ${regularisation}` : ''}.`,
      overfitAdvice(options),
    );
  }

  const size = stepSize(options);
  if (baseline !== undefined && baseline > 0 && trainEnd >= limits.stuckFraction * baseline && (size === 'large' || size === 'tiny') && !isLinear(options)) {
    const why = size === 'large'
      ? 'each step overshoots (and ReLU units can die), so the network settles on predicting the class frequencies'
      : 'each step barely moves the weights, so in this many epochs the network never leaves its starting guess';
    return result(
      'stuck',
      `The training loss ended at ${format(trainEnd)}${averaged}, ${percent(trainEnd / baseline)} of the baseline of ${format(baseline)} (the loss of ` +
        `ignoring the inputs): it never got clearly below it. With ${step}, ${why}.`,
      stuckAdvice(options),
    );
  }

  if (isStillFalling(train, limits) && isStillFalling(validation, limits)) {
    return result(
      'not converged',
      `Both losses were still falling clearly over the last ${percent(limits.slopeWindow)} of the ${epochs.length} epochs: training stopped ` +
        `before the model settled${withStep}.`,
      notConvergedAdvice(options, epochs.length),
    );
  }

  if (trainEnd >= limits.underfitFraction * reference) {
    const against = baseline === undefined ? `its first-epoch value (${format(first)})` : `the baseline of ${format(baseline)}, the loss of a model that ignores its inputs`;
    const regularisation = describeRegularisation(options);
    const cause = isLinear(options)
      ? ' A model without hidden layers can only draw a straight boundary.'
      : regularisation ? ` The regularisation (${regularisation}) holds the weights back.` : '';
    return result(
      'underfit',
      `The training loss ended at ${format(trainEnd)}${averaged}, ${percent(trainEnd / reference)} of ${against} (the rule: ${percent(limits.underfitFraction)} ` +
        `or more): the model cannot fit even the training data.${cause}`,
      underfitAdvice(options),
    );
  }
  return result(
    'good fit',
    `The losses levelled off close together, well below the ${baseline === undefined ? 'start' : 'baseline'}; validation loss was ` +
      `lowest at epoch ${bestEpoch} (${format(validationBest)}).`,
    goodFitAdvice(options, trainEnd / reference),
  );
}
