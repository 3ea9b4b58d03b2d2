/**
 * One trial's TF.js network, optimiser and data, as trainTrial drives it: one epoch of seeded
 * mini-batch steps at a time, then the four numbers of the epoch in one readback.
 */
import * as tf from './tf';
import { isHypergradient, type ModelSettings } from '../core/modelSettings';
import type { Random } from '../core/random';
import type { EpochRecord } from '../core/trial';
import type { TrialData } from '../core/trialInputs';
import { buildMlp, polynomialFeatureCount, polynomialFeatures, weightPenalty } from './mlp';
import { yieldToEventLoop } from './eventLoop';
import { createOptimizer } from './optimizer';
import type { HypergradientOptimizer } from './hypergradientOptimizer';

/** A trained model that maps raw feature rows to outputs, with polynomial expansion built in. */
export interface TrainedModel {
  /** Outputs for rows of raw features [size * featureCount]: probabilities [size, classCount] or values [size, 1]. */
  predict(features: Float32Array): tf.Tensor2D;
  dispose(): void;
  /** The network underneath (logits out; ridge's takes polynomial features), when the model has one of its own. */
  network?: tf.Sequential;
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

/** The network of one trial (an MLP, or ridge as a linear layer on polynomial features) with its training state. */
export class SoloTrial {
  /** The network as the caller sees it; it outlives the trial (the caller disposes it). */
  readonly model: TrainedModel;
  readonly network: tf.Sequential;
  readonly #classCount: number;
  readonly #batchSize: number;
  readonly #l1: number;
  readonly #l2: number;
  readonly #optimizer: tf.Optimizer;
  /** The learning rate a hypergradient optimiser adapts (null for the others, whose rate is fixed). */
  readonly #adaptedRate: tf.Scalar | null;
  readonly #variables: tf.Variable[];
  readonly #xTrain: tf.Tensor2D;
  readonly #yTrain: tf.Tensor2D;
  readonly #xValidation: tf.Tensor2D;
  readonly #yValidation: tf.Tensor2D;

  /** Builds the network with weights from `initRandom` and uploads both splits. */
  constructor(data: TrialData, settings: ModelSettings, initRandom: Random) {
    const isRidge = settings.kind === 'ridge';
    const degree = isRidge ? settings.degree : 1;
    const expand = (rows: Float32Array) => (isRidge ? polynomialFeatures(rows, data.featureCount, degree) : rows);
    const inputSize = isRidge ? polynomialFeatureCount(data.featureCount, degree) : data.featureCount;
    const modelSettings: ModelSettings = isRidge ? { ...settings, hiddenLayers: 0, dropout: 0 } : settings;
    this.#classCount = data.classCount;
    this.#l1 = isRidge ? 0 : settings.l1;
    this.#l2 = isRidge ? settings.alpha : settings.l2;
    const network = buildMlp(modelSettings, inputSize, data.classCount === 0 ? 1 : data.classCount, initRandom);
    this.network = network;
    this.#optimizer = createOptimizer(settings);
    // Not `instanceof`: tf.Optimizer's Symbol.hasInstance accepts every optimiser.
    this.#adaptedRate = isHypergradient(settings.optimizer) ? (this.#optimizer as HypergradientOptimizer).learningRate : null;
    // Name the variables explicitly: minimize() would otherwise update every variable alive.
    this.#variables = network.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const rowsOf = (indices: ArrayLike<number>) => tf.tensor2d(expand(gatherRows(data.features, data.featureCount, indices)), [indices.length, inputSize]);
    this.#xTrain = rowsOf(data.trainIndices);
    this.#yTrain = targetTensor(data.targets, data.trainIndices, data.classCount);
    this.#xValidation = rowsOf(data.validationIndices);
    this.#yValidation = targetTensor(data.targets, data.validationIndices, data.classCount);
    this.#batchSize = Math.max(1, Math.min(settings.batchSize, data.trainIndices.length));
    const isClassification = data.classCount > 0;
    this.model = {
      predict: (rows) =>
        tf.tidy(() => {
          const outputs = network.predict(tf.tensor2d(expand(rows), [rows.length / data.featureCount, inputSize])) as tf.Tensor2D;
          return isClassification ? tf.softmax(outputs) : outputs;
        }),
      dispose: () => network.dispose(),
      network,
    };
  }

  /** One optimiser step per batch of training rows in `order` (positions in the training split); false when shouldAbort cut it short. */
  async trainEpoch(order: number[], shouldAbort?: () => boolean): Promise<boolean> {
    for (let start = 0; start < order.length; start += this.#batchSize) {
      if (shouldAbort?.()) return false;
      const batchIndices = tf.tensor1d(order.slice(start, start + this.#batchSize), 'int32');
      const cost = this.#optimizer.minimize(() => {
        const outputs = this.network.apply(tf.gather(this.#xTrain, batchIndices), { training: true }) as tf.Tensor;
        return dataLoss(outputs, tf.gather(this.#yTrain, batchIndices), this.#classCount).add(weightPenalty(this.network, this.#l1, this.#l2));
      }, false, this.#variables);
      cost?.dispose();
      batchIndices.dispose();
      await yieldToEventLoop();
    }
    return true;
  }

  /** Data losses (and accuracies, for classes) on both whole splits after `epoch`, read back at once. */
  async evaluate(epoch: number): Promise<EpochRecord> {
    const isClassification = this.#classCount > 0;
    const summary = tf.tidy(() => {
      const trainOutputs = this.network.predict(this.#xTrain) as tf.Tensor;
      const validationOutputs = this.network.predict(this.#xValidation) as tf.Tensor;
      const parts = [dataLoss(trainOutputs, this.#yTrain, this.#classCount), dataLoss(validationOutputs, this.#yValidation, this.#classCount)];
      if (isClassification) parts.push(accuracy(trainOutputs, this.#yTrain), accuracy(validationOutputs, this.#yValidation));
      // A hypergradient optimiser's learning rate changes every step: it rides along in the same readback.
      if (this.#adaptedRate) parts.push(this.#adaptedRate.clone());
      return tf.stack(parts);
    });
    const values = await summary.data();
    summary.dispose();
    const record: EpochRecord = { epoch, trainLoss: values[0], validationLoss: values[1] };
    if (isClassification) {
      record.trainAccuracy = values[2];
      record.validationAccuracy = values[3];
    }
    if (this.#adaptedRate) record.learningRate = values[isClassification ? 4 : 2];
    return record;
  }

  /** Frees the optimiser and the data; the network stays (see model). */
  dispose(): void {
    this.#optimizer.dispose();
    tf.dispose([this.#xTrain, this.#yTrain, this.#xValidation, this.#yValidation]);
  }
}
