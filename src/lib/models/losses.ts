/**
 * Losses and accuracy of a model's outputs, in the units the MLP reports (cross-entropy in nats,
 * mean squared error), so classic models' curves sit on the same axes as the network's.
 */
import type { EpochRecord } from '../core/trial';
import type { FeatureTable } from './table';

/**
 * Smallest probability the cross-entropy takes the log of. Trees and k-NN give hard 0s; Keras
 * clips at the same 1e-7, so a confidently wrong row costs at most ln(1e7) ≈ 16.1 nats.
 */
export const probabilityFloor = 1e-7;

/** Mean cross-entropy (nats) of class probabilities [size * classCount] against class indices [size]. */
export function crossEntropy(probabilities: ArrayLike<number>, targets: ArrayLike<number>, classCount: number): number {
  let sum = 0;
  for (let row = 0; row < targets.length; row++) {
    const probability = probabilities[row * classCount + targets[row]];
    sum -= Math.log(Math.min(1, Math.max(probabilityFloor, probability)));
  }
  return sum / targets.length;
}

/** Mean squared error of predictions [size] against targets [size] (not halved, as tf.losses.meanSquaredError). */
export function meanSquaredError(predictions: ArrayLike<number>, targets: ArrayLike<number>): number {
  let sum = 0;
  for (let row = 0; row < targets.length; row++) sum += (predictions[row] - targets[row]) ** 2;
  return sum / targets.length;
}

/** Index of the largest value in each row of [size * width]; ties go to the lowest index. */
export function argmaxRows(values: ArrayLike<number>, width: number): Float64Array {
  const size = Math.floor(values.length / width);
  const result = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let best = 0;
    for (let k = 1; k < width; k++) if (values[row * width + k] > values[row * width + best]) best = k;
    result[row] = best;
  }
  return result;
}

/** Share of rows whose predicted class [size] equals the target [size], 0..1. */
export function accuracyOf(predicted: ArrayLike<number>, targets: ArrayLike<number>): number {
  let correct = 0;
  for (let row = 0; row < targets.length; row++) if (predicted[row] === targets[row]) correct++;
  return correct / targets.length;
}

/** A loss and, for classes, an accuracy: one side of an EpochRecord. */
export interface Score {
  /** Cross-entropy (nats) or mean squared error. */
  loss: number;
  /** Share classified correctly; absent for regression. */
  accuracy?: number;
}

/** Scores outputs (probabilities [size * classCount], or predictions [size] for regression) on a table. */
export function scoreOutputs(outputs: ArrayLike<number>, table: FeatureTable): Score {
  if (table.classCount === 0) return { loss: meanSquaredError(outputs, table.targets) };
  return {
    loss: crossEntropy(outputs, table.targets, table.classCount),
    accuracy: accuracyOf(argmaxRows(outputs, table.classCount), table.targets),
  };
}

/** The EpochRecord of one round from the train and validation scores. */
export function epochRecord(epoch: number, train: Score, validation: Score): EpochRecord {
  const record: EpochRecord = { epoch, trainLoss: train.loss, validationLoss: validation.loss };
  if (train.accuracy !== undefined) record.trainAccuracy = train.accuracy;
  if (validation.accuracy !== undefined) record.validationAccuracy = validation.accuracy;
  return record;
}
