/**
 * Trains one trial with a seeded custom loop and reports an epoch record per epoch.
 *
 * Losses are reported the same way for training and validation: the data loss (cross-entropy
 * for classes, mean squared error for regression, without the L1/L2 penalty and without
 * dropout), measured on the whole split at the end of each epoch. That keeps the two curves
 * comparable, which is what a student reads them for. All four numbers of an epoch come back in
 * one readback.
 */
import type * as tf from './tf';
import type { ModelSettings } from '../core/modelSettings';
import { createRandom } from '../core/random';
import { baselineLoss, baselineMeanSquaredError, detectDivergence } from '../core/diagnose';
import type { EpochRecord, TrainingEnd } from '../core/trial';
import type { TrialData } from '../core/trialInputs';
import { isClassicKind } from '../models/familyOptions';
import { trainClassicTrial } from './classicTrial';
import { SoloTrial, type TrainedModel } from './soloTrial';

export type { TrialData } from '../core/trialInputs';
export type { TrainedModel } from './soloTrial';

/** How a trial ended. */
export type TrialEnd = Exclude<TrainingEnd, 'failed'>;

/** A trained trial: its records, how it ended, and the model (the caller disposes it). */
export interface TrainedTrial {
  epochs: EpochRecord[];
  end: TrialEnd;
  /** With early stopping, the epoch whose weights were kept (1-based); else the last epoch. */
  keptEpoch: number;
  /** The trained model, mapping raw features [batch, featureCount] to outputs. */
  model: TrainedModel;
}

/** Options of trainTrial. */
export interface TrainTrialOptions {
  data: TrialData;
  settings: ModelSettings;
  /** Seeds the initial weights, the data order and dropout. */
  seed: number;
  /** Called after each epoch; returning 'stop' ends the trial (state 'stopped'). */
  onEpoch?: (record: EpochRecord, model: TrainedModel) => void | 'stop' | Promise<void | 'stop'>;
  /** Checked between steps; true ends the trial as soon as possible (state 'stopped'). */
  shouldAbort?: () => boolean;
}

/** The loss of ignoring the inputs on the training rows: class-frequency entropy, or target variance. */
export function trainingBaseline(data: TrialData): number {
  const targets = Array.from(data.trainIndices, (i) => data.targets[i]);
  if (data.classCount === 0) return baselineMeanSquaredError(targets);
  const counts = new Array<number>(data.classCount).fill(0);
  for (const label of targets) counts[label] += 1;
  return baselineLoss(counts);
}

/** The epoch of the lowest validation loss so far and, when it is to be restored, a copy of its weights. */
class BestEpoch {
  /** 1-based; 0 before the first epoch. */
  epoch = 0;
  #validationLoss = Infinity;
  #weights: tf.Tensor[] | null = null;
  readonly #keepWeights: boolean;

  constructor(keepWeights: boolean) {
    this.#keepWeights = keepWeights;
  }

  /** Takes `record` as the best when its validation loss is lower, copying the network's weights if kept. */
  offer(record: EpochRecord, network: tf.Sequential): void {
    if (!(record.validationLoss < this.#validationLoss)) return;
    this.#validationLoss = record.validationLoss;
    this.epoch = record.epoch;
    if (!this.#keepWeights) return;
    this.#weights?.forEach((tensor) => tensor.dispose());
    this.#weights = network.getWeights().map((tensor) => tensor.clone());
  }

  /** Puts the best weights back into the network; false when none were kept. */
  restore(network: tf.Sequential): boolean {
    if (!this.#weights) return false;
    network.setWeights(this.#weights);
    return true;
  }

  dispose(): void {
    this.#weights?.forEach((tensor) => tensor.dispose());
  }
}

/** Everything one run of the epoch loop reads and writes. */
interface EpochLoop extends TrainTrialOptions {
  trial: SoloTrial;
  best: BestEpoch;
  /** Records so far, in order; the loop appends to it. */
  epochs: EpochRecord[];
}

/** Trains epoch after epoch until the budget is spent or a rule ends the trial; returns how it ended. */
async function runEpochs(loop: EpochLoop): Promise<TrialEnd> {
  const { data, settings, seed, trial, shouldAbort, epochs } = loop;
  const orderRandom = createRandom(seed).fork('order');
  const order = Array.from({ length: data.trainIndices.length }, (_, i) => i);
  const baseline = trainingBaseline(data);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    orderRandom.shuffle(order);
    if (!(await trial.trainEpoch(order, shouldAbort))) return 'stopped';
    const record = await trial.evaluate(epoch);
    epochs.push(record);
    const end = await endAfter(record, loop, baseline);
    if (end) return end;
  }
  return 'complete';
}

/** Applies the rules after one epoch, in order: divergence, the caller's stop, patience; null = keep going. */
async function endAfter(record: EpochRecord, { settings, trial, best, epochs, onEpoch }: EpochLoop, baseline: number): Promise<TrialEnd | null> {
  if (detectDivergence(record.trainLoss, epochs[0].trainLoss, baseline) || !Number.isFinite(record.validationLoss)) {
    await onEpoch?.(record, trial.model);
    return 'diverged';
  }
  best.offer(record, trial.network);
  if ((await onEpoch?.(record, trial.model)) === 'stop') return 'stopped';
  if (settings.patience > 0 && record.epoch - best.epoch >= settings.patience) return 'early-stopped';
  return null;
}

/** Trains one trial to completion, divergence, early stopping or a stop request. */
export async function trainTrial(options: TrainTrialOptions): Promise<TrainedTrial> {
  const { data, settings, seed } = options;
  if (isClassicKind(settings.kind)) return trainClassicTrial(settings.kind, options);
  const trial = new SoloTrial(data, settings, createRandom(seed).fork('init'));
  const best = new BestEpoch(settings.patience > 0 && settings.restoreBestWeights);
  const epochs: EpochRecord[] = [];
  try {
    const end = await runEpochs({ ...options, trial, best, epochs });
    const keptEpoch = end === 'early-stopped' && best.restore(trial.network) ? best.epoch : epochs.length;
    return { epochs, end, keptEpoch, model: trial.model };
  } catch (error) {
    trial.network.dispose();
    throw error;
  } finally {
    best.dispose();
    trial.dispose();
  }
}
