// The fused WebGPU trainer's part of the training benchmark (bench/trainBench.ts calls it when
// the backend is WebGPU): trial-epochs per second of the same K trials as the TF.js population,
// on the device TF.js's WebGPU backend owns, and a profile made by leaving parts of the epoch out.
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { FusedPart } from '../src/lib/training/fused/fusedLayout';
import { createFusedPopulation } from '../src/lib/training/fused/fusedPopulation';
import type { PopulationOptions } from '../src/lib/training/population';

/** One measured fused configuration (the same fields as the other records, plus the batching). */
export interface FusedBenchRecord {
  backend: string;
  trials: number;
  mode: 'fused';
  trialEpochsPerSecond: number;
  msPerStep: number;
  /** Dispatches per training step (one dispatch trains a whole epoch of every trial). */
  kernelsPerStep: number;
  readbacksPerEpoch: number;
  peakTensors: number;
  timedEpochs: number;
  timedTrials: number;
  /** Epochs per dispatch and per readback. */
  epochsPerDispatch: number;
  epochsPerSubmit: number;
}

/** Where a fused epoch's time goes, from runs with parts left out (milliseconds per epoch of all K trials). */
export interface FusedProfile {
  trials: number;
  /** The whole epoch. */
  totalMs: number;
  /** Forward passes and output gradients of the training steps. */
  forwardMs: number;
  /** Propagating deltas back through the layers. */
  deltaMs: number;
  /** Batch-gradient sums and the optimiser step. */
  gradientAndUpdateMs: number;
  /** End-of-epoch losses and accuracies on both splits. */
  evaluationMs: number;
  /** The whole epoch with weights and scratch in storage buffers instead of workgroup memory. */
  storageBuffersMs: number;
}

/** The GPUDevice of TF.js's active WebGPU backend. */
export function tfjsDevice(): GPUDevice {
  return (tf.backend() as WebGPUBackend).device;
}

const epochsPerSubmit = 5;

/** One way to build the fused trainer, for comparisons and the profile. */
export interface FusedVariant {
  name: string;
  omit?: FusedPart[];
  workgroupMemory?: boolean;
  rowwise?: boolean;
}

/** Trial-epochs per second of the fused trainer: one warm-up submit, then submits until `epochs` or `maxSeconds`. */
async function timeFused(options: PopulationOptions, epochs: number, maxSeconds: number, omit?: FusedPart[], workgroupMemory = true, rowwise = true) {
  const population = await createFusedPopulation({ ...options, device: tfjsDevice(), epochsPerSubmit, omit, workgroupMemory, rowwise });
  try {
    await population.runEpochs();
    const started = performance.now();
    let timed = 0;
    let submits = 0;
    while (timed < epochs && (timed === 0 || performance.now() - started < maxSeconds * 1000)) {
      timed += (await population.runEpochs()).length;
      submits += 1;
    }
    return { seconds: (performance.now() - started) / 1000, timed, submits };
  } finally {
    population.dispose();
  }
}

/** Measures the fused trainer on K trials; stepsPerEpoch converts to ms per step. */
export async function measureFused(backend: string, options: PopulationOptions, stepsPerEpoch: number, epochs: number, maxSeconds: number): Promise<FusedBenchRecord> {
  const count = options.trials.length;
  const timing = await timeFused(options, epochs, maxSeconds);
  return {
    backend,
    trials: count,
    mode: 'fused',
    trialEpochsPerSecond: (count * timing.timed) / timing.seconds,
    msPerStep: (timing.seconds * 1000) / (timing.timed * stepsPerEpoch),
    kernelsPerStep: 1 / stepsPerEpoch,
    readbacksPerEpoch: timing.submits / timing.timed,
    peakTensors: tf.memory().numTensors,
    timedEpochs: timing.timed,
    timedTrials: count,
    epochsPerDispatch: 1,
    epochsPerSubmit,
  };
}

/** Times the full epoch and three variants with parts left out, and splits the epoch's time by difference. */
export async function profileFused(options: PopulationOptions, epochs: number, maxSeconds: number): Promise<FusedProfile> {
  const msPerEpoch = async (omit?: FusedPart[], workgroupMemory = true) => {
    const timing = await timeFused(options, epochs, maxSeconds, omit, workgroupMemory);
    return (timing.seconds * 1000) / timing.timed;
  };
  const total = await msPerEpoch();
  const withoutEvaluation = await msPerEpoch(['evaluation']);
  const withoutGradients = await msPerEpoch(['evaluation', 'gradients']);
  const forwardOnly = await msPerEpoch(['evaluation', 'backward']);
  const storageBuffers = await msPerEpoch(undefined, false);
  return {
    trials: options.trials.length,
    totalMs: total,
    forwardMs: forwardOnly,
    deltaMs: withoutGradients - forwardOnly,
    gradientAndUpdateMs: withoutEvaluation - withoutGradients,
    evaluationMs: total - withoutEvaluation,
    storageBuffersMs: storageBuffers,
  };
}

/**
 * Milliseconds per epoch of all K trials for each variant: every variant's trainer is built (and
 * its shader compiled) first, then `repeats` rounds each time one submit of every variant in turn,
 * so a load change on a shared machine hits all variants alike. One sample per submit.
 */
export async function compareFused(options: PopulationOptions, variants: FusedVariant[], repeats: number): Promise<Record<string, number[]>> {
  const populations = [];
  for (const variant of variants) {
    const population = await createFusedPopulation({ ...options, device: tfjsDevice(), epochsPerSubmit, omit: variant.omit, workgroupMemory: variant.workgroupMemory, rowwise: variant.rowwise });
    await population.runEpochs();
    populations.push(population);
  }
  const samples: Record<string, number[]> = Object.fromEntries(variants.map((variant) => [variant.name, []]));
  try {
    for (let round = 0; round < repeats; round++) {
      for (const [index, variant] of variants.entries()) {
        const started = performance.now();
        const epochs = (await populations[index].runEpochs()).length;
        samples[variant.name].push((performance.now() - started) / epochs);
      }
    }
  } finally {
    populations.forEach((population) => population.dispose());
  }
  return samples;
}
