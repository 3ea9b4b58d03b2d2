/**
 * Trains one trial with a seeded custom loop and reports an epoch record per epoch.
 *
 * Losses are reported the same way for training and validation: the data loss (cross-entropy
 * for classes, mean squared error for regression, without the L1/L2 penalty and without
 * dropout), measured on the whole split at the end of each epoch. That keeps the two curves
 * comparable, which is what a student reads them for. All four numbers of an epoch come back in
 * one readback.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSettings } from '../core/modelSettings';
import { createRandom } from '../core/random';
import { baselineLoss, baselineMeanSquaredError, detectDivergence } from '../core/diagnose';
import type { EpochRecord, TrainingEnd } from '../core/trial';
import type { TrialData } from '../core/trialInputs';
import { buildMlp, polynomialFeatureCount, polynomialFeatures, weightPenalty } from './mlp';
import { createOptimizer } from './optimizer';

export type { TrialData } from '../core/trialInputs';

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

/** A trained model that maps raw feature rows to outputs, with polynomial expansion built in. */
export interface TrainedModel {
  /** Outputs for rows of raw features [size * featureCount]: probabilities [size, classCount] or values [size, 1]. */
  predict(features: Float32Array): tf.Tensor2D;
  dispose(): void;
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

function gatherRows(features: Float32Array, featureCount: number, indices: ArrayLike<number>): Float32Array {
  const rows = new Float32Array(indices.length * featureCount);
  for (let i = 0; i < indices.length; i++) {
    rows.set(features.subarray(indices[i] * featureCount, (indices[i] + 1) * featureCount), i * featureCount);
  }
  return rows;
}

function targetTensor(targets: Float32Array, indices: ArrayLike<number>, classCount: number): tf.Tensor2D {
  const values = Array.from(indices, (i) => targets[i]);
  if (classCount === 0) return tf.tensor2d(values, [values.length, 1]);
  return tf.tidy(() => tf.oneHot(tf.tensor1d(values, 'int32'), classCount).toFloat() as tf.Tensor2D);
}

function dataLoss(outputs: tf.Tensor, targets: tf.Tensor, classCount: number): tf.Scalar {
  return classCount === 0
    ? tf.losses.meanSquaredError(targets, outputs)
    : tf.losses.softmaxCrossEntropy(targets, outputs);
}

function accuracy(outputs: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.equal(tf.argMax(outputs, 1), tf.argMax(targets, 1)).toFloat().mean() as tf.Scalar;
}

/** Yields to the worker's event loop (so a Stop message is heard) without setTimeout's clamping. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Trains one trial to completion, divergence, early stopping or a stop request. */
export async function trainTrial({ data, settings, seed, onEpoch, shouldAbort }: TrainTrialOptions): Promise<TrainedTrial> {
  const random = createRandom(seed);
  const initRandom = random.fork('init');
  const orderRandom = random.fork('order');
  const isRidge = settings.kind === 'ridge';
  const degree = isRidge ? settings.degree : 1;
  const expand = (rows: Float32Array) => (isRidge ? polynomialFeatures(rows, data.featureCount, degree) : rows);
  const inputSize = isRidge ? polynomialFeatureCount(data.featureCount, degree) : data.featureCount;
  const outputSize = data.classCount === 0 ? 1 : data.classCount;
  const modelSettings: ModelSettings = isRidge ? { ...settings, hiddenLayers: 0, dropout: 0 } : settings;
  const l1 = isRidge ? 0 : settings.l1;
  const l2 = isRidge ? settings.alpha : settings.l2;

  const network = buildMlp(modelSettings, inputSize, outputSize, initRandom);
  const optimizer = createOptimizer(settings);
  // Name the variables explicitly: minimize() would otherwise update every variable alive.
  const variables = network.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const trainCount = data.trainIndices.length;
  const xTrain = tf.tensor2d(expand(gatherRows(data.features, data.featureCount, data.trainIndices)), [trainCount, inputSize]);
  const yTrain = targetTensor(data.targets, data.trainIndices, data.classCount);
  const validationCount = data.validationIndices.length;
  const xValidation = tf.tensor2d(
    expand(gatherRows(data.features, data.featureCount, data.validationIndices)),
    [validationCount, inputSize],
  );
  const yValidation = targetTensor(data.targets, data.validationIndices, data.classCount);
  const isClassification = data.classCount > 0;
  const baseline = trainingBaseline(data);

  const trainedModel: TrainedModel = {
    predict: (rows) =>
      tf.tidy(() => {
        const outputs = network.predict(tf.tensor2d(expand(rows), [rows.length / data.featureCount, inputSize])) as tf.Tensor2D;
        return isClassification ? tf.softmax(outputs) : outputs;
      }),
    dispose: () => network.dispose(),
  };

  const epochs: EpochRecord[] = [];
  let end: TrialEnd = 'complete';
  let bestValidation = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | null = null;
  const batchSize = Math.max(1, Math.min(settings.batchSize, trainCount));
  const order = Array.from({ length: trainCount }, (_, i) => i);

  try {
    epochLoop: for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      orderRandom.shuffle(order);
      for (let start = 0; start < trainCount; start += batchSize) {
        if (shouldAbort?.()) {
          end = 'stopped';
          break epochLoop;
        }
        const batchIndices = tf.tensor1d(order.slice(start, start + batchSize), 'int32');
        const cost = optimizer.minimize(() => {
          const outputs = network.apply(tf.gather(xTrain, batchIndices), { training: true }) as tf.Tensor;
          return dataLoss(outputs, tf.gather(yTrain, batchIndices), data.classCount).add(weightPenalty(network, l1, l2));
        }, false, variables);
        cost?.dispose();
        batchIndices.dispose();
        await yieldToEventLoop();
      }

      const summary = tf.tidy(() => {
        const trainOutputs = network.predict(xTrain) as tf.Tensor;
        const validationOutputs = network.predict(xValidation) as tf.Tensor;
        const parts = [dataLoss(trainOutputs, yTrain, data.classCount), dataLoss(validationOutputs, yValidation, data.classCount)];
        if (isClassification) parts.push(accuracy(trainOutputs, yTrain), accuracy(validationOutputs, yValidation));
        return tf.stack(parts);
      });
      const values = await summary.data();
      summary.dispose();
      const record: EpochRecord = { epoch, trainLoss: values[0], validationLoss: values[1] };
      if (isClassification) {
        record.trainAccuracy = values[2];
        record.validationAccuracy = values[3];
      }
      epochs.push(record);

      if (detectDivergence(record.trainLoss, epochs[0].trainLoss, baseline) || !Number.isFinite(record.validationLoss)) {
        end = 'diverged';
        await onEpoch?.(record, trainedModel);
        break;
      }
      if (record.validationLoss < bestValidation) {
        bestValidation = record.validationLoss;
        bestEpoch = epoch;
        if (settings.patience > 0 && settings.restoreBestWeights) {
          bestWeights?.forEach((tensor) => tensor.dispose());
          bestWeights = network.getWeights().map((tensor) => tensor.clone());
        }
      }
      if ((await onEpoch?.(record, trainedModel)) === 'stop') {
        end = 'stopped';
        break;
      }
      if (settings.patience > 0 && epoch - bestEpoch >= settings.patience) {
        end = 'early-stopped';
        break;
      }
    }
    let keptEpoch = epochs.length;
    if (end === 'early-stopped' && bestWeights) {
      network.setWeights(bestWeights);
      keptEpoch = bestEpoch;
    }
    return { epochs, end, keptEpoch, model: trainedModel };
  } catch (error) {
    network.dispose();
    throw error;
  } finally {
    bestWeights?.forEach((tensor) => tensor.dispose());
    optimizer.dispose();
    tf.dispose([xTrain, yTrain, xValidation, yValidation]);
  }
}
