/**
 * Where each trial of a TF.js population stands: its epoch count, its divergence check and its
 * early-stopping patience. Plain bookkeeping over the numbers of each epoch's readback; the
 * fused trainer keeps the same rules on the device (fusedShader.ts).
 */
import type { ModelSettings } from '../core/modelSettings';
import { detectDivergence } from '../core/diagnose';
import type { EpochRecord } from '../core/trial';
import type { TrialEnd } from './trainTrial';

/** Where a trial of a population stands: 'running', or how it ended (the core's TrainingEnd words). */
export type PopulationTrialState = 'running' | TrialEnd;

/** One trial's record for one epoch (losses as in populationLoss.ts) and its state after it. */
export interface PopulationTrialEpoch extends EpochRecord {
  /** After this epoch: diverged (non-finite or exploding loss), complete (settings.epochs reached), early-stopped (patience ran out), or running. */
  state: PopulationTrialState;
}

/** The four numbers of one trial's epoch, as read back from the device. */
export interface PopulationReading {
  trainLoss: number;
  validationLoss: number;
  /** Accuracies in [0, 1]; absent for regression. */
  trainAccuracy?: number;
  validationAccuracy?: number;
}

/** Each trial's state, epochs, best validation loss and divergence reference, K entries each. */
export class PopulationProgress {
  readonly #settings: ModelSettings[];
  readonly #baseline: number;
  readonly #states: PopulationTrialState[];
  readonly #epochs: number[];
  readonly #bestValidation: number[];
  readonly #sinceBest: number[];
  readonly #firstTrainLoss: number[];

  /** Tracks K trials; `baseline` is the loss of ignoring the inputs (a loss far above it has diverged). */
  constructor(settings: ModelSettings[], baseline: number) {
    this.#settings = settings;
    this.#baseline = baseline;
    this.#states = settings.map(() => 'running');
    this.#epochs = settings.map(() => 0);
    this.#bestValidation = settings.map(() => Infinity);
    this.#sinceBest = settings.map(() => 0);
    this.#firstTrainLoss = settings.map(() => NaN);
  }

  /** A copy of every trial's state, length K. */
  states(): PopulationTrialState[] {
    return [...this.#states];
  }

  /** True when trial k still trains. */
  isRunning(k: number): boolean {
    return this.#states[k] === 'running';
  }

  /** True when no trial is running any more. */
  isFinished(): boolean {
    return this.#states.every((state) => state !== 'running');
  }

  /** Ends a running trial as 'stopped' (by a person or a schedule); false when it was not running. */
  stop(k: number): boolean {
    if (this.#states[k] !== 'running') return false;
    this.#states[k] = 'stopped';
    return true;
  }

  /** PBT's exploit: trial k takes the state, epoch count and patience record of trial sources[k] (as they were before any copy). */
  adopt(sources: number[]): void {
    for (const list of [this.#states, this.#epochs, this.#bestValidation, this.#sinceBest, this.#firstTrainLoss] as unknown[][]) {
      const before = [...list];
      sources.forEach((from, k) => (list[k] = before[from]));
    }
  }

  /** Counts one more epoch of trial k, applies the divergence, budget and patience rules, and returns its record. */
  record(k: number, reading: PopulationReading): PopulationTrialEpoch {
    const epoch = (this.#epochs[k] += 1);
    if (epoch === 1) this.#firstTrainLoss[k] = reading.trainLoss;
    this.#states[k] = this.#stateAfter(k, epoch, reading);
    return { epoch, ...reading, state: this.#states[k] };
  }

  #stateAfter(k: number, epoch: number, { trainLoss, validationLoss }: PopulationReading): PopulationTrialState {
    const settings = this.#settings[k];
    if (!Number.isFinite(validationLoss) || detectDivergence(trainLoss, this.#firstTrainLoss[k], this.#baseline)) return 'diverged';
    if (epoch >= settings.epochs) return 'complete';
    if (settings.patience > 0) {
      if (validationLoss < this.#bestValidation[k]) {
        this.#bestValidation[k] = validationLoss;
        this.#sinceBest[k] = 0;
      } else if (++this.#sinceBest[k] >= settings.patience) {
        return 'early-stopped';
      }
    }
    return 'running';
  }
}
