import * as tf from '../tf';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { createPopulation, type Population, type PopulationOptions } from '../population';
import { createFusedPopulation, type FusedPopulationOptions } from './fusedPopulation';
import { supportsFused } from './supportsFused';

/** A population and which trainer runs it, with the reason when the fused one could not. */
export interface ChosenPopulation {
  population: Population;
  /** 'fused' (one WebGPU dispatch per epoch of all trials) or 'tfjs' (the TF.js stacked population). */
  trainer: 'fused' | 'tfjs';
  /** Why the fused trainer was not used, or null when it was. */
  reason: string | null;
}

/** The device of TF.js's active WebGPU backend, or null on any other backend. */
function webgpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as WebGPUBackend).device ?? null;
}

/**
 * Creates the fastest population available for these trials: the fused trainer on the device
 * TF.js's WebGPU backend owns when the backend is WebGPU and supportsFused accepts the trials
 * (or when its pipeline fails to build, the TF.js population, with the error as reason).
 * `fused`: the fused trainer's batching, where it runs, and the device when TF.js's backend is not WebGPU.
 */
export async function choosePopulation(options: PopulationOptions, fused: Partial<Pick<FusedPopulationOptions, 'epochsPerSubmit' | 'device'>> = {}): Promise<ChosenPopulation> {
  const chosen = await fusedPopulation(options, fused);
  if (chosen.population) return { population: chosen.population, trainer: 'fused', reason: null };
  return { population: createPopulation(options), trainer: 'tfjs', reason: chosen.reason };
}

/** The fused trainer for these trials, or why it can't run them, with no TF.js fallback (for trials only it can train together: hypergradient descent). */
export async function fusedPopulation(options: PopulationOptions, fused: Partial<Pick<FusedPopulationOptions, 'epochsPerSubmit' | 'device'>> = {}): Promise<{ population: Population; reason: null } | { population: null; reason: string }> {
  const device = fused.device ?? webgpuDevice();
  if (!device) return { population: null, reason: `the fused trainer needs WebGPU (backend: ${tf.getBackend()})` };
  const support = supportsFused(options.trials, {
    featureCount: options.featureCount,
    classCount: options.classCount,
    trainCount: options.trainIndices.length,
    limits: device.limits,
  });
  if (!support.supported) return { population: null, reason: support.reason };
  try {
    return { population: await createFusedPopulation({ ...options, ...fused, device }), reason: null };
  } catch (error) {
    return { population: null, reason: error instanceof Error ? error.message : String(error) };
  }
}
