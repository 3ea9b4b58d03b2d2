import { hiddenWidths, isHypergradient, type ModelSettings } from '../../core/modelSettings';
import { maxOf } from '../../core/extent';
import { fusedLayout, populationWidths, statusStride, workgroupBytes, type FusedStructure } from './fusedLayout';
import { rowwiseCost, rowwiseLimit } from './fusedRowwise';

/** Whether the fused trainer can run a set of trials, and why not when it can't. */
export type FusedSupport = { supported: true; structure: FusedStructure } | { supported: false; reason: string };

/** What supportsFused needs to know besides the trials. */
export interface FusedSupportContext {
  /** Input columns of the data. */
  featureCount: number;
  /** Classes (≥ 2), or 0 for regression. */
  classCount: number;
  /** Training rows. */
  trainCount: number;
  /** The device's limits, if known (without them: WebGPU's defaults for workgroup memory, no buffer check). */
  limits?: Pick<GPUSupportedLimits, 'maxStorageBufferBindingSize' | 'maxComputeWorkgroupsPerDimension' | 'maxComputeWorkgroupStorageSize'>;
  /** Epoch records held per submit (sizes the status buffer). */
  recordCapacity?: number;
}

/** Widest layers and most classes the fused kernel is written for. */
export const fusedLimits = { hiddenLayers: 6, units: 128, classes: 64, features: 256 } as const;

/** Threads per workgroup: 32 for small layers, 64 from 64 units up. */
export function fusedWorkgroupSize(hiddenWidth: number): number {
  return hiddenWidth >= 64 ? 64 : 32;
}

/**
 * Checks that trials can train together in the fused kernel: all MLPs of one depth and
 * activation (each layer's units, batch size, Adam's β's and every training setting, hypergradient descent included, may differ;
 * each layer is padded to its widest trial, the padding masked), within fusedLimits and
 * the device's buffer limits. Returns the shader's structure, or the reason it can't.
 */
export function supportsFused(trials: { settings: ModelSettings }[], context: FusedSupportContext): FusedSupport {
  if (trials.length === 0) return { supported: false, reason: 'no trials' };
  const first = trials[0].settings;
  for (const { settings } of trials) {
    if (settings.kind !== 'mlp') return { supported: false, reason: `the fused kernel trains MLPs, not ${settings.kind}` };
    if (settings.hiddenLayers !== first.hiddenLayers || settings.activation !== first.activation) {
      return { supported: false, reason: 'trials differ in depth or activation: train them as separate populations' };
    }
    if (settings.hiddenLayers > fusedLimits.hiddenLayers) return { supported: false, reason: `more than ${fusedLimits.hiddenLayers} hidden layers` };
    if (hiddenWidths(settings).some((units) => units > fusedLimits.units)) return { supported: false, reason: `more than ${fusedLimits.units} units per layer` };
    if (settings.dropout < 0 || settings.dropout >= 1) return { supported: false, reason: `dropout ${settings.dropout} is outside [0, 1)` };
  }
  if (context.classCount > fusedLimits.classes) return { supported: false, reason: `more than ${fusedLimits.classes} classes` };
  if (context.featureCount > fusedLimits.features) return { supported: false, reason: `more than ${fusedLimits.features} input columns` };
  if (context.classCount === 1 || context.classCount < 0) return { supported: false, reason: `invalid classCount ${context.classCount}` };
  const widths = populationWidths(trials);
  const hiddenWidth = widths.length > 0 ? maxOf(widths) : 0;
  const largestBatch = maxOf(trials.map((trial) => Math.min(trial.settings.batchSize, context.trainCount)));
  const shape: Omit<FusedStructure, 'local'> = {
    featureCount: context.featureCount,
    outputCount: context.classCount === 0 ? 1 : context.classCount,
    classification: context.classCount > 0,
    hiddenLayers: first.hiddenLayers,
    hiddenWidth,
    hiddenWidths: widths,
    activation: first.activation,
    rows: Math.max(32, largestBatch),
    workgroupSize: fusedWorkgroupSize(hiddenWidth),
    dropout: trials.some((trial) => trial.settings.dropout > 0 && trial.settings.hiddenLayers > 0),
    penalty: trials.some((trial) => trial.settings.l1 > 0 || trial.settings.l2 > 0),
    keepBest: trials.some((trial) => trial.settings.patience > 0 && trial.settings.restoreBestWeights),
    rowwise: false,
    hypergradient: trials.some((trial) => isHypergradient(trial.settings.optimizer)),
  };
  shape.rowwise = rowwiseCost(shape) <= rowwiseLimit;
  const structure: FusedStructure = { ...shape, local: workgroupBytes(shape) <= (context.limits?.maxComputeWorkgroupStorageSize ?? 16384) };
  if (context.limits) {
    const layout = fusedLayout(structure);
    const largest = Math.max(layout.parameterStride, structure.local ? 0 : layout.scratchStride, statusStride(context.recordCapacity ?? 64)) * 4 * trials.length;
    if (largest > context.limits.maxStorageBufferBindingSize) {
      return { supported: false, reason: `the trials' buffers (${(largest / 2 ** 20).toFixed(0)} MiB) exceed this GPU's storage-buffer limit` };
    }
    if (trials.length > context.limits.maxComputeWorkgroupsPerDimension) {
      return { supported: false, reason: `more trials than this GPU's ${context.limits.maxComputeWorkgroupsPerDimension} workgroups per dispatch` };
    }
  }
  return { supported: true, structure };
}
