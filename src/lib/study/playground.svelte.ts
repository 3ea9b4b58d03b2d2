/**
 * The page's reactive state for training one model by hand: the dataset, the model settings,
 * the backend status and the trial being trained. Talks to the trainer worker; draws nothing.
 */
import { defaultModelSettings, type ModelSettings } from '../core/modelSettings';
import type { EpochRecord } from '../core/trial';
import type { Dataset, Split } from '../datasets/dataset';
import { spiral } from '../datasets/spiral';
import { splitDataset } from '../datasets/split';
import type { BackendChoice, BackendName } from '../training/backend';
import type { TrainTrialEnd } from '../worker/protocol';
import { TrainerClient } from '../worker/trainerClient';

/** Side of the square grid of points whose predictions draw the decision boundary. */
export const boundaryResolution = 48;

/** The rectangle of feature space the data view shows: [xMin, xMax, yMin, yMax]. */
export type Extent = [number, number, number, number];

/** The trial trained by hand, as the page shows it. */
export interface ManualTrial {
  id: number;
  state: 'running' | 'complete' | 'diverged' | 'stopped' | 'failed';
  epochs: EpochRecord[];
  durationMs: number;
  keptEpoch: number;
  error?: string;
}

/** The model's outputs over the boundary grid, [resolution * resolution * outputSize]. */
export interface BoundaryOutputs {
  trialId: number;
  epoch: number;
  outputs: Float32Array;
  outputSize: number;
}

function endToState(end: TrainTrialEnd): ManualTrial['state'] {
  return end === 'early-stopped' ? 'complete' : end;
}

/** Data bounds padded by 10%, so points never sit on the view's edge. */
export function paddedExtent(dataset: Dataset): Extent {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < dataset.size; i++) {
    const x = dataset.features[i * dataset.featureCount];
    const y = dataset.features[i * dataset.featureCount + 1];
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  const padX = Math.max(0.1 * (xMax - xMin), 1e-3);
  const padY = Math.max(0.1 * (yMax - yMin), 1e-3);
  return [xMin - padX, xMax + padX, yMin - padY, yMax + padY];
}

/** Grid points (cell centres) covering the extent, row-major from the top: [resolution^2 * 2]. */
export function boundaryGrid([xMin, xMax, yMin, yMax]: Extent, resolution: number): Float32Array {
  const grid = new Float32Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let column = 0; column < resolution; column++) {
      const index = row * resolution + column;
      grid[2 * index] = xMin + ((column + 0.5) / resolution) * (xMax - xMin);
      grid[2 * index + 1] = yMax - ((row + 0.5) / resolution) * (yMax - yMin);
    }
  }
  return grid;
}

/** State of the hand-training page, shared by its panels and charts. */
export class Playground {
  /** The backend the person asked for ('auto' = the fastest that works). */
  requestedBackend = $state<BackendName | 'auto'>('auto');
  /** The backend in use and why, once the worker has one. */
  backend = $state<BackendChoice | null>(null);
  /** A message a person should read (backend trouble, a failed trial); empty when all is well. */
  errorMessage = $state('');
  /** A notice that is not an error (e.g. the GPU was lost and the backend restarted). */
  notice = $state('');
  samples = $state(400);
  noise = $state(0.2);
  dataSeed = $state(42);
  trainingSeed = $state(1);
  settings = $state<ModelSettings>({ ...defaultModelSettings });
  trial = $state.raw<ManualTrial | null>(null);
  boundary = $state.raw<BoundaryOutputs | null>(null);

  dataset: Dataset = $derived(spiral({ samples: this.samples, noise: this.noise, seed: this.dataSeed }));
  split: Split = $derived(splitDataset(this.dataset, { train: 0.6, validation: 0.2, test: 0.2 }, this.dataSeed));
  extent: Extent = $derived(paddedExtent(this.dataset));

  #client: TrainerClient | null = null;
  #nextTrialId = 1;

  /** Starts the worker and asks it for a backend. */
  connect(): void {
    this.#client = new TrainerClient({
      backend: ({ choice }) => {
        this.backend = choice;
        this.errorMessage = '';
      },
      'backend-error': ({ message }) => {
        this.errorMessage = `No training backend could start: ${message}`;
      },
      'backend-lost': ({ message }) => {
        this.notice = message;
      },
      epochs: ({ trialId, records }) => {
        if (this.trial?.id !== trialId) return;
        this.trial = { ...this.trial, epochs: [...this.trial.epochs, ...records] };
      },
      probe: ({ trialId, epoch, outputs, outputSize }) => {
        if (this.trial?.id === trialId) this.boundary = { trialId, epoch, outputs, outputSize };
      },
      'trial-end': ({ trialId, end, durationMs, keptEpoch, error }) => {
        if (this.trial?.id !== trialId) return;
        this.trial = { ...this.trial, state: endToState(end), durationMs, keptEpoch, error };
        if (end === 'failed') this.errorMessage = `Training failed: ${error ?? 'unknown error'}`;
      },
    });
    this.chooseBackend(this.requestedBackend);
  }

  /** Asks the worker to switch backend; the next trial uses it. */
  chooseBackend(backend: BackendName | 'auto'): void {
    this.requestedBackend = backend;
    this.backend = null;
    const pageHasWebGPU = typeof navigator !== 'undefined' && 'gpu' in navigator && navigator.gpu != null;
    this.#client?.send({ type: 'init', backend, pageHasWebGPU });
  }

  /** Trains the current settings on the training split; the curves fill in as epochs arrive. */
  train(): void {
    if (!this.#client) return;
    if (this.trial?.state === 'running') this.stop();
    const id = this.#nextTrialId++;
    this.errorMessage = '';
    this.notice = '';
    this.trial = { id, state: 'running', epochs: [], durationMs: 0, keptEpoch: 0 };
    this.#client.send({
      type: 'train',
      trialId: id,
      seed: this.trainingSeed,
      settings: $state.snapshot(this.settings),
      data: {
        features: this.dataset.features,
        targets: this.dataset.targets,
        featureCount: this.dataset.featureCount,
        classCount: this.dataset.classCount,
        trainIndices: this.split.train,
        validationIndices: this.split.validation,
      },
      probe: boundaryGrid(this.extent, boundaryResolution),
    });
  }

  /** Stops the running trial after its current step. */
  stop(): void {
    if (this.trial?.state === 'running') this.#client?.send({ type: 'stop', trialId: this.trial.id });
  }

  /** Ends the worker (when the page goes away). */
  disconnect(): void {
    this.#client?.terminate();
    this.#client = null;
  }
}
