/**
 * The fused population trainer: K MLP trials trained on a GPUDevice by one generated compute
 * shader (fusedShader.ts), one workgroup per trial, several epochs per dispatch and several
 * dispatches per submit, with one readback per submit for every trial's records. It speaks the
 * same Population interface as the TF.js population (population.ts), which stays the reference:
 * same initial weights (initialWeights.ts), same data order (epochPlan.ts), same loss, update
 * rule, divergence and early-stopping rules. Dropout draws come from a counter-based hash in
 * the shader instead of the host's stream, so dropout runs agree in distribution, not bit for bit.
 */
import type { Population, PopulationEpoch, PopulationOptions, PopulationTrialEpoch, PopulationTrialState } from '../population';
import { appendAll, maxOf } from '../../core/extent';
import { createEpochPlanner, type EpochPlanner } from '../epochPlan';
import type { LayerWeights } from '../initialWeights';
import { trainingBaseline } from '../trainTrial';
import { isHypergradient } from '../../core/modelSettings';
import { fusedLayout, fusedStates, recordWords, statusFields, statusHeaderWords, statusStride, type FusedLayout, type FusedPart, type FusedStructure } from './fusedLayout';
import { createBuffers, type FusedBuffers } from './fusedBuffers';
import { fusedWidths, packFused, type FusedPacking } from './fusedPacking';
import { fusedShader } from './fusedShader';
import { readWords, unpackTrialWeights } from './fusedWeights';
import { supportsFused } from './supportsFused';

/** Options of the fused population: the TF.js population's, plus the device and the batching. */
export interface FusedPopulationOptions extends PopulationOptions {
  /** The device to train on (in the app, the one TF.js's WebGPU backend owns). */
  device: GPUDevice;
  /** Epochs each dispatch trains (default 1). */
  epochsPerDispatch?: number;
  /** Epochs trained between two readbacks, in one command buffer (default 5). */
  epochsPerSubmit?: number;
  /** false keeps weights and scratch in storage buffers even where workgroup memory would hold them (for comparison). */
  workgroupMemory?: boolean;
  /** Profiling only: parts of each epoch to leave out (see FusedPart). */
  omit?: FusedPart[];
  /** false keeps the looped passes even where the unrolled row-per-thread ones apply (for comparison). */
  rowwise?: boolean;
}

/** A population trained by the fused kernel; runEpochs returns every epoch of one submit. */
export interface FusedPopulation extends Population {
  /** Trains up to epochsPerSubmit epochs of every running trial with one readback; [] when finished. */
  runEpochs(): Promise<PopulationEpoch[]>;
  /** The structure its shader was generated for. */
  readonly structure: FusedStructure;
}

const pipelines = new WeakMap<GPUDevice, Map<string, Promise<GPUComputePipeline>>>();

/** The compute pipeline of a structure on a device, compiled once and cached. */
function pipelineFor(device: GPUDevice, structure: FusedStructure): Promise<GPUComputePipeline> {
  let cache = pipelines.get(device);
  if (!cache) pipelines.set(device, (cache = new Map()));
  const key = JSON.stringify(structure);
  let pipeline = cache.get(key);
  if (!pipeline) {
    const module = device.createShaderModule({ code: fusedShader(structure), label: 'fused trainer' });
    pipeline = device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: 'fused trainer' }).catch(async (error) => {
      cache.delete(key);
      const info = await module.getCompilationInfo();
      const messages = info.messages.map((message) => `${message.lineNum}:${message.linePos} ${message.message}`).join('; ');
      throw new Error(`the fused trainer's shader failed to compile: ${messages || String(error)}`);
    });
    cache.set(key, pipeline);
  }
  return pipeline;
}

/** The state of each code in fusedStates. */
const stateNames = new Map<number, PopulationTrialState>(Object.entries(fusedStates).map(([name, code]) => [code, name as PopulationTrialState]));

/** Creates a fused population; throws with supportsFused's reason when the trials don't fit it. */
export async function createFusedPopulation(options: FusedPopulationOptions): Promise<FusedPopulation> {
  const { device, featureCount, classCount, trainIndices, trials } = options;
  const capacity = Math.max(1, options.epochsPerSubmit ?? 5);
  const support = supportsFused(trials, { featureCount, classCount, trainCount: trainIndices.length, limits: device.limits, recordCapacity: capacity });
  if (!support.supported) throw new Error(`the fused trainer can't run these trials: ${support.reason}`);
  const structure: FusedStructure = { ...support.structure, local: support.structure.local && options.workgroupMemory !== false, rowwise: support.structure.rowwise && options.rowwise !== false };
  if (options.omit?.length) structure.omit = options.omit;
  return new FusedTrainer(options, structure, await pipelineFor(device, structure), capacity);
}

