/**
 * Where everything lives in the fused trainer's GPU buffers. Pure arithmetic, shared by the
 * WGSL generator (fusedShader.ts) and the runner (fusedPopulation.ts), so both agree on every
 * offset. All sizes count 32-bit words.
 */
import { hiddenWidths, isHypergradient, type Activation, type ModelSettings } from '../../core/modelSettings';
import { updateCoefficients } from '../stackedOptimizer';
import type { PopulationTrialState } from '../populationProgress';

/** What the generated shader is specialised on: trials that share these share one pipeline. */
export interface FusedStructure {
  /** Input columns. */
  featureCount: number;
  /** Output units: classCount, or 1 for regression. */
  outputCount: number;
  /** True for softmax cross-entropy on classes, false for mean squared error. */
  classification: boolean;
  /** Hidden layers, 0–6. */
  hiddenLayers: number;
  /** Widest hidden layer of any trial and layer (the row stride of hidden activations in scratch). */
  hiddenWidth: number;
  /** Each hidden layer's width padded to the population's widest in that layer (kernels and biases); absent: hiddenWidth for all. */
  hiddenWidths?: number[];
  /** Hidden-layer activation. */
  activation: Activation;
  /** Rows of the per-trial scratch (largest batch, and the evaluation chunk). */
  rows: number;
  /** Threads per workgroup (one workgroup trains one trial). */
  workgroupSize: number;
  /** Whether any trial uses dropout (otherwise its code is left out). */
  dropout: boolean;
  /** Whether any trial uses an L1 or L2 penalty. */
  penalty: boolean;
  /** Whether any trial keeps a copy of its best weights (early stopping with restoreBestWeights). */
  keepBest: boolean;
  /** Weights and scratch in workgroup memory (when they fit the device's limit), else in storage buffers. */
  local: boolean;
  /** One thread per row with unrolled layers (small networks, fusedRowwise.ts), else one thread per (row, unit) with loops. */
  rowwise?: boolean;
  /** Whether any trial adapts its learning rate by hypergradient descent (sgd-hd, adam-hd): each parameter then keeps its previous direction. */
  hypergradient?: boolean;
  /** Profiling only: parts of the epoch left out, to time the rest (results are then wrong). */
  omit?: FusedPart[];
}

/** Parts of a fused epoch a profiling run can leave out: the end-of-epoch losses, the whole backward pass, or only its gradient sums and updates. */
export type FusedPart = 'evaluation' | 'backward' | 'gradients';

/** Offsets of one dense layer's parameters inside a trial's parameter block. */
export interface FusedLayerLayout {
  /** Padded fan-in (kernel rows). */
  inputs: number;
  /** Padded fan-out (kernel columns and bias length). */
  outputs: number;
  /** First word of the kernel, row-major [inputs, outputs]. */
  kernel: number;
  /** First word of the bias [outputs]. */
  bias: number;
}

/** Every offset of the fused trainer's buffers for one structure. */
export interface FusedLayout {
  /** Dense layers, input to output. */
  layers: FusedLayerLayout[];
  /** Parameters of one trial (kernels and biases, padded). */
  parameterCount: number;
  /** Words per trial in the parameter buffer: weights, first moments, second moments (+ best weights) (+ previous directions). */
  parameterStride: number;
  /** Hypergradient only: first word of the previous directions d_{t−1} in a trial's parameter block (else 0). */
  previous: number;
  /** Row stride of the delta buffers: max(hiddenWidth, outputCount). */
  deltaWidth: number;
  /** First word of hidden layer h's activations in a trial's scratch, [rows, hiddenWidth]. */
  hiddenActivations: number[];
  /** First word of the outputs in a trial's scratch, [rows, outputCount]. */
  outputs: number;
  /** First words of the two delta buffers in a trial's scratch, each [rows, deltaWidth]. */
  deltas: [number, number];
  /** Rowwise only: first word of each layer's output deltas, [rows, deltaWidth], input layer first (else []). */
  layerDeltas: number[];
  /** Words per trial in the scratch buffer. */
  scratchStride: number;
}

/** Words per trial of the settings buffer (see packTrialSettings). */
export const trialSettingsWords = 25;
/** Hidden-layer widths each trial's settings carry (fusedLimits.hiddenLayers). */
export const trialWidthWords = 6;
/** Words per trial of the status buffer before the epoch records. */
export const statusHeaderWords = 9;
/** Words per epoch record: train loss, validation loss, train accuracy, validation accuracy, learning rate at the epoch's end. */
export const recordWords = 5;

/** Trial states (the population's words) as the shader writes them in the status buffer. */
export const fusedStates = { running: 0, diverged: 1, 'early-stopped': 2, complete: 3, stopped: 4 } as const satisfies Record<PopulationTrialState, number>;

/** Status header fields (word offsets inside a trial's status block). */
export const statusFields = {
  epochsDone: 0,
  state: 1,
  bestValidation: 2,
  sinceBest: 3,
  firstTrainLoss: 4,
  bestEpoch: 5,
  firstPower: 6,
  secondPower: 7,
  learningRate: 8,
} as const;

