// Training throughput on a real GPU without a browser: the shared benchmark of
// bench/trainBench.ts (population trainer versus sequential model.fit) run in Node, with
// TF.js's WebGPU backend on Dawn (npm package `webgpu`, dawn.node; Vulkan on Linux) and,
// for reference, TF.js's pure-JS 'cpu' backend.
//
// Built into one file so that node_modules need not travel to the GPU machine:
//   npx esbuild bench/gpu/nodeTrain.ts --bundle --platform=node --format=esm \
//     --main-fields=module,main --outfile=bench/gpu/dist/nodeTrain.mjs \
//     --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
// (bench/gpu/build.sh does that and gathers Node, dawn.node and libvulkan beside it).
// At run time the `webgpu` package is loaded from node_modules/webgpu next to the bundle,
// or from WEBGPU_MODULE (a path to its index.js).
//
// Writes $OUT/train-h100.json when OUT is set, else bench/results/train-h100.json, and prints
// a markdown table. BENCH_BACKENDS (default webgpu,cpu), BENCH_EPOCHS, BENCH_MAX_SECONDS,
// BENCH_SEQUENTIAL_TRIALS and BENCH_SEQUENTIAL_EPOCHS as for bench/train.mjs.
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runTrainBench, type TrainBenchOptions, type TrainBenchRecord, type TrainBenchResult } from '../trainBench';
import { requestTrainingDevice } from '../../src/lib/training/webgpuDevice';

interface DawnModule {
  create: (flags: string[]) => GPU;
  globals: Record<string, unknown>;
}

const trialCounts = (process.env.BENCH_TRIALS ?? '1,8,32,64').split(',').filter(Boolean).map(Number);
const options: Omit<TrainBenchOptions, 'backend'> = {
  // The fused WebGPU trainer (src/lib/training/fused) at the K, and its profile at K = 64.
  fusedTrialCounts: (process.env.BENCH_FUSED_TRIALS ?? '1,8,64,256,1024').split(',').filter(Boolean).map(Number),
  fusedEpochs: Number(process.env.BENCH_FUSED_EPOCHS ?? 50),
  fusedProfileTrials: Number(process.env.BENCH_FUSED_PROFILE_TRIALS ?? 64),
  trialCounts,
  epochs: Number(process.env.BENCH_EPOCHS ?? 5),
  maxSeconds: Number(process.env.BENCH_MAX_SECONDS ?? 8),
  sequentialTrials: Number(process.env.BENCH_SEQUENTIAL_TRIALS ?? 2),
  sequentialEpochs: Number(process.env.BENCH_SEQUENTIAL_EPOCHS ?? 3),
};
const backends = (process.env.BENCH_BACKENDS ?? 'webgpu,cpu').split(',');
const here = dirname(fileURLToPath(import.meta.url));

let adapterDescription = 'none';

/** Loads dawn.node, installs navigator.gpu and the WebGPU globals, registers our own webgpu factory. */
async function prepareWebGPU(): Promise<void> {
  const modulePath = process.env.WEBGPU_MODULE ?? join(here, 'node_modules', 'webgpu', 'index.js');
  const dawn = (await import(pathToFileURL(modulePath).href)) as DawnModule;
  // GPUBufferUsage, GPUMapMode, GPUShaderStage, ... are used by the backend as globals.
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('Dawn found no WebGPU adapter (no Vulkan driver or no libvulkan.so.1?)');
  // adapter.info is newer than this repo's @webgpu/types.
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info ?? ({} as GPUAdapterInfo);
  adapterDescription = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' / ') || 'unknown adapter';
  console.error(`WebGPU adapter: ${adapterDescription}; features: ${[...adapter.features].join(', ') || 'none'}`);
  const device = await requestTrainingDevice(adapter);
  device.lost.then((lost) => console.error(`WebGPU device lost: ${lost.reason} ${lost.message}`));
  device.addEventListener('uncapturederror', (event) => console.error(`WebGPU error: ${(event as GPUUncapturedErrorEvent).error.message}`));
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', () => new WebGPUBackend(device, info), 3);
}

