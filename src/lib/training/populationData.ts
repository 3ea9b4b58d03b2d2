/**
 * The dataset of a TF.js population, kept on the device for its whole life: the row tables, the
 * two evaluation sets, and each epoch's examples gathered in every trial's own order.
 */
import * as tf from './tf';
import type { TrialData } from '../core/trialInputs';
import type { EpochDraws } from './epochPlan';

/** Rows of one evaluation set in dataset order, [1, rows, ...], broadcast over the K trials. */
export interface EvaluationSet {
  inputs: tf.Tensor3D;
  targets: tf.Tensor3D;
  labels: tf.Tensor2D;
  /** Number of rows. */
  rowCount: number;
}

/** One epoch's examples in each trial's own order: [K, trainCount, ...]; the caller disposes them. */
export interface EpochData {
  inputs: tf.Tensor3D;
  targets: tf.Tensor3D;
  /** Dropout keep-masks per hidden layer, [K, trainCount, padded units], or null without dropout. */
  masks: tf.Tensor3D[] | null;
}

/** What PopulationData needs to know about the dataset: a trial's data (core/trialInputs.ts). */
export type PopulationDataOptions = TrialData;

/** Features [n, featureCount], targets [n, C] (one-hot, or [n, 1] for regression) and labels [n] on the device. */
export class PopulationData {
  /** Training rows in dataset order. */
  readonly training: EvaluationSet;
  /** Validation rows in dataset order. */
  readonly validation: EvaluationSet;
  readonly #featureTable: tf.Tensor2D;
  readonly #labelTable: tf.Tensor1D;
  readonly #targetTable: tf.Tensor2D;

  /** Uploads the dataset and gathers the two evaluation sets. */
  constructor({ features, targets, featureCount, classCount, trainIndices, validationIndices }: PopulationDataOptions) {
    const rowCount = targets.length;
    this.#featureTable = tf.tensor2d(features, [rowCount, featureCount]);
    this.#labelTable = tf.tensor1d(Int32Array.from(targets), 'int32');
    const labelTable = this.#labelTable;
    this.#targetTable = tf.tidy(() => (classCount === 0 ? tf.tensor2d(targets, [rowCount, 1]) : tf.oneHot(labelTable, classCount).toFloat())) as tf.Tensor2D;
    this.training = this.#evaluationSet(trainIndices);
    this.validation = this.#evaluationSet(validationIndices);
  }

  /** This epoch's examples: rows in each trial's order, dropout masks padded to `paddedWidths` (shape [K, trainCount, ...]). */
  epochData(draws: EpochDraws, trialCount: number, paddedWidths: number[]): EpochData {
    const trainCount = this.training.rowCount;
    const order = tf.tensor2d(draws.order, [trialCount, trainCount], 'int32');
    const data = {
      inputs: tf.gather(this.#featureTable, order) as tf.Tensor as tf.Tensor3D,
      targets: tf.gather(this.#targetTable, order) as tf.Tensor as tf.Tensor3D,
      masks: draws.dropoutMasks?.map((mask, layer) => tf.tensor3d(mask, [trialCount, trainCount, paddedWidths[layer + 1]])) ?? null,
    };
    order.dispose();
    return data;
  }

  /** Frees every tensor. */
  dispose(): void {
    const { training, validation } = this;
    tf.dispose([this.#featureTable, this.#labelTable, this.#targetTable, training.inputs, training.targets, training.labels, validation.inputs, validation.targets, validation.labels]);
  }

  #evaluationSet(indices: ArrayLike<number>): EvaluationSet {
    const tensors = tf.tidy(() => {
      const rows = tf.tensor1d(Int32Array.from(indices), 'int32');
      return {
        inputs: tf.expandDims(tf.gather(this.#featureTable, rows), 0) as tf.Tensor3D,
        targets: tf.expandDims(tf.gather(this.#targetTable, rows), 0) as tf.Tensor3D,
        labels: tf.expandDims(tf.gather(this.#labelTable, rows), 0) as tf.Tensor2D,
      };
    });
    return { ...tensors, rowCount: indices.length };
  }
}
