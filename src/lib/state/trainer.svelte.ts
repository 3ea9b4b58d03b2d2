/**
 * The page's one connection to the trainer worker: the backend status as reactive state, and
 * trials sent out with per-trial listeners. The hand-training page and the study share it.
 */
import type { BackendName } from '../core/backendNames';
import type { ModelSettings } from '../core/modelSettings';
import type { EpochRecord, TrainingEnd } from '../core/trial';
import type { BackendChoice } from '../training/backend';
import type { TrialData } from '../core/trialInputs';
import type { LayerWeights, ModelArtifacts } from '../core/networkWeights';
import { TrainerClient } from '../worker/trainerClient';
import { readBackendChoice, saveBackendChoice } from '../storage/backendChoice';
import { pageStore } from '../storage/settledStudies';
import type { LineageEntry } from '../search/pbt';
import type { PbtRequest, WorkerResponse } from '../worker/protocol';
import { followHandChoice, type CalibratedChoice } from '../core/backendDecision';
import { readCalibrations, saveCalibration } from '../storage/calibrationCache';

/** What a trial's sender hears about it. */
export interface TrialListener {
  /** New epoch records, in order (batched by the worker). */
  epochs?(records: EpochRecord[]): void;
  /** Model outputs at the probe rows, [points * outputSize]. */
  probe?(outputs: Float32Array, outputSize: number, epoch: number): void;
  /** The network's weights after an epoch (requested with `weights`). */
  weights?(layers: LayerWeights[], epoch: number): void;
  /** The trained model as TF.js saves it, before the end (requested with `weights`). */
  model?(artifacts: ModelArtifacts): void;
  /** The trial ended; no more messages follow. */
  end(result: TrainingOutcome): void;
}

/** What the sender of a PBT run hears. */
export interface PbtListener {
  /** After each epoch: every member's record (null while diverged), and the lineage after a step. */
  epoch(epoch: number, records: (EpochRecord | null)[], lineage?: LineageEntry[]): void;
  /** The run ended; nothing follows. */
  end(message: Extract<WorkerResponse, { type: 'pbt-end' }>): void;
}

/** How a trial's training ended. */
export interface TrainingOutcome {
  end: TrainingEnd;
  /** Epoch whose weights were kept (from 1; 0 = the last). */
  keptEpoch: number;
  durationMs: number;
  error?: string;
}

/** A trial sent to the worker: its id, a promise of how it ended, and a way to stop it (the promise still settles). */
export interface TrainingRun {
  id: number;
  done: Promise<TrainingOutcome>;
  stop(): void;
}

/** A trial to train: data, settings, seed and optional probe rows. */
export interface TrialRequest {
  data: TrialData;
  settings: ModelSettings;
  seed: number;
  probe?: Float32Array;
  /** Ask for the network's weights ('epochs': while it trains too) and the saved model. */
  weights?: 'end' | 'epochs';
}

/** Reactive handle on the trainer worker. */
export class Trainer {
  /** The backend the person asked for ('auto' = the fastest that works), remembered from the last visit. */
  requestedBackend = $state<BackendName | 'auto'>(readBackendChoice(pageStore()));
  /** The backend in use and why, once the worker has one. */
  backend = $state<BackendChoice | null>(null);
  /** Why no backend could start, if none could. */
  backendError = $state('');
  /** The last backend notice (e.g. a lost GPU device and its recovery). */
  notice = $state('');
  /** With 'auto': the measured choice for hand-training (one trial). */
  handChoice = $state<CalibratedChoice | null>(null);
  /** With 'auto': the measured choice for the last search wave (several trials at once). */
  searchChoice = $state<CalibratedChoice | null>(null);
  /** Why the last search wave trained on TF.js's population instead of the fused WebGPU kernel, if it did. */
  fusedFallback = $state('');
  /** Milliseconds from navigation until the first backend was ready (also the performance mark 'backend-ready'). */
  readyAfterNavigationMs = $state<number | null>(null);

  #client: TrainerClient | null = null;
  // Plain Map on purpose: listeners are bookkeeping, not state anything renders.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #listeners = new Map<number, TrialListener>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pbtListeners = new Map<number, PbtListener>();
  #nextTrialId = 1;

