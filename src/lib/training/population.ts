import * as tf from '@tensorflow/tfjs';
import type { ModelSettings } from '../core/modelSettings';
import { detectDivergence } from '../core/diagnose';
import { trainingBaseline } from './trainTrial';
import { createEpochPlanner } from './epochPlan';
import type { LayerWeights } from './initialWeights';
import { correctCount, dataLoss, weightPenalty } from './populationLoss';
import { createStackedMlp } from './populationModel';
import { structureKey } from './populationGroups';
import { createStackedOptimizer } from './stackedOptimizer';

/** One trial of a population: its settings, its seed and an optional initial-weight multiplier. */
export interface PopulationTrial {
  /** Model and training settings (kind 'mlp'). */
  settings: ModelSettings;
  /** Seed of the trial's initial weights, data order and dropout. */
  seed: number;
  /** Multiplier of the initial kernels (default 1). */
  initialScale?: number;
}

/** Data and trials of a population. */
export interface PopulationOptions {
  /** Features, row-major, shape [n * featureCount]. */
  features: Float32Array;
  /** Class index or regression target per row, shape [n]. */
  targets: Float32Array;
  /** Columns per row. */
  featureCount: number;
  /** Number of classes (≥ 2), or 0 for regression (MSE). */
  classCount: number;
  /** Rows trained on, shape [trainCount]. */
  trainIndices: ArrayLike<number>;
  /** Rows validated on, shape [validationCount]. */
  validationIndices: ArrayLike<number>;
  /** The K trials; they must share hiddenLayers, activation and batchSize (units may differ). */
  trials: PopulationTrial[];
}

/** Where a trial stands: training, or out of the population for good. */
export type PopulationTrialState = 'running' | 'diverged' | 'stopped' | 'complete';

/** One trial's results for one epoch (see populationLoss.ts for the loss definition). */
export interface PopulationTrialEpoch {
  /** The trial's epoch number, from 1. */
  epoch: number;
  /** Data loss on all training rows after the epoch (no penalty, no dropout). */
  trainLoss: number;
  /** Data loss on all validation rows after the epoch (no penalty, no dropout). */
  validationLoss: number;
  /** Fraction of training rows classified right after the epoch (null for regression). */
  trainAccuracy: number | null;
  /** Fraction of validation rows classified right after the epoch (null for regression). */
  validationAccuracy: number | null;
  /** State after this epoch: diverged (non-finite or exploding loss), complete (settings.epochs reached), stopped (patience ran out). */
  state: PopulationTrialState;
}

/** One epoch of the whole population: an entry per trial, null for trials already out before it. */
export interface PopulationEpoch {
  /** Results per trial, length K. */
  trials: (PopulationTrialEpoch | null)[];
}

/** K trials training together; all methods are for one caller at a time (await each runEpoch). */
export interface Population {
  /** Number of trials K. */
  readonly size: number;
  /** Current state of each trial, length K. */
  states(): PopulationTrialState[];
  /** True when no trial is running any more. */
  isFinished(): boolean;
  /** Trains every running trial for one epoch and reads all results back at once (one readback). */
  runEpoch(): Promise<PopulationEpoch>;
  /** Takes a running trial out (early stopping by a schedule); its weights stay as they are. */
  stop(trialIndex: number): void;
  /** Each trial's current weights, unpadded: [trial][layer]. */
  readWeights(): Promise<LayerWeights[][]>;
  /** Frees every tensor of the population. */
  dispose(): void;
}

