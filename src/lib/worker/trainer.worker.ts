/// <reference lib="webworker" />
/**
 * The trainer worker: owns TF.js, trains trials one after another, streams their epochs.
 * The page never trains, so its animations stay smooth and a hidden tab keeps training.
 */
import { activeWebGPUDevice, chooseBackend, type BackendName } from '../training/backend';
import { runFitBenchmark } from '../training/fitBenchmark';
import { trainBatch, watchIntervalMs } from '../training/trainPopulation';
import { trainPbt } from '../training/pbtPopulation';
import { trainTrial, type TrainedModel } from '../training/trainTrial';
import type { EpochRecord } from '../core/trial';
import { networkArtifacts, networkFromWeights, networkWeights } from '../training/networkArtifacts';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { LineageEntry } from '../search/pbt';

type PbtLineage = LineageEntry[];
import { AutoBackend, defaultWorkload } from './autoBackend';
import type { CalibrationWorkload } from '../training/calibrate';
import * as tf from '../training/tf';

declare const self: DedicatedWorkerGlobalScope;

type TrainRequest = Extract<WorkerRequest, { type: 'train' }>;
type BatchRequest = Extract<WorkerRequest, { type: 'train-batch' }>;
type PbtRequest = Extract<WorkerRequest, { type: 'train-pbt' }>;

/** Epoch records are sent at most this often (ms), so fast trials don't flood the page. */
const flushIntervalMs = 100;
/** The decision boundary is redrawn at most this often (ms) while a trial trains. */
const probeIntervalMs = 400;

let backendReady: Promise<void> = Promise.resolve();
let requestedBackend: BackendName | 'auto' = 'auto';
let pageHasWebGPU = true;
const queue: (TrainRequest | BatchRequest | PbtRequest)[] = [];
const stopRequested = new Set<number>();
let running = false;
let deviceLost = false;
/** With 'auto': measures and picks per workload (hand-training and search waves apart). */
let auto: AutoBackend | null = null;
let watchedDevice: GPUDevice | null = null;
/** The trial whose network the page draws while it trains (its weights go out during training too), or null. */
let watchedTrial: number | null = null;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function watchDevice(): void {
  const device = activeWebGPUDevice();
  if (!device || device === watchedDevice) return;
  watchedDevice = device;
  device.lost.then((info) => {
    if (activeWebGPUDevice() !== device) return;
    deviceLost = true;
    post({ type: 'backend-lost', message: `the GPU device was lost (${info.message || info.reason}): restarting the backend` });
    // Re-initialise on a fresh device; trials wait for it before they start.
    backendReady = initialise();
  });
}