/** K trials trained by the fused kernel; keeps the device's view of each trial and the caller's. */
class FusedTrainer implements FusedPopulation {
  readonly size: number;
  readonly structure: FusedStructure;
  readonly #options: FusedPopulationOptions;
  readonly #device: GPUDevice;
  readonly #pipeline: GPUComputePipeline;
  readonly #layout: FusedLayout;
  readonly #capacity: number;
  readonly #epochsPerDispatch: number;
  readonly #stride: number;
  readonly #packed: FusedPacking;
  readonly #buffers: FusedBuffers;
  readonly #baseline: number;
  readonly #planner: EpochPlanner;
  // The device's view (after the last readback) and the caller's (after the epochs handed out).
  readonly #states: PopulationTrialState[];
  readonly #visibleStates: PopulationTrialState[];
  readonly #epochsDone: number[];
  readonly #pendingStops = new Set<number>();
  readonly #queued: PopulationEpoch[] = [];
  #globalEpoch = 0;
  #disposed = false;
  #lastStatus: Float32Array;

  constructor(options: FusedPopulationOptions, structure: FusedStructure, pipeline: GPUComputePipeline, capacity: number) {
    const { device, trials } = options;
    this.size = trials.length;
    this.structure = structure;
    this.#options = options;
    this.#device = device;
    this.#pipeline = pipeline;
    this.#layout = fusedLayout(structure);
    this.#capacity = capacity;
    this.#epochsPerDispatch = Math.max(1, options.epochsPerDispatch ?? 1);
    this.#stride = statusStride(capacity);
    this.#packed = packFused(options, structure, this.#layout, capacity, this.#stride);
    this.#buffers = createBuffers(device, pipeline, this.#packed, structure.local ? null : this.size * this.#layout.scratchStride);
    this.#baseline = trainingBaseline(options);
    this.#planner = createEpochPlanner(trials.map((trial) => ({ seed: trial.seed, hiddenUnits: [], dropout: 0 })), options.trainIndices, []);
    this.#states = trials.map(() => 'running');
    this.#visibleStates = trials.map(() => 'running');
    this.#epochsDone = trials.map(() => 0);
    this.#lastStatus = this.#packed.statusWords;
  }

