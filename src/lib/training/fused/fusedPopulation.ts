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
import { createEpochPlanner } from '../epochPlan';
import { initialWeights, type LayerWeights } from '../initialWeights';
import { trainingBaseline } from '../trainTrial';
import { fusedLayout, fusedStates, packTrialSettings, statusFields, statusHeaderWords, statusStride, trialSettingsWords, type FusedPart, type FusedStructure } from './fusedLayout';
import { fusedShader } from './fusedShader';
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
  const { device, features, targets, featureCount, classCount, trainIndices, validationIndices, trials } = options;
  const epochsPerDispatch = Math.max(1, options.epochsPerDispatch ?? 1);
  const capacity = Math.max(1, options.epochsPerSubmit ?? 5);
  const trainCount = trainIndices.length;
  const validationCount = validationIndices.length;
  const support = supportsFused(trials, { featureCount, classCount, trainCount, limits: device.limits, recordCapacity: capacity });
  if (!support.supported) throw new Error(`the fused trainer can't run these trials: ${support.reason}`);
  const structure: FusedStructure = { ...support.structure, local: support.structure.local && options.workgroupMemory !== false };
  if (options.omit?.length) structure.omit = options.omit;
  const layout = fusedLayout(structure);
  const trialCount = trials.length;
  const stride = statusStride(capacity);
  const pipeline = await pipelineFor(device, structure);

  const rowCount = targets.length;
  const targetOffset = rowCount * featureCount;
  const trainIndexOffset = targetOffset + rowCount;
  const validationIndexOffset = trainIndexOffset + trainCount;
  const orderOffset = validationIndexOffset + validationCount;
  const dataWords = new Uint32Array(orderOffset + trialCount * capacity * trainCount);
  new Float32Array(dataWords.buffer, 0, trainIndexOffset).set(features);
  new Float32Array(dataWords.buffer, targetOffset * 4, rowCount).set(targets);
  dataWords.set(Uint32Array.from(trainIndices), trainIndexOffset);
  dataWords.set(Uint32Array.from(validationIndices), validationIndexOffset);

  const settingsBytes = new DataView(new ArrayBuffer(trialCount * trialSettingsWords * 4));
  trials.forEach((trial, k) => packTrialSettings(trial.settings, trial.seed, trainCount, settingsBytes, k * trialSettingsWords * 4));

  const units = trials.map((trial) => (trial.settings.hiddenLayers > 0 ? trial.settings.units : 0));
  const widthsOf = (k: number) => [featureCount, ...Array.from({ length: structure.hiddenLayers }, () => units[k]), structure.outputCount];
  const parameters = new Float32Array(trialCount * layout.parameterStride);
  trials.forEach((trial, k) => {
    const layers = initialWeights(widthsOf(k), trial.settings.initializer, trial.seed, trial.initialScale ?? 1);
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
  }

  const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
  const bufferOf = (contents: ArrayBufferView, label: string, usage = storage) => {
    const buffer = device.createBuffer({ size: Math.max(16, Math.ceil(contents.byteLength / 4) * 4), usage, label });
    device.queue.writeBuffer(buffer, 0, contents.buffer, contents.byteOffset, contents.byteLength);
    return buffer;
  };
  const uniformBuffer = device.createBuffer({ size: 48, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, label: 'fused params' });
  const dataBuffer = bufferOf(dataWords, 'fused data');
  const settingsBuffer = bufferOf(settingsBytes, 'fused trial settings');
  const weightBuffer = bufferOf(parameters, 'fused weights');
  // With weights and scratch in workgroup memory the shader has no scratch binding.
  const scratchBuffer = structure.local ? null : device.createBuffer({ size: Math.max(16, trialCount * layout.scratchStride * 4), usage: GPUBufferUsage.STORAGE, label: 'fused scratch' });
  const statusBuffer = bufferOf(statusWords, 'fused status');
  const statusReadback = device.createBuffer({ size: statusWords.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, label: 'fused status readback' });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [uniformBuffer, dataBuffer, settingsBuffer, weightBuffer, scratchBuffer, statusBuffer].flatMap((buffer, binding) => (buffer ? [{ binding, resource: { buffer } }] : [])),
  });

  const baseline = trainingBaseline(options);
  const planner = createEpochPlanner(
    trials.map((trial) => ({ seed: trial.seed, hiddenUnits: [], dropout: 0 })),
    trainIndices,
    [],
  );
  // The device's view (after the last readback) and the caller's (after the epochs handed out).
  const states: PopulationTrialState[] = trials.map(() => 'running');
  const visibleStates: PopulationTrialState[] = trials.map(() => 'running');
  const epochsDone = trials.map(() => 0);
  const pendingStops = new Set<number>();
  const queued: PopulationEpoch[] = [];
  let globalEpoch = 0;
  let disposed = false;
  let lastStatus: Float32Array = statusWords;

  function handOut(epoch: PopulationEpoch): PopulationEpoch {
    epoch.trials.forEach((entry, k) => {
      if (entry && visibleStates[k] === 'running') visibleStates[k] = entry.state;
    });
    return epoch;
  }

  async function submit(): Promise<PopulationEpoch[]> {
    if (disposed) throw new Error('the population was disposed');
    for (const k of pendingStops) device.queue.writeBuffer(statusBuffer, (k * stride + statusFields.state) * 4, new Uint32Array([fusedStates.stopped]));
    pendingStops.clear();
    const running = trials.map((_, k) => states[k] === 'running');
    const remaining = Math.max(0, ...trials.map((trial, k) => (running[k] ? trial.settings.epochs - epochsDone[k] : 0)));
    const epochCount = Math.min(capacity, remaining);
    if (epochCount === 0) return [];
    const orders = new Uint32Array(trialCount * epochCount * trainCount);
    for (let slot = 0; slot < epochCount; slot++) {
      const { order } = planner.next();
      for (let k = 0; k < trialCount; k++) orders.set(order.subarray(k * trainCount, (k + 1) * trainCount), (k * epochCount + slot) * trainCount);
    }
    device.queue.writeBuffer(dataBuffer, orderOffset * 4, orders);
    const uniforms = new Uint32Array([trainCount, validationCount, targetOffset, trainIndexOffset, validationIndexOffset, orderOffset, epochCount, globalEpoch, epochsPerDispatch, 0, stride, 0]);
    new Float32Array(uniforms.buffer).set([baseline], 11);
    device.queue.writeBuffer(uniformBuffer, 0, uniforms);
    const encoder = device.createCommandEncoder({ label: 'fused epochs' });
    const pass = encoder.beginComputePass({ label: 'fused epochs' });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    for (let done = 0; done < epochCount; done += epochsPerDispatch) pass.dispatchWorkgroups(trialCount);
    pass.end();
    encoder.copyBufferToBuffer(statusBuffer, 0, statusReadback, 0, statusWords.byteLength);
    device.queue.submit([encoder.finish()]);
    await statusReadback.mapAsync(GPUMapMode.READ);
    const values = new Float32Array(statusReadback.getMappedRange().slice(0));
    statusReadback.unmap();
    lastStatus = values;
    const words = new Uint32Array(values.buffer);
    const epochs: PopulationEpoch[] = Array.from({ length: epochCount }, () => ({ trials: trials.map(() => null) }));
    trials.forEach((_, k) => {
      if (!running[k]) return;
      const done = words[k * stride + statusFields.epochsDone];
      const finalState = stateNames.get(words[k * stride + statusFields.state]) ?? 'diverged';
      for (let epoch = epochsDone[k]; epoch < done; epoch++) {
        const record = k * stride + statusHeaderWords + (epoch - globalEpoch) * 4;
        const state = epoch + 1 === done ? finalState : 'running';
        const entry: PopulationTrialEpoch = { epoch: epoch + 1, trainLoss: values[record], validationLoss: values[record + 1], state };
        if (classCount > 0) {
          entry.trainAccuracy = values[record + 2];
          entry.validationAccuracy = values[record + 3];
        }
        epochs[epoch - globalEpoch].trials[k] = entry;
      }
      epochsDone[k] = done;
      states[k] = finalState;
    });
    globalEpoch += epochCount;
    return epochs.filter((epoch) => epoch.trials.some((entry) => entry !== null));
  }

  async function readWeights(): Promise<LayerWeights[][]> {
    const readback = device.createBuffer({ size: parameters.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    try {
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(weightBuffer, 0, readback, 0, parameters.byteLength);
      device.queue.submit([encoder.finish()]);
      await readback.mapAsync(GPUMapMode.READ);
      const values = new Float32Array(readback.getMappedRange().slice(0));
      const words = new Uint32Array(lastStatus.buffer);
      return trials.map((trial, k) => {
        const restored = words[k * stride + statusFields.state] === fusedStates['early-stopped'] && trial.settings.patience > 0 && trial.settings.restoreBestWeights;
        const base = k * layout.parameterStride + (restored ? 3 * layout.parameterCount : 0);
        const widths = widthsOf(k);
        return layout.layers.map((padded, index) => {
          const inputs = widths[index];
          const outputs = widths[index + 1];
          const kernel = new Float32Array(inputs * outputs);
          for (let i = 0; i < inputs; i++) kernel.set(values.subarray(base + padded.kernel + i * padded.outputs, base + padded.kernel + i * padded.outputs + outputs), i * outputs);
          const bias = values.slice(base + padded.bias, base + padded.bias + outputs);
          return { inputs, outputs, kernel, bias };
        });
      });
    } finally {
      readback.destroy();
    }
  }

  return {
    size: trialCount,
    structure,
    states: () => [...visibleStates],
    isFinished: () => visibleStates.every((state) => state !== 'running'),
    async runEpochs() {
      const epochs = queued.length > 0 ? queued.splice(0) : await submit();
      return epochs.map(handOut);
    },
    async runEpoch() {
      if (queued.length === 0) queued.push(...(await submit()));
      const epoch = queued.shift();
      return epoch ? handOut(epoch) : { trials: trials.map(() => null) };
    },
    stop(trialIndex) {
      if (trialIndex < 0 || trialIndex >= trialCount) throw new Error(`invalid trial index: ${trialIndex}`);
      if (visibleStates[trialIndex] !== 'running') return;
      visibleStates[trialIndex] = 'stopped';
      for (const epoch of queued) epoch.trials[trialIndex] = null;
      if (states[trialIndex] === 'running') {
        states[trialIndex] = 'stopped';
        pendingStops.add(trialIndex);
      }
    },
    readWeights,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const buffer of [uniformBuffer, dataBuffer, settingsBuffer, weightBuffer, scratchBuffer, statusBuffer, statusReadback]) buffer?.destroy();
    },
  };
}
