/**
 * The page behind tests/e2e/fused.test.ts (bundled by the test with esbuild): trains the same
 * trials with the fused WebGPU trainer and with the TF.js population (the reference, on TF.js's
 * CPU backend) and hands both histories back through window.fusedTest.
 */
import * as tf from '@tensorflow/tfjs';
import { defaultModelSettings, type ModelSettings } from '../../src/lib/core/modelSettings';
import { blobs } from '../../src/lib/datasets/blobs';
import { sine } from '../../src/lib/datasets/sine';
import { spiral } from '../../src/lib/datasets/spiral';
import { createPopulation, type Population, type PopulationOptions } from '../../src/lib/training/population';
import { createFusedPopulation } from '../../src/lib/training/fused/fusedPopulation';
import { requestTrainingDevice } from '../../src/lib/training/webgpuDevice';
import { hypergradientReference } from './fusedHypergradientReference';

/** One run of the page: a dataset, trials and how many epochs to report. */
export interface FusedTestRun {
  dataset: 'spiral' | 'blobs' | 'sine';
  samples: number;
  trials: { settings: Partial<ModelSettings>; seed: number }[];
  /** Epochs per readback of the fused trainer. */
  epochsPerSubmit?: number;
  epochsPerDispatch?: number;
  /** false forces weights and scratch into storage buffers (the path layers too wide for workgroup memory take). */
  workgroupMemory?: boolean;
}

/** One trial's reported epochs: [trainLoss, validationLoss, trainAccuracy, validationAccuracy, state, learningRate (hypergradient trials)]. */
export type FusedTestHistory = [number, number, number | null, number | null, string, number?][];

/** What a run hands back: each trial's epochs, and every trial's final weights (kernels then biases, flattened). */
export interface FusedTestResult {
  histories: FusedTestHistory[];
  weights: number[][];
  /** Fused runs only: the kernel that ran ('rowwise' unrolled rows, or 'looped'). */
  kernel?: 'rowwise' | 'looped';
}

function options(run: FusedTestRun): PopulationOptions {
  const data = run.dataset === 'spiral' ? spiral({ samples: run.samples, noise: 0.1, seed: 3 })
    : run.dataset === 'blobs' ? blobs({ samples: run.samples, noise: 0.5, classes: 3, seed: 3 })
    : sine({ samples: run.samples, noise: 0.3, seed: 3 });
  const rows = Array.from({ length: data.size }, (_, i) => i);
  return {
    features: data.features,
    targets: data.targets,
    featureCount: data.featureCount,
    classCount: data.classCount,
    trainIndices: rows.filter((i) => i % 5 !== 0),
    validationIndices: rows.filter((i) => i % 5 === 0),
    trials: run.trials.map(({ settings, seed }) => ({ settings: { ...defaultModelSettings, ...settings }, seed })),
  };
}

async function history(population: Population): Promise<FusedTestResult> {
  const histories: FusedTestHistory[] = Array.from({ length: population.size }, () => []);
  try {
    while (!population.isFinished()) {
      const epoch = await population.runEpoch();
      epoch.trials.forEach((entry, k) => {
        if (!entry) return;
        histories[k].push([entry.trainLoss, entry.validationLoss, entry.trainAccuracy ?? null, entry.validationAccuracy ?? null, entry.state]);
        if (entry.learningRate !== undefined) histories[k].at(-1)!.push(entry.learningRate);
      });
    }
    const weights = (await population.readWeights()).map((layers) => layers.flatMap((layer) => [...layer.kernel, ...layer.bias]));
    return { histories, weights };
  } finally {
    population.dispose();
  }
}

let device: GPUDevice | null = null;

async function fused(run: FusedTestRun): Promise<FusedTestResult> {
  if (!device) {
    const adapter = await navigator.gpu?.requestAdapter();
    if (!adapter) throw new Error('no WebGPU adapter in this browser');
    device = await requestTrainingDevice(adapter);
  }
  const population = await createFusedPopulation({ ...options(run), device, epochsPerSubmit: run.epochsPerSubmit, epochsPerDispatch: run.epochsPerDispatch, workgroupMemory: run.workgroupMemory });
  const kernel = population.structure.rowwise ? 'rowwise' : 'looped';
  return { ...(await history(population)), kernel };
}

async function reference(run: FusedTestRun): Promise<FusedTestResult> {
  await tf.setBackend('cpu');
  return history(createPopulation(options(run)));
}

/** The hypergradient trials' reference: each trial alone on TF.js with HypergradientOptimizer, same weights and order (no final weights). */
async function hypergradient(run: FusedTestRun): Promise<FusedTestResult> {
  return { histories: await hypergradientReference(options(run)), weights: [] };
}

declare global {
  interface Window {
    /** Entry points for tests/e2e/fused.test.ts. */
    fusedTest: { fused: typeof fused; reference: typeof reference; hypergradient: typeof hypergradient };
  }
}
window.fusedTest = { fused, reference, hypergradient };
