/**
 * The host-side contents of the fused trainer's buffers, packed once before the first submit:
 * the dataset and index lists (data), each trial's settings, every trial's initial weights at
 * its padded offsets, and the status words. Plain arrays; fusedPopulation.ts uploads them.
 */
import type { PopulationOptions } from '../population';
import { hiddenWidths } from '../../core/modelSettings';
import { initialWeights } from '../initialWeights';
import { packTrialSettings, statusFields, trialSettingsWords, type FusedLayout, type FusedStructure } from './fusedLayout';

/** Word offsets inside the data buffer (features come first, at 0). */
export interface FusedDataOffsets {
  targetOffset: number;
  trainIndexOffset: number;
  validationIndexOffset: number;
  /** The per-submit data orders, [K, epochs per submit, trainCount]. */
  orderOffset: number;
}

/** Everything the buffers start with. */
export interface FusedPacking extends FusedDataOffsets {
  /** Features, targets, train and validation indices, room for the orders. */
  dataWords: Uint32Array;
  /** Trial k's settings at k * trialSettingsWords words. */
  settingsBytes: DataView;
  /** Initial weights, [K, parameterStride] (moments zero). */
  parameters: Float32Array;
  /** Initial status, [K, statusStride]. */
  statusWords: Float32Array;
}

/** Layer widths of trial k, unpadded: [featureCount, ...each hidden layer's units, outputs]. */
export function fusedWidths(options: PopulationOptions, structure: FusedStructure, k: number): number[] {
  return [options.featureCount, ...hiddenWidths(options.trials[k].settings), structure.outputCount];
}

/** Packs the starting contents of every buffer for `capacity` epochs per submit and a status stride of `stride` words. */
export function packFused(options: PopulationOptions, structure: FusedStructure, layout: FusedLayout, capacity: number, stride: number): FusedPacking {
  const { features, targets, featureCount, trainIndices, validationIndices, trials } = options;
  const trialCount = trials.length;
  const trainCount = trainIndices.length;
  const rowCount = targets.length;
  const targetOffset = rowCount * featureCount;
  const trainIndexOffset = targetOffset + rowCount;
  const validationIndexOffset = trainIndexOffset + trainCount;
  const orderOffset = validationIndexOffset + validationIndices.length;
  const dataWords = new Uint32Array(orderOffset + trialCount * capacity * trainCount);
  new Float32Array(dataWords.buffer, 0, trainIndexOffset).set(features);
  new Float32Array(dataWords.buffer, targetOffset * 4, rowCount).set(targets);
  dataWords.set(Uint32Array.from(trainIndices), trainIndexOffset);
  dataWords.set(Uint32Array.from(validationIndices), validationIndexOffset);

  const settingsBytes = new DataView(new ArrayBuffer(trialCount * trialSettingsWords * 4));
  trials.forEach((trial, k) => packTrialSettings(trial.settings, trial.seed, trainCount, settingsBytes, k * trialSettingsWords * 4));

  const parameters = new Float32Array(trialCount * layout.parameterStride);
  trials.forEach((trial, k) => {
    const layers = initialWeights(fusedWidths(options, structure, k), trial.settings.initializer, trial.seed, trial.initialScale ?? 1);
    layers.forEach((layer, index) => {
      const padded = layout.layers[index];
      const base = k * layout.parameterStride + padded.kernel;
      for (let i = 0; i < layer.inputs; i++) parameters.set(layer.kernel.subarray(i * layer.outputs, (i + 1) * layer.outputs), base + i * padded.outputs);
    });
  });

  const statusWords = new Float32Array(trialCount * stride);
  for (let k = 0; k < trialCount; k++) {
    statusWords[k * stride + statusFields.bestValidation] = Infinity;
    statusWords[k * stride + statusFields.firstPower] = 1;
    statusWords[k * stride + statusFields.secondPower] = 1;
    statusWords[k * stride + statusFields.learningRate] = trials[k].settings.learningRate;
  }
  return { dataWords, settingsBytes, parameters, statusWords, targetOffset, trainIndexOffset, validationIndexOffset, orderOffset };
}