  /** Starts the worker and asks it for a backend. */
  connect(): void {
    if (this.#client) return;
    this.#client = new TrainerClient({
      backend: ({ choice }) => {
        this.backend = choice;
        this.backendError = '';
        if (this.readyAfterNavigationMs === null && typeof performance !== 'undefined') {
          this.readyAfterNavigationMs = performance.now();
          performance.mark?.('backend-ready', { detail: choice.name });
        }
      },
      calibrated: ({ choice }) => {
        if (choice.trials > 1) this.searchChoice = choice;
        else {
          this.backend = followHandChoice(this.backend, this.handChoice, choice);
          this.handChoice = choice;
        }
        if (!choice.cached) saveCalibration(pageStore(), choice.key, choice.measurements);
      },
      'population-trainer': ({ trainer, backend, reason }) => {
        this.fusedFallback = trainer === 'tfjs' && backend === 'webgpu' && reason ? reason : '';
      },
      'backend-error': ({ message }) => {
        this.backendError = `No training backend could start: ${message}`;
      },
      'backend-lost': ({ message }) => {
        this.notice = message;
        this.backend = null;
      },
      epochs: ({ trialId, records }) => this.#listeners.get(trialId)?.epochs?.(records),
      'epochs-batch': ({ entries }) => {
        for (const { trialId, records } of entries) this.#listeners.get(trialId)?.epochs?.(records);
      },
      probe: ({ trialId, outputs, outputSize, epoch }) => this.#listeners.get(trialId)?.probe?.(outputs, outputSize, epoch),
      weights: ({ trialId, layers, epoch }) => this.#listeners.get(trialId)?.weights?.(layers, epoch),
      model: ({ trialId, artifacts }) => this.#listeners.get(trialId)?.model?.(artifacts),
      'pbt-epoch': ({ runId, epoch, records, lineage }) => this.#pbtListeners.get(runId)?.epoch(epoch, records, lineage),
      'pbt-end': (message) => {
        const listener = this.#pbtListeners.get(message.runId);
        this.#pbtListeners.delete(message.runId);
        listener?.end(message);
      },
      'trial-end': ({ trialId, end, keptEpoch, durationMs, error }) => {
        const listener = this.#listeners.get(trialId);
        this.#listeners.delete(trialId);
        listener?.end({ end, keptEpoch, durationMs, error });
      },
    });
    this.chooseBackend(this.requestedBackend);
  }

  /** Asks the worker to switch backend; trials queued after this use it. */
  chooseBackend(backend: BackendName | 'auto'): void {
    if (backend !== this.requestedBackend) saveBackendChoice(pageStore(), backend);
    this.requestedBackend = backend;
    this.backend = null;
    this.handChoice = null;
    this.searchChoice = null;
    const pageHasWebGPU = typeof navigator !== 'undefined' && 'gpu' in navigator && navigator.gpu != null;
    this.#client?.send({ type: 'init', backend, pageHasWebGPU, calibrations: backend === 'auto' ? readCalibrations(pageStore()) : undefined });
  }

  /** Trains a trial in the worker: records arrive through onEpochs (and probe outputs through onProbe), `done` resolves when it ends. */
  run(request: TrialRequest, onEpochs: (records: EpochRecord[]) => void = () => {}, onProbe?: TrialListener['probe'], weights?: Pick<TrialListener, 'weights' | 'model'>): TrainingRun {
    let settle: (outcome: TrainingOutcome) => void = () => {};
    const done = new Promise<TrainingOutcome>((resolve) => (settle = resolve));
    const id = this.train(request, { ...weights, epochs: onEpochs, probe: onProbe, end: (outcome) => settle(outcome) });
    return { id, done, stop: () => this.stop(id) };
  }

  /** Trains several trials together (see trainBatch), each as a TrainingRun with its own onEpochs. */
  runBatch(data: TrialData, trials: { settings: ModelSettings; seed: number; onEpochs(records: EpochRecord[]): void; onWeights?: TrialListener['weights'] }[]): TrainingRun[] {
    const settles: ((outcome: TrainingOutcome) => void)[] = [];
    const promises = trials.map(() => new Promise<TrainingOutcome>((resolve) => settles.push(resolve)));
    const ids = this.trainBatch(data, trials.map(({ settings, seed, onEpochs, onWeights }, index) => ({ settings, seed, listener: { epochs: onEpochs, weights: onWeights, end: (outcome: TrainingOutcome) => settles[index](outcome) } })));
    return ids.map((id, index) => ({ id, done: promises[index], stop: () => this.stop(id) }));
  }

  /** Queues a trial in the worker with a listener; returns its id (for stop()). Prefer run(). */
  train(request: TrialRequest, listener: TrialListener): number {
    const trialId = this.#nextTrialId++;
    if (!this.#client) {
      listener.end({ end: 'failed', keptEpoch: 0, durationMs: 0, error: 'the trainer is not running' });
      return trialId;
    }
    this.#listeners.set(trialId, listener);
    this.#client.send({ type: 'train', trialId, ...request });
    return trialId;
  }

  /**
   * Queues several trials to train together (stacked into populations where their structure
   * allows); returns their ids in order. Each listener hears its own trial only.
   */
  trainBatch(data: TrialData, trials: { settings: ModelSettings; seed: number; listener: TrialListener }[]): number[] {
    const ids = trials.map(() => this.#nextTrialId++);
    if (!this.#client) {
      trials.forEach(({ listener }) => listener.end({ end: 'failed', keptEpoch: 0, durationMs: 0, error: 'the trainer is not running' }));
      return ids;
    }
    trials.forEach(({ listener }, index) => this.#listeners.set(ids[index], listener));
    const weights = trials.some(({ listener }) => listener.weights) ? ('end' as const) : undefined;
    this.#client.send({ type: 'train-batch', data, trials: trials.map(({ settings, seed }, index) => ({ trialId: ids[index], settings, seed })), weights });
    return ids;
  }

  /** Queues a population-based training run in the worker; returns its id (stop it with stop(id)). */
  trainPbt(request: PbtRequest, listener: PbtListener): number {
    const runId = this.#nextTrialId++;
    if (!this.#client) {
      listener.end({ type: 'pbt-end', runId, end: 'failed', bestMember: 0, lineage: [], durationMs: 0, error: 'the trainer is not running' });
      return runId;
    }
    this.#pbtListeners.set(runId, listener);
    this.#client.send({ type: 'train-pbt', runId, ...request });
    return runId;
  }

  /** The model.json artifacts of a network given as its weights (e.g. a search's trained trial), built in the worker. */
  modelFromWeights(settings: ModelSettings, layers: LayerWeights[]): Promise<ModelArtifacts> {
    return new Promise((resolve, reject) => {
      const trialId = this.#nextTrialId++;
      if (!this.#client) {
        reject(new Error('the trainer is not running'));
        return;
      }
      let artifacts: ModelArtifacts | null = null;
      this.#listeners.set(trialId, {
        model: (saved) => (artifacts = saved),
        end: ({ error }) => (artifacts ? resolve(artifacts) : reject(new Error(error ?? 'the worker built no model'))),
      });
      this.#client.send({ type: 'weights-to-model', trialId, settings, layers });
    });
  }

  /** Names the one trial (by its run id) whose weights the worker sends while it trains, or none (null). */
  watch(trialId: number | null): void {
    this.#client?.send({ type: 'watch', trialId });
  }

  /** Stops a queued or running trial (its end() still follows). */
  stop(trialId: number): void {
    this.#client?.send({ type: 'stop', trialId });
  }

  /** Destroys the WebGPU device, to show recovery from a lost GPU. */
  simulateDeviceLoss(): void {
    this.#client?.send({ type: 'simulate-device-loss' });
  }

  /** Ends the worker; listeners of unfinished trials hear that they failed. */
  disconnect(): void {
    this.#client?.terminate();
    this.#client = null;
    for (const listener of this.#listeners.values()) listener.end({ end: 'failed', keptEpoch: 0, durationMs: 0, error: 'the trainer was closed' });
    this.#listeners.clear();
    for (const [runId, listener] of this.#pbtListeners) listener.end({ type: 'pbt-end', runId, end: 'failed', bestMember: 0, lineage: [], durationMs: 0, error: 'the trainer was closed' });
    this.#pbtListeners.clear();
  }
}