/** Creates a population of K compatible MLP trials; throws when they differ in structure. */
export function createPopulation(options: PopulationOptions): Population {
  const { features, targets, featureCount, classCount, trainIndices, validationIndices, trials } = options;
  if (trials.length === 0) throw new Error('a population needs at least one trial');
  if (classCount === 1 || classCount < 0) throw new Error(`invalid classCount: ${classCount} (0 = regression, ≥ 2 = classes)`);
  const key = structureKey(trials[0].settings);
  for (const trial of trials) {
    if (trial.settings.kind !== 'mlp') throw new Error(`the population trainer trains MLPs, not ${trial.settings.kind}`);
    if (structureKey(trial.settings) !== key) {
      throw new Error(`trials differ in structure (${structureKey(trial.settings)} vs ${key}): put them in separate populations`);
    }
  }
  const trialCount = trials.length;
  const rowCount = targets.length;
  // The loss of ignoring the inputs: a loss far above it has diverged, even in the first epoch.
  const baseline = trainingBaseline(options);
  const trainCount = trainIndices.length;
  const validationCount = validationIndices.length;
  const outputCount = classCount === 0 ? 1 : classCount;
  const { hiddenLayers, activation, batchSize } = trials[0].settings;
  const hiddenUnits = trials.map((trial) => Array.from({ length: hiddenLayers }, () => trial.settings.units));
  const model = createStackedMlp(
    trials.map((trial, k) => ({
      layerWidths: [featureCount, ...hiddenUnits[k], outputCount],
      initializer: trial.settings.initializer,
      seed: trial.seed,
      initialScale: trial.initialScale ?? 1,
    })),
    activation,
  );
  const parameters = [...model.kernels, ...model.biases];
  const optimizer = createStackedOptimizer(parameters, trials.map((trial) => trial.settings));
  const planner = createEpochPlanner(
    trials.map((trial, k) => ({ seed: trial.seed, hiddenUnits: hiddenUnits[k], dropout: trial.settings.dropout })),
    trainIndices,
    model.paddedWidths.slice(1, -1),
  );
  const column = (values: number[]) => tf.tensor3d(values, [trialCount, 1, 1]);
  const l1 = trials.some((trial) => trial.settings.l1 > 0) ? column(trials.map((trial) => trial.settings.l1)) : null;
  const l2 = trials.some((trial) => trial.settings.l2 > 0) ? column(trials.map((trial) => trial.settings.l2)) : null;

  // The dataset stays on the device: rows [n, featureCount], targets [n, C] (one-hot, or [n, 1]).
  const featureTable = tf.tensor2d(features, [rowCount, featureCount]);
  const labelTable = tf.tensor1d(Int32Array.from(targets), 'int32');
  const targetTable = tf.tidy(() => (classCount === 0 ? tf.tensor2d(targets, [rowCount, 1]) : tf.oneHot(labelTable, classCount).toFloat()));
  // Evaluation sets in dataset order, [1, rows, ...], broadcast over the K trials.
  const evaluationSet = (indices: ArrayLike<number>) =>
    tf.tidy(() => {
      const rows = tf.tensor1d(Int32Array.from(indices), 'int32');
      return {
        inputs: tf.expandDims(tf.gather(featureTable, rows), 0) as tf.Tensor3D,
        targets: tf.expandDims(tf.gather(targetTable, rows), 0) as tf.Tensor3D,
        labels: tf.expandDims(tf.gather(labelTable, rows), 0) as tf.Tensor2D,
      };
    });
  const training = evaluationSet(trainIndices);
  const validation = evaluationSet(validationIndices);

  const states: PopulationTrialState[] = trials.map(() => 'running');
  const epochs = trials.map(() => 0);
  const bestValidation = trials.map(() => Infinity);
  const sinceBest = trials.map(() => 0);
  const firstTrainLoss = trials.map(() => NaN);
  let disposed = false;

  const penaltyOf = () => weightPenalty(model.kernels, l1, l2);

  function trainStep(inputs: tf.Tensor3D, stepTargets: tf.Tensor3D, masks: tf.Tensor3D[] | null) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const penalty = penaltyOf();
        const loss = dataLoss(model.apply(inputs, masks), stepTargets, classCount);
        // Trials are independent, so the gradient of the sum is each trial's own gradient.
        return tf.sum(penalty ? tf.add(loss, penalty) : loss);
      }, parameters);
      optimizer.applyGradients(parameters.map((parameter) => grads[parameter.name]));
    });
  }

  /** Data loss and accuracy of every trial on one evaluation set → [2 * K]. */
  function evaluate(set: { inputs: tf.Tensor3D; targets: tf.Tensor3D; labels: tf.Tensor2D }, rowCount: number): tf.Tensor1D {
    const outputs = model.apply(set.inputs, null);
    const loss = dataLoss(outputs, set.targets, classCount);
    const accuracy = classCount > 0 ? tf.div(correctCount(outputs, set.labels), rowCount) : tf.zeros([trialCount]);
    return tf.concat([loss, accuracy]) as tf.Tensor1D;
  }

  function setActive() {
    optimizer.setActive(states.map((state) => state === 'running'));
  }

  async function runEpoch(): Promise<PopulationEpoch> {
    if (disposed) throw new Error('the population was disposed');
    const draws = planner.next();
    const wasRunning = states.map((state) => state === 'running');
    const order = tf.tensor2d(draws.order, [trialCount, trainCount], 'int32');
    // This epoch's examples in each trial's own order: [K, trainCount, ...].
    const epochData = {
      inputs: tf.gather(featureTable, order) as tf.Tensor as tf.Tensor3D,
      targets: tf.gather(targetTable, order) as tf.Tensor as tf.Tensor3D,
      masks: draws.dropoutMasks?.map((mask, layer) => tf.tensor3d(mask, [trialCount, trainCount, model.paddedWidths[layer + 1]])) ?? null,
    };
    order.dispose();
    let summary: tf.Tensor1D | null = null;
    try {
      for (let start = 0; start < trainCount; start += batchSize) {
        const size = Math.min(batchSize, trainCount - start);
        tf.tidy(() => {
          const slice3 = (tensor: tf.Tensor3D) => tf.slice(tensor, [0, start, 0], [trialCount, size, -1]);
          const masks = epochData.masks?.map(slice3) ?? null;
          trainStep(slice3(epochData.inputs), slice3(epochData.targets), masks);
        });
      }
      summary = tf.tidy(() => tf.concat([evaluate(training, trainCount), evaluate(validation, validationCount)]) as tf.Tensor1D);
      // The one readback of the epoch, [4 * K]: train loss, train accuracy, validation loss, validation accuracy.
      const values = await summary.data();
      return { trials: trials.map((trial, k) => (wasRunning[k] ? recordEpoch(k, trial.settings, values) : null)) };
    } finally {
      tf.dispose([epochData.inputs, epochData.targets, ...(epochData.masks ?? [])]);
      summary?.dispose();
      const diverged = states.map((state, k) => wasRunning[k] && state === 'diverged');
      if (diverged.some(Boolean)) resetDiverged(diverged);
      setActive();
    }
  }

  function recordEpoch(k: number, settings: ModelSettings, values: Float32Array | Int32Array | Uint8Array): PopulationTrialEpoch {
    epochs[k] += 1;
    const trainLoss = values[k];
    const validationLoss = values[2 * trialCount + k];
    if (epochs[k] === 1) firstTrainLoss[k] = trainLoss;
    if (!Number.isFinite(validationLoss) || detectDivergence(trainLoss, firstTrainLoss[k], baseline)) {
      states[k] = 'diverged';
    } else if (epochs[k] >= settings.epochs) {
      states[k] = 'complete';
    } else if (settings.patience > 0) {
      if (validationLoss < bestValidation[k]) {
        bestValidation[k] = validationLoss;
        sinceBest[k] = 0;
      } else if (++sinceBest[k] >= settings.patience) {
        states[k] = 'stopped';
      }
    }
    return {
      epoch: epochs[k],
      trainLoss,
      validationLoss,
      trainAccuracy: classCount > 0 ? values[trialCount + k] : null,
      validationAccuracy: classCount > 0 ? values[3 * trialCount + k] : null,
      state: states[k],
    };
  }

  // A diverged trial's weights hold NaN/Inf; zero them and its optimiser state so that, frozen
  // with a step of 0, it computes finite values and 0 · NaN never appears in its updates.
  function resetDiverged(diverged: boolean[]) {
    tf.tidy(() => {
      const keep = tf.tensor1d(diverged.map((isDiverged) => (isDiverged ? 0 : 1)), 'bool');
      for (const parameter of parameters) {
        const mask = tf.broadcastTo(tf.reshape(keep, [trialCount, 1, 1]), parameter.shape);
        parameter.assign(tf.where(mask, parameter, tf.zerosLike(parameter)));
      }
    });
    optimizer.resetTrials(diverged);
  }

  return {
    size: trialCount,
    states: () => [...states],
    isFinished: () => states.every((state) => state !== 'running'),
    runEpoch,
    stop(trialIndex) {
      if (trialIndex < 0 || trialIndex >= trialCount) throw new Error(`invalid trial index: ${trialIndex}`);
      if (states[trialIndex] !== 'running') return;
      states[trialIndex] = 'stopped';
      setActive();
    },
    readWeights: () => model.read(),
    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
      optimizer.dispose();
      tf.dispose([featureTable, labelTable, targetTable, ...Object.values(training), ...Object.values(validation)]);
      tf.dispose([...(l1 ? [l1] : []), ...(l2 ? [l2] : [])]);
    },
  };
}
