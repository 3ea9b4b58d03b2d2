/**
 * Runs a diagnostic sweep (learning curve over training-set size, or validation curve over one
 * setting) through the trainer worker and keeps its results as reactive state. The runs queue in
 * the worker; each run's final losses (at its kept epoch) arrive as it ends.
 */
import type { EpochRecord, TrialState } from '../core/trial';
import type { Dataset, Split } from '../datasets/dataset';
import { scoreBands, type RunResult, type ScoreBand } from '../analysis/scoreBands';
import type { SweepRun } from '../study/sweepPlan';
import type { Trainer } from './trainer.svelte';
import { keptRecord, trialData } from '../core/trialInputs';
import { appendAll } from '../core/extent';

/** Where a sweep is. */
export type SweepStatus = 'idle' | 'running' | 'done' | 'stopped';

/** One run of a sweep as the small multiples show it. */
export interface SweepRunView {
  /** Position in the sweep, from 1. */
  id: number;
  /** The run's x value and seed, in words ("units 16, seed 2"). */
  name: string;
  state: TrialState;
  /** Validation loss at the kept epoch, or null. */
  value: number | null;
  epochs: EpochRecord[];
  maxEpochs: number;
}

/** One sweep's runs and their summary, live while it runs. */
export class CurveSweep {
  status = $state<SweepStatus>('idle');
  /** Final losses of the runs that ended, in the order they ended. */
  results = $state.raw<RunResult[]>([]);
  /** Runs planned in the current sweep. */
  planned = $state(0);
  /** Runs that failed, with why (a failed run adds no result). */
  failures = $state.raw<string[]>([]);
  /** Every run with its curve, updated as epochs arrive. */
  runs = $state.raw<SweepRunView[]>([]);

  /** Mean, std, min and max per x value of the runs so far. */
  bands: ScoreBand[] = $derived(scoreBands(this.results));

  #trainer: Trainer | null = null;
  #workerIds: number[] = [];
  #generation = 0;

  /** Stops any sweep in progress and queues the runs of `plan` in the trainer; scores on the split's validation rows. */
  run(trainer: Trainer, plan: readonly SweepRun[], dataset: Dataset, split: Split, xName = 'x'): void {
    this.stop();
    this.#trainer = trainer;
    const generation = ++this.#generation;
    this.results = [];
    this.failures = [];
    this.runs = plan.map((run, index) => ({
      id: index + 1,
      name: `${xName} ${run.x}, seed ${run.seed}`,
      state: 'queued',
      value: null,
      epochs: [],
      maxEpochs: run.settings.epochs,
    }));
    this.planned = plan.length;
    this.status = plan.length > 0 ? 'running' : 'done';
    let ended = 0;
    const update = (index: number, change: Partial<SweepRunView>) => {
      if (generation !== this.#generation) return;
      this.runs = this.runs.map((view, other) => (other === index ? { ...view, ...change } : view));
    };
    this.#workerIds = plan.map((run, index) => {
      const epochs: RunResult[] = [];
      const records: EpochRecord[] = [];
      const training = trainer.run({ settings: run.settings, seed: run.seed, data: trialData(dataset, run.trainIndices, split.validation) }, (batch) => {
        appendAll(epochs, batch.map((record) => ({ x: run.x, trainLoss: record.trainLoss, validationLoss: record.validationLoss })));
        appendAll(records, batch);
        update(index, { state: 'running', epochs: [...records] });
      });
      void training.done.then(({ end, keptEpoch, error }) => {
        if (generation !== this.#generation) return;
        ended += 1;
        const kept = keptRecord(epochs, keptEpoch);
        const state: TrialState = end === 'diverged' ? 'diverged' : end === 'failed' || end === 'stopped' || !kept ? 'failed' : 'complete';
        update(index, { state, value: state === 'complete' && kept ? kept.validationLoss : null });
        if (end === 'failed') this.failures = [...this.failures, error ?? 'unknown error'];
        else if (end === 'diverged') this.results = [...this.results, { x: run.x, trainLoss: Number.NaN, validationLoss: Number.NaN }];
        else if (kept && end !== 'stopped') this.results = [...this.results, kept];
        if (ended === plan.length && this.status === 'running') this.status = 'done';
      });
      return training.id;
    });
  }

  /** Stops the runs still queued or training. */
  stop(): void {
    if (this.status !== 'running') return;
    this.status = 'stopped';
    for (const id of this.#workerIds) this.#trainer?.stop(id);
  }
}