const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0];
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Prints the tables and writes the JSON; called after each backend so a cut-off run still leaves results. */
function writeResults(): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; WebGPU: Dawn (npm webgpu, dawn.node) on ${adapterDescription}`;
  const table = [
    '| backend | K | population trial-epochs/s | sequential model.fit trial-epochs/s | speed-up | ms/step (pop / fit) | kernels/step (pop / fit) | readbacks/epoch (pop / fit) | peak tensors (pop / fit) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const checks = [
    '| backend | max relative loss difference, trial in K = 8 vs alone (2 epochs) | 32 trials of 4/8/16/32 units: one padded population | one population per width |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    if ('error' in result) {
      table.push(`| ${result.requested} | — | failed: ${result.error} | | | | | | |`);
      continue;
    }
    const find = (count: number, mode: TrainBenchRecord['mode']) => result.records.find((record) => record.trials === count && record.mode === mode);
    for (const count of trialCounts) {
      const population = find(count, 'population');
      const sequential = find(count, 'sequential');
      if (!population || !sequential) continue;
      table.push(
        `| ${result.backend} | ${count} | ${round(population.trialEpochsPerSecond)} | ${round(sequential.trialEpochsPerSecond, 2)} | ${round(population.trialEpochsPerSecond / sequential.trialEpochsPerSecond)}× | ${round(population.msPerStep)} / ${round(sequential.msPerStep)} | ${round(population.kernelsPerStep)} / ${round(sequential.kernelsPerStep)} | ${round(population.readbacksPerEpoch, 2)} / ${round(sequential.readbacksPerEpoch, 2)} | ${population.peakTensors} / ${sequential.peakTensors} |`,
      );
    }
    checks.push(
      `| ${result.backend} | ${result.maxRelativeDifference.toExponential(1)} | ${round(result.structure.maskedTrialEpochsPerSecond)} trial-epochs/s | ${round(result.structure.separateTrialEpochsPerSecond)} trial-epochs/s |`,
    );
  }
  const fused = [
    '| backend | K | fused trial-epochs/s | fused ÷ population | fused ÷ model.fit | fused ms/step | readbacks/epoch |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const profiles: string[] = [];
  for (const result of results) {
    if ('error' in result) continue;
    const sequential = result.records.find((record) => record.mode === 'sequential');
    for (const record of result.records.filter((candidate) => candidate.mode === 'fused')) {
      const population = result.records.find((candidate) => candidate.mode === 'population' && candidate.trials === record.trials);
      const ratio = (other?: { trialEpochsPerSecond: number }) => (other ? `${round(record.trialEpochsPerSecond / other.trialEpochsPerSecond)}×` : '—');
      fused.push(`| ${result.backend} | ${record.trials} | ${round(record.trialEpochsPerSecond)} | ${ratio(population)} | ${ratio(sequential)} | ${round(record.msPerStep, 3)} | ${round(record.readbacksPerEpoch, 2)} |`);
    }
    const profile = result.fusedProfile;
    if (profile) {
      profiles.push(
        `Fused profile (K = ${profile.trials}, ms per epoch of all K): total ${round(profile.totalMs, 2)}; forward ${round(profile.forwardMs, 2)}; deltas ${round(profile.deltaMs, 2)}; ` +
          `gradient sums + optimiser ${round(profile.gradientAndUpdateMs, 2)}; end-of-epoch losses ${round(profile.evaluationMs, 2)}; storage buffers instead of workgroup memory ${round(profile.storageBuffersMs, 2)}.`,
      );
    }
  }
  const markdown = [`Machine: ${machine}.`, '', table.join('\n'), '', fused.join('\n'), '', ...profiles, '', checks.join('\n')].join('\n');
  console.log(markdown);

  const outFolder = process.env.OUT ?? 'bench/results';
  mkdirSync(outFolder, { recursive: true });
  const outFile = join(outFolder, 'train-h100.json');
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        runtime: `Node ${process.version} (no browser); webgpu = TF.js WebGPU backend on Dawn (npm webgpu 0.6.2)`,
        options,
        results: results.map((result) =>
          'error' in result
            ? result
            : {
                ...result,
                records: result.records.map((record) => ({
                  ...record,
                  trialEpochsPerSecond: round(record.trialEpochsPerSecond, 2),
                  msPerStep: round(record.msPerStep, 2),
                  kernelsPerStep: round(record.kernelsPerStep, 1),
                })),
              },
        ),
        markdown,
      },
      null,
      2,
    ) + '\n',
  );
  console.error(`wrote ${outFile}`);
}

// BENCH_PROBE=1: only check that Dawn finds an adapter and opens a device (exit status 0 if so).
if (process.env.BENCH_PROBE) {
  try {
    await prepareWebGPU();
    process.exit(0);
  } catch (error) {
    console.error(`probe: ${firstLine(error)}`);
    process.exit(1);
  }
}

// A backend that hangs (say, a GPU readback that never resolves) must not eat the whole run.
const backendTimeoutSeconds = Number(process.env.BENCH_BACKEND_TIMEOUT ?? 150);
const progress = (message: string) => console.error(`[${(performance.now() / 1000).toFixed(1)} s] ${message}`);

const results: ({ requested: string; seconds: number } & TrainBenchResult)[] = [];
for (const backend of backends) {
  const started = performance.now();
  let result: TrainBenchResult;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const run = async () => {
      if (backend === 'webgpu') await prepareWebGPU();
      return runTrainBench({ ...options, backend, progress });
    };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${backendTimeoutSeconds} s`)), backendTimeoutSeconds * 1000);
    });
    result = await Promise.race([run(), timeout]);
  } catch (error) {
    result = { error: firstLine(error) };
  } finally {
    clearTimeout(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  progress(`${backend} done in ${seconds.toFixed(0)} s ${'error' in result ? result.error : ''}`);
  results.push({ requested: backend, seconds, ...result });
  writeResults();
}

// dawn.node keeps the event loop alive; leave explicitly.
process.exit(0);
