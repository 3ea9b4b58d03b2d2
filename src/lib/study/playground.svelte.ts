/**
 * The page's reactive state for training one model by hand: the dataset, the model settings,
 * the backend status and the trial being trained. Talks to the trainer worker; draws nothing.
 */
import { baselineLoss, baselineMeanSquaredError } from '../core/diagnose';
import { defaultModelSettings, type ModelSettings } from '../core/modelSettings';
import type { EpochRecord } from '../core/trial';
import type { Dataset, Split } from '../datasets/dataset';
import { spiral } from '../datasets/spiral';
import { splitDataset } from '../datasets/split';
import type { TrainTrialEnd } from '../worker/protocol';
import type { Trainer } from './trainer.svelte';

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
  /** A message a person should read (a failed trial, a bad setting); empty when all is well. */
  errorMessage = $state('');
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
  /** Loss of ignoring the inputs on the training split: what "underfit" is judged against. */
  baselineLoss: number = $derived.by(() => {
    const targets = this.split.train.map((row) => this.dataset.targets[row]);
    if (this.dataset.classCount === 0) return baselineMeanSquaredError(targets);
    const counts = new Array<number>(this.dataset.classCount).fill(0);
    for (const label of targets) counts[label] += 1;
    return baselineLoss(counts);
  });

  readonly trainer: Trainer;

  constructor(trainer: Trainer) {
    this.trainer = trainer;
  }

  /** Trains the current settings on the training split; the curves fill in as epochs arrive. */
  train(): void {
    if (this.trial?.state === 'running') this.stop();
    this.errorMessage = '';
    const problem = invalidSetting($state.snapshot(this.settings));
    if (problem) {
      this.errorMessage = problem;
      return;
    }
    let trial: ManualTrial = { id: 0, state: 'running', epochs: [], durationMs: 0, keptEpoch: 0 };
    const update = (next: ManualTrial) => {
      trial = next;
      if (this.trial?.id === trial.id) this.trial = trial;
    };
    const id = this.trainer.train(
      {
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
      },
      {
        epochs: (records) => update({ ...trial, epochs: [...trial.epochs, ...records] }),
        probe: (outputs, outputSize, epoch) => {
          if (this.trial?.id === trial.id) this.boundary = { trialId: trial.id, epoch, outputs, outputSize };
        },
        end: ({ end, durationMs, keptEpoch, error }) => {
          update({ ...trial, state: endToState(end), durationMs, keptEpoch, error });
          if (end === 'failed' && this.trial?.id === trial.id) this.errorMessage = `Training failed: ${error ?? 'unknown error'}`;
        },
      },
    );
    trial = { ...trial, id };
    this.trial = trial;
  }

  /** Stops the running trial after its current step. */
  stop(): void {
    if (this.trial?.state === 'running') this.trainer.stop(this.trial.id);
  }
}

/** A sentence naming the first setting a person left empty or out of range, or '' when all are fine. */
export function invalidSetting(settings: ModelSettings): string {
  const checks: [keyof ModelSettings, number, number][] = [
    ['hiddenLayers', 0, 6],
    ['units', 1, 128],
    ['learningRate', 1e-6, 100],
    ['epochs', 1, 1000],
    ['batchSize', 1, 5000],
  ];
  for (const [name, low, high] of checks) {
    const value = settings[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > high) {
      return `The setting "${name}" must be a number from ${low} to ${high}; it is ${value === null || value === undefined ? 'empty' : String(value)}.`;
    }
  }
  return '';
}