async function initialise(): Promise<void> {
  try {
    deviceLost = false;
    if (auto) {
      const started = performance.now();
      await useAuto(defaultWorkload(), started, true);
    } else {
      post({ type: 'backend', choice: await chooseBackend(requestedBackend, { pageHasWebGPU }) });
      watchDevice();
    }
  } catch (error) {
    post({ type: 'backend-error', message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** With 'auto', activates the fastest backend for this workload and tells the page about new decisions. */
async function useAuto(workload: CalibrationWorkload, started = performance.now(), announce = false): Promise<void> {
  if (!auto) return;
  const before = tf.getBackend();
  const prepared = await auto.prepare(workload);
  if (!prepared) return;
  const { choice, fresh } = prepared;
  if (fresh) post({ type: 'calibrated', choice });
  if (announce || before !== choice.decision.backend) {
    const skipped = choice.measurements.filter((entry) => entry.error).map((entry) => ({ name: entry.candidate === 'fused' ? 'webgpu' as const : entry.candidate, error: entry.error ?? '' }));
    post({ type: 'backend', choice: { name: choice.decision.backend, reason: choice.decision.reason, skipped, readyMs: performance.now() - started } });
  }
  watchDevice();
}

async function sendProbe(request: TrainRequest, model: TrainedModel, epoch: number): Promise<void> {
  if (!request.probe) return;
  const outputs = model.predict(request.probe);
  try {
    const values = (await outputs.data()) as Float32Array;
    post({ type: 'probe', trialId: request.trialId, epoch, outputs: values, outputSize: outputs.shape[1] }, [values.buffer]);
  } finally {
    outputs.dispose();
  }
}

async function sendWeights(request: TrainRequest, model: TrainedModel, epoch: number): Promise<void> {
  if (!request.weights || !model.network) return;
  const layers = await networkWeights(model.network);
  post({ type: 'weights', trialId: request.trialId, epoch, layers }, layers.flatMap((layer) => [layer.kernel.buffer, layer.bias.buffer]));
}

async function runTrial(request: TrainRequest): Promise<void> {
  let started = performance.now();
  let pending: EpochRecord[] = [];
  let lastFlush = 0;
  let lastProbe = 0;
  let lastWeights = 0;
  const flush = () => {
    if (pending.length === 0) return;
    post({ type: 'epochs', trialId: request.trialId, records: pending });
    pending = [];
    lastFlush = performance.now();
  };
  let model: TrainedModel | null = null;
  try {
    await backendReady;
    await useAuto({ data: request.data, trials: [{ settings: request.settings, seed: request.seed }] });
    // The trial's time is training time: waiting for a backend and calibrating it are not (a lesson compares seconds per epoch).
    started = performance.now();
    const trained = await trainTrial({
      data: request.data,
      settings: request.settings,
      seed: request.seed,
      shouldAbort: () => stopRequested.has(request.trialId) || deviceLost,
      onEpoch: async (record, current) => {
        pending.push(record);
        const now = performance.now();
        if (now - lastFlush >= flushIntervalMs) flush();
        if (request.probe && now - lastProbe >= probeIntervalMs) {
          lastProbe = now;
          await sendProbe(request, current, record.epoch);
        }
        const watched = request.weights === 'end' && watchedTrial === request.trialId;
        if ((request.weights === 'epochs' || watched) && now - lastWeights >= (watched ? watchIntervalMs : probeIntervalMs)) {
          lastWeights = now;
          await sendWeights(request, current, record.epoch);
        }
      },
    });
    model = trained.model;
    flush();
    if (deviceLost) throw new Error('the GPU device was lost during this trial');
    if (trained.epochs.length > 0) await sendProbe(request, trained.model, trained.keptEpoch);
    if (trained.epochs.length > 0) await sendWeights(request, trained.model, trained.keptEpoch);
    if (request.weights && trained.model.network) post({ type: 'model', trialId: request.trialId, artifacts: await networkArtifacts(trained.model.network) });
    post({ type: 'trial-end', trialId: request.trialId, end: trained.end, keptEpoch: trained.keptEpoch, durationMs: performance.now() - started });
  } catch (error) {
    flush();
    const message = deviceLost ? 'the GPU device was lost during this trial' : error instanceof Error ? error.message : String(error);
    post({ type: 'trial-end', trialId: request.trialId, end: 'failed', keptEpoch: 0, durationMs: performance.now() - started, error: message });
  } finally {
    model?.dispose();
    stopRequested.delete(request.trialId);
  }
}

async function runBatch(request: BatchRequest): Promise<void> {
  try {
    await backendReady;
    await useAuto({ data: request.data, trials: request.trials });
  } catch (error) {
    for (const trial of request.trials) {
      post({ type: 'trial-end', trialId: trial.trialId, end: 'failed', keptEpoch: 0, durationMs: 0, error: String(error) });
    }
    return;
  }
  await trainBatch(request.data, request.trials, {
    onEpochs: (entries) => post({ type: 'epochs-batch', entries }),
    onEnd: (trialId, end, keptEpoch, durationMs, error) => {
      stopRequested.delete(trialId);
      const message = end === 'failed' && deviceLost ? 'the GPU device was lost during this trial' : error;
      post({ type: 'trial-end', trialId, end, keptEpoch, durationMs, ...(message ? { error: message } : {}) });
    },
    shouldStop: (trialId) => stopRequested.has(trialId),
    shouldAbort: () => deviceLost,
    onTrainer: (trainer, trials, reason) => post({ type: 'population-trainer', trainer, backend: tf.getBackend() as BackendName, trials, reason }),
    onWeights: request.weights ? (trialId, epoch, layers) => post({ type: 'weights', trialId, epoch, layers }) : undefined,
    watched: () => watchedTrial,
  });
}

async function runPbt(request: PbtRequest): Promise<void> {
  const started = performance.now();
  const { runId } = request;
  let lineage: PbtLineage = [];
  try {
    await backendReady;
    let stepped: PbtLineage | undefined;
    const result = await trainPbt({
      ...request,
      onStep: (entries) => (stepped = [...entries]),
      onEpoch: (epoch, records) => {
        post({ type: 'pbt-epoch', runId, epoch, records, ...(stepped ? { lineage: stepped } : {}) });
        stepped = undefined;
      },
      shouldStop: () => stopRequested.has(runId) || deviceLost,
    });
    lineage = result.lineage;
    if (deviceLost) throw new Error('the GPU device was lost during this run');
    const end = stopRequested.has(runId) ? 'stopped' : 'complete';
    post({ type: 'pbt-end', runId, end, bestMember: result.bestMember, lineage, durationMs: performance.now() - started });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'pbt-end', runId, end: 'failed', bestMember: 0, lineage, durationMs: performance.now() - started, error: message });
  } finally {
    stopRequested.delete(runId);
  }
}

async function drainQueue(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let request = queue.shift(); request; request = queue.shift()) {
      if (request.type === 'train') await runTrial(request);
      else if (request.type === 'train-pbt') await runPbt(request);
      else await runBatch(request);
    }
  } finally {
    running = false;
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      requestedBackend = message.backend;
      pageHasWebGPU = message.pageHasWebGPU;
      auto = message.backend === 'auto' ? new AutoBackend({ pageHasWebGPU }, { ...message.calibrations }, (choice) => post({ type: 'calibrated', choice })) : null;
      // Switch only between trials: the next trial waits for the new backend.
      backendReady = backendReady.catch(() => undefined).then(initialise);
      break;
    case 'train':
    case 'train-batch':
    case 'train-pbt':
      queue.push(message);
      void drainQueue();
      break;
    case 'watch':
      watchedTrial = message.trialId;
      break;
    case 'stop': {
      const index = queue.findIndex((request) => request.type === 'train' && request.trialId === message.trialId);
      if (index >= 0) {
        queue.splice(index, 1);
        post({ type: 'trial-end', trialId: message.trialId, end: 'stopped', keptEpoch: 0, durationMs: 0 });
      } else {
        stopRequested.add(message.trialId);
      }
      break;
    }
    case 'weights-to-model':
      void backendReady
        .then(async () => {
          const network = networkFromWeights(message.settings, message.layers);
          try {
            post({ type: 'model', trialId: message.trialId, artifacts: await networkArtifacts(network) });
          } finally {
            network.dispose();
          }
          post({ type: 'trial-end', trialId: message.trialId, end: 'complete', keptEpoch: 0, durationMs: 0 });
        })
        .catch((error: unknown) => post({ type: 'trial-end', trialId: message.trialId, end: 'failed', keptEpoch: 0, durationMs: 0, error: String(error) }));
      break;
    case 'benchmark-fit':
      backendReady
        .then(() => runFitBenchmark({ epochs: message.epochs }))
        .then((result) => post({ type: 'benchmark-result', result }))
        .catch((error: unknown) => post({ type: 'benchmark-result', result: null, error: String(error) }));
      break;
    case 'simulate-device-loss':
      activeWebGPUDevice()?.destroy();
      break;
    default:
      post({ type: 'backend-error', message: `unknown request ${(message as { type: string }).type}` });
  }
};