  states(): PopulationTrialState[] {
    return [...this.#visibleStates];
  }

  isFinished(): boolean {
    return this.#visibleStates.every((state) => state !== 'running');
  }

  async runEpochs(): Promise<PopulationEpoch[]> {
    const epochs = this.#queued.length > 0 ? this.#queued.splice(0) : await this.#submit();
    return epochs.map((epoch) => this.#handOut(epoch));
  }

  async runEpoch(): Promise<PopulationEpoch> {
    if (this.#queued.length === 0) appendAll(this.#queued, await this.#submit());
    const epoch = this.#queued.shift();
    return epoch ? this.#handOut(epoch) : { trials: this.#options.trials.map(() => null) };
  }

  stop(trialIndex: number): void {
    if (trialIndex < 0 || trialIndex >= this.size) throw new Error(`invalid trial index: ${trialIndex}`);
    if (this.#visibleStates[trialIndex] !== 'running') return;
    this.#visibleStates[trialIndex] = 'stopped';
    for (const epoch of this.#queued) epoch.trials[trialIndex] = null;
    if (this.#states[trialIndex] === 'running') {
      this.#states[trialIndex] = 'stopped';
      this.#pendingStops.add(trialIndex);
    }
  }

  async readWeights(): Promise<LayerWeights[][]> {
    const layout = this.#layout;
    const values = await readWords(this.#device, this.#buffers.weights, 0, this.#packed.parameters.length);
    const words = new Uint32Array(this.#lastStatus.buffer);
    return this.#options.trials.map((trial, k) => {
      const restored = words[k * this.#stride + statusFields.state] === fusedStates['early-stopped'] && trial.settings.patience > 0 && trial.settings.restoreBestWeights;
      const base = k * layout.parameterStride + (restored ? 3 * layout.parameterCount : 0);
      return unpackTrialWeights(values, base, layout, fusedWidths(this.#options, this.structure, k));
    });
  }

  async readTrialWeights(trialIndex: number): Promise<LayerWeights[] | null> {
    // Epochs of the last submit still queued: the device's weights are past the epochs handed out.
    if (this.#queued.length > 0 || this.#disposed) return null;
    const { parameterStride, parameterCount } = this.#layout;
    const values = await readWords(this.#device, this.#buffers.weights, trialIndex * parameterStride, parameterCount);
    return unpackTrialWeights(values, 0, this.#layout, fusedWidths(this.#options, this.structure, trialIndex));
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const { uniform, data, settings, weights, scratch, status, statusReadback } = this.#buffers;
    for (const buffer of [uniform, data, settings, weights, scratch, status, statusReadback]) buffer?.destroy();
  }

  #handOut(epoch: PopulationEpoch): PopulationEpoch {
    epoch.trials.forEach((entry, k) => {
      if (entry && this.#visibleStates[k] === 'running') this.#visibleStates[k] = entry.state;
    });
    return epoch;
  }

  /** Trains up to `capacity` epochs of every running trial in one command buffer and reads the status back once. */
  async #submit(): Promise<PopulationEpoch[]> {
    if (this.#disposed) throw new Error('the population was disposed');
    const device = this.#device;
    const { trials } = this.#options;
    for (const k of this.#pendingStops) device.queue.writeBuffer(this.#buffers.status, (k * this.#stride + statusFields.state) * 4, new Uint32Array([fusedStates.stopped]));
    this.#pendingStops.clear();
    const running = trials.map((_, k) => this.#states[k] === 'running');
    const remaining = Math.max(0, maxOf(trials.map((trial, k) => (running[k] ? trial.settings.epochs - this.#epochsDone[k] : 0))));
    const epochCount = Math.min(this.#capacity, remaining);
    if (epochCount === 0) return [];
    this.#encode(epochCount);
    const { statusReadback } = this.#buffers;
    await statusReadback.mapAsync(GPUMapMode.READ);
    const values = new Float32Array(statusReadback.getMappedRange().slice(0));
    statusReadback.unmap();
    this.#lastStatus = values;
    const epochs = this.#records(values, running, epochCount);
    this.#globalEpoch += epochCount;
    return epochs.filter((epoch) => epoch.trials.some((entry) => entry !== null));
  }

  /** Writes this submit's data orders and uniforms, then submits `epochCount` epochs and the status copy. */
  #encode(epochCount: number): void {
    const device = this.#device;
    const trialCount = this.size;
    const trainCount = this.#options.trainIndices.length;
    const { targetOffset, trainIndexOffset, validationIndexOffset, orderOffset, statusWords } = this.#packed;
    const orders = new Uint32Array(trialCount * epochCount * trainCount);
    for (let slot = 0; slot < epochCount; slot++) {
      const { order } = this.#planner.next();
      for (let k = 0; k < trialCount; k++) orders.set(order.subarray(k * trainCount, (k + 1) * trainCount), (k * epochCount + slot) * trainCount);
    }
    device.queue.writeBuffer(this.#buffers.data, orderOffset * 4, orders);
    const uniforms = new Uint32Array([trainCount, this.#options.validationIndices.length, targetOffset, trainIndexOffset, validationIndexOffset, orderOffset, epochCount, this.#globalEpoch, this.#epochsPerDispatch, 0, this.#stride, 0]);
    new Float32Array(uniforms.buffer).set([this.#baseline], 11);
    device.queue.writeBuffer(this.#buffers.uniform, 0, uniforms);
    const encoder = device.createCommandEncoder({ label: 'fused epochs' });
    const pass = encoder.beginComputePass({ label: 'fused epochs' });
    pass.setPipeline(this.#pipeline);
    pass.setBindGroup(0, this.#buffers.bindGroup);
    for (let done = 0; done < epochCount; done += this.#epochsPerDispatch) pass.dispatchWorkgroups(trialCount);
    pass.end();
    encoder.copyBufferToBuffer(this.#buffers.status, 0, this.#buffers.statusReadback, 0, statusWords.byteLength);
    device.queue.submit([encoder.finish()]);
  }

  /** The records of the epochs the trials that were running trained, [epochCount] × K, from the status words. */
  #records(values: Float32Array, running: boolean[], epochCount: number): PopulationEpoch[] {
    const stride = this.#stride;
    const classCount = this.#options.classCount;
    const words = new Uint32Array(values.buffer);
    const epochs: PopulationEpoch[] = Array.from({ length: epochCount }, () => ({ trials: running.map(() => null) }));
    running.forEach((wasRunning, k) => {
      if (!wasRunning) return;
      const done = words[k * stride + statusFields.epochsDone];
      const finalState = stateNames.get(words[k * stride + statusFields.state]) ?? 'diverged';
      for (let epoch = this.#epochsDone[k]; epoch < done; epoch++) {
        const record = k * stride + statusHeaderWords + (epoch - this.#globalEpoch) * recordWords;
        const state = epoch + 1 === done ? finalState : 'running';
        const entry: PopulationTrialEpoch = { epoch: epoch + 1, trainLoss: values[record], validationLoss: values[record + 1], state };
        if (classCount > 0) {
          entry.trainAccuracy = values[record + 2];
          entry.validationAccuracy = values[record + 3];
        }
        if (isHypergradient(this.#options.trials[k].settings.optimizer)) entry.learningRate = values[record + 4];
        epochs[epoch - this.#globalEpoch].trials[k] = entry;
      }
      this.#epochsDone[k] = done;
      this.#states[k] = finalState;
    });
    return epochs;
  }
}