/** Padded widths of a structure's layers, input to output: features, each hidden layer's padded width, outputs. */
export function paddedWidths(structure: Pick<FusedStructure, 'featureCount' | 'outputCount' | 'hiddenLayers' | 'hiddenWidth' | 'hiddenWidths'>): number[] {
  const hidden = structure.hiddenWidths ?? Array.from({ length: structure.hiddenLayers }, () => structure.hiddenWidth);
  return [structure.featureCount, ...hidden, structure.outputCount];
}

/** Each hidden layer's width padded to the widest of the trials in that layer (all trials of one depth). */
export function populationWidths(trials: { settings: ModelSettings }[]): number[] {
  const widths = trials.map(({ settings }) => hiddenWidths(settings));
  return widths[0].map((_, layer) => widths.reduce((widest, trial) => Math.max(widest, trial[layer]), 0));
}

/** Computes the buffer layout of a structure. */
export function fusedLayout(structure: FusedStructure): FusedLayout {
  const { outputCount, hiddenLayers, hiddenWidth, rows } = structure;
  const widths = paddedWidths(structure);
  const layers: FusedLayerLayout[] = [];
  let offset = 0;
  for (let layer = 0; layer + 1 < widths.length; layer++) {
    const inputs = widths[layer];
    const outputs = widths[layer + 1];
    layers.push({ inputs, outputs, kernel: offset, bias: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  }
  const parameterCount = offset;
  const blocks = structure.keepBest ? 4 : 3;
  const parameterStride = parameterCount * (blocks + (structure.hypergradient ? 1 : 0));
  const previous = structure.hypergradient ? parameterCount * blocks : 0;
  const deltaWidth = Math.max(hiddenWidth, outputCount);
  const hiddenActivations = Array.from({ length: hiddenLayers }, (_, h) => h * rows * hiddenWidth);
  const outputs = hiddenLayers * rows * hiddenWidth;
  const firstDelta = outputs + rows * outputCount;
  const deltas: [number, number] = [firstDelta, firstDelta + rows * deltaWidth];
  const regions = structure.rowwise ? Math.max(2, hiddenLayers + 1) : 2;
  const layerDeltas = structure.rowwise ? Array.from({ length: hiddenLayers + 1 }, (_, index) => firstDelta + index * rows * deltaWidth) : [];
  return { layers, parameterCount, parameterStride, previous, deltaWidth, hiddenActivations, outputs, deltas, layerDeltas, scratchStride: firstDelta + regions * rows * deltaWidth };
}

/** Bytes of workgroup memory a structure needs to keep its weights and scratch there. */
export function workgroupBytes(structure: Omit<FusedStructure, 'local'>): number {
  const layout = fusedLayout({ ...structure, local: true });
  return 4 * (3 * layout.parameterCount + layout.scratchStride + 4 * structure.workgroupSize + 4);
}

/** Words per trial of the status buffer holding `recordCapacity` epoch records. */
export function statusStride(recordCapacity: number): number {
  return statusHeaderWords + recordWords * recordCapacity;
}

/**
 * One trial's settings as the shader reads them, 25 words (u32 and f32 bits): the widths of
 * hidden layers 1–6 (0 past its depth), batchSize, epochs, patience, keepBest, seed, dropout,
 * learningRate, l1, l2, the 8 update coefficients of stackedOptimizer.ts's unified rule
 * (Adam's β1, β2 and their bias-correction bases are the trial's own; sgd-hd and adam-hd use
 * sgd's and adam's), then 1 for hypergradient descent (else 0) and its rate β.
 */
export function packTrialSettings(settings: ModelSettings, seed: number, trainCount: number, target: DataView, byteOffset: number): void {
  const widths = hiddenWidths(settings);
  const words = [
    ...Array.from({ length: trialWidthWords }, (_, layer) => widths[layer] ?? 0),
    Math.max(1, Math.min(settings.batchSize, trainCount)),
    settings.epochs,
    settings.patience,
    settings.patience > 0 && settings.restoreBestWeights ? 1 : 0,
    seed >>> 0,
  ];
  words.forEach((value, index) => target.setUint32(byteOffset + 4 * index, value, true));
  const hypergradient = isHypergradient(settings.optimizer);
  const rule = hypergradient ? { ...settings, optimizer: settings.optimizer === 'sgd-hd' ? 'sgd' as const : 'adam' as const } : settings;
  const floats = [settings.dropout, settings.learningRate, settings.l1, settings.l2, ...updateCoefficients(rule)];
  floats.forEach((value, index) => target.setFloat32(byteOffset + 4 * (words.length + index), value, true));
  const tail = byteOffset + 4 * (words.length + floats.length);
  target.setUint32(tail, hypergradient ? 1 : 0, true);
  target.setFloat32(tail + 4, hypergradient ? settings.hypergradientRate : 0, true);
}
