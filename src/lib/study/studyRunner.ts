/**
 * The search loop, free of Svelte and TF.js so it runs in Node with a fake trainer: ask the
 * strategy, train the trial through an executor, feed its epochs to the early-stopping schedule,
 * tell the strategy the result, and go on until the budget, Stop, or three failures in a row.
 */
import type { Params } from '../core/space';
import { bestTrial, objectiveOf, type EpochRecord, type ObjectiveMetric, type StudyTrial, type TrainingEnd } from '../core/trial';
import { keptRecord } from '../core/trialInputs';
import type { Schedule } from '../search/schedules';
import type { Strategy } from '../search/strategy';
import { localProposer, type Proposer } from '../search/proposer';
import { finishedMessage } from './finishedMessage';

/** How the executor says a trial ended. */
export interface ExecutorResult {
  end: TrainingEnd;
  durationMs: number;
  /** Epoch whose weights were kept (early stopping); 0 or the last epoch otherwise. */
  keptEpoch: number;
  error?: string;
}

/** Trains trials for the runner: the worker in the page, a deterministic function in tests. */
export interface TrialExecutor {
  /** Starts training `params` for at most maxEpochs; records arrive through onEpochs, in order. */
  start(trial: { id: number; params: Params; maxEpochs: number }, onEpochs: (records: EpochRecord[]) => void): {
    stop(): void;
    done: Promise<ExecutorResult>;
  };
}

/** Where the runner is. */
export type RunnerStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'finished' | 'stopped';

/** Everything the runner needs besides the trainer. */
export interface RunnerConfig {
  /** A strategy, or a proposer (e.g. a strategy in the search worker). */
  strategy: Strategy | Proposer;
  schedule: Schedule;
  /** Most trials the search runs. */
  budget: number;
  /** Most epochs all trials together may train (Infinity = no limit). */
  epochBudget?: number;
  metric: ObjectiveMetric;
  /** Trials trained at once (a wave: asked together, started together, told when all end); default 1. */
  parallel?: number;
  /**
   * Trials that ended before the page was reloaded, in id order. Seeded strategies propose them
   * again; each is then replayed (told to the strategy and schedule) instead of trained again.
   */
  replay?: StudyTrial[];
  /** Milliseconds since some fixed time; injectable for tests. */
  now?: () => number;
}

/** Failures in a row after which the search stops, since something is wrong beyond one trial. */
export const maxConsecutiveFailures = 3;

/** Runs one study; reports every change through onChange. */
export class StudyRunner {
  trials: StudyTrial[] = [];
  status: RunnerStatus = 'idle';
  /** Why the search ended, in words (empty while it runs). */
  message = '';

  readonly #config: Required<RunnerConfig>;
  readonly #proposer: Proposer;
  readonly #executor: TrialExecutor;
  readonly #onChange: (runner: StudyRunner) => void;
  readonly #startedAt: number;
  readonly #running = new Map<number, () => void>();
  readonly #replay = new Map<number, StudyTrial>();
  #loop: Promise<void> | null = null;
  #stepsLeft = Infinity;
  #consecutiveFailures = 0;

  constructor(config: RunnerConfig, executor: TrialExecutor, onChange: (runner: StudyRunner) => void = () => {}) {
    this.#config = {
      ...config,
      epochBudget: config.epochBudget ?? Infinity,
      parallel: Math.max(1, Math.floor(config.parallel ?? 1)),
      now: config.now ?? (() => performance.now()),
      replay: config.replay ?? [],
    };
    this.#executor = executor;
    this.#proposer = 'askMany' in config.strategy ? config.strategy : localProposer(config.strategy);
    for (const trial of config.replay ?? []) if (trial.state !== 'running' && trial.state !== 'queued' && !trial.manual) this.#replay.set(trial.id, trial);
    this.#onChange = onChange;
    this.#startedAt = this.#config.now();
  }

  /** Epochs trained so far by all trials. */
  get epochsSpent(): number {
    return this.trials.reduce((sum, trial) => sum + trial.epochs.length, 0);
  }

  /** The trial with the lowest objective so far, if any finished with a value. */
  get best(): StudyTrial | null {
    return bestTrial(this.trials);
  }

  /** Starts or resumes the search; resolves when it pauses or ends. */
  run(): Promise<void> {
    this.#stepsLeft = Infinity;
    return this.#start();
  }

  /** Runs exactly `count` more trials (default one), then pauses. */
  step(count = 1): Promise<void> {
    this.#stepsLeft = count;
    return this.#start();
  }

  /** Pauses after the running trial ends; run() resumes with the next trial. */
  pause(): void {
    if (this.status !== 'running') return;
    this.#stepsLeft = 0;
    this.#setStatus('pausing');
  }

  /** Ends the search now; the running trial is stopped and marked failed ("stopped"), not retried. */
  stop(): void {
    if (this.status === 'finished' || this.status === 'stopped') return;
    this.#stepsLeft = 0;
    this.message = 'Stopped.';
    this.#setStatus('stopped');
    for (const stopTrial of this.#running.values()) stopTrial();
  }

  /** Trains params a person chose (manual mode), outside the strategy's budget; resolves with the trial. */
  async runManual(params: Params, maxEpochs: number): Promise<StudyTrial> {
    return this.#runTrial(params, maxEpochs, true);
  }

  #start(): Promise<void> {
    if (this.status === 'finished' || this.status === 'stopped') return Promise.resolve();
    if (this.#loop) {
      if (this.status === 'pausing') this.#setStatus('running');
      return this.#loop;
    }
    this.#setStatus('running');
    this.#loop = this.#runLoop().finally(() => {
      this.#loop = null;
    });
    return this.#loop;
  }

  async #runLoop(): Promise<void> {
    while (this.#stepsLeft > 0 && (this.status === 'running' || this.status === 'pausing')) {
      const proposed = this.trials.filter((trial) => !trial.manual).length;
      if (proposed >= this.#config.budget) return this.#finish(finishedMessage(this.trials.filter((trial) => !trial.manual)));
      if (this.epochsSpent >= this.#config.epochBudget) return this.#finish(`Finished: the budget of ${this.#config.epochBudget} epochs is spent.`);
      const size = Math.max(1, Math.min(this.#config.parallel, this.#config.budget - proposed, this.#stepsLeft));
      const wave = await this.#proposer.askMany(size);
      if ((this.status as RunnerStatus) === 'stopped') return;
      if (wave.length === 0) return this.#finish('Finished: the strategy has nothing more to propose.');
      const epochsLeft = this.#config.epochBudget - this.epochsSpent;
      // Every trial of a wave starts in the same tick, so the executor can train them together.
      // Each trial is recorded synchronously as it starts, so the next one's id is the next number.
      const restored = new Set<number>();
      const trials = await Promise.all(
        wave.map((params) => {
          const id = this.trials.length + 1;
          // A trial that ended before the reload is kept as it ended, whichever trials of its wave
          // still ran then; were the proposal ever to differ from it, the record wins, since it
          // is what was trained.
          const stored = this.#replay.get(id);
          if (stored) {
            this.#replay.delete(id);
            restored.add(id);
            return this.#restore(stored);
          }
          const maxEpochs = Math.min(this.#config.schedule.budgetForNextTrial(id).maxEpochs, Math.max(1, Math.floor(epochsLeft / wave.length)));
          return this.#runTrial(params, maxEpochs, false);
        }),
      );
      // The strategy hears a wave's results together and in id order, whenever each trial ended,
      // so a resumed wave (some trials replayed, some trained) tells it what the first run did.
      for (const trial of trials) {
        if (restored.has(trial.id)) this.#config.schedule.complete(trial.id);
        this.#proposer.tell(trial.params, trial.state === 'complete' || trial.state === 'pruned' ? trial.value : null);
      }
      this.#stepsLeft -= trials.length;
      for (const trial of trials) {
        if (trial.state === 'failed' && (this.status as RunnerStatus) !== 'stopped') {
          this.#consecutiveFailures += 1;
          if (this.#consecutiveFailures >= maxConsecutiveFailures) {
            this.message = `Stopped after ${maxConsecutiveFailures} failed trials in a row (last error: ${trial.reason ?? 'unknown'}). Check the settings or choose another backend, then run again.`;
            this.#setStatus('stopped');
            return;
          }
        } else if (trial.state !== 'failed') {
          this.#consecutiveFailures = 0;
        }
      }
    }
    if (this.status === 'running' || this.status === 'pausing') this.#setStatus('paused');
  }

  #finish(message: string): void {
    this.message = message;
    this.#setStatus('finished');
  }

  /** Records a trial that ended before a reload as it was, and reports its epochs to the schedule (the loop completes and tells it). */
  #restore(trial: StudyTrial): StudyTrial {
    const { schedule, metric } = this.#config;
    this.#put(trial);
    schedule.budgetForNextTrial(trial.id);
    for (const record of trial.epochs) {
      if (schedule.report(trial.id, record.epoch, objectiveOf(record, metric)) === 'stop') break;
    }
    return trial;
  }

  async #runTrial(params: Params, maxEpochs: number, manual: boolean): Promise<StudyTrial> {
    const id = this.trials.length + 1;
    if (this.status === 'stopped' && !manual) {
      const skipped: StudyTrial = { id, params, state: 'failed', value: null, durationMs: 0, epochs: [], maxEpochs, startedAtMs: 0, endedAtMs: 0, reason: 'stopped before it started', error: 'stopped before it started' };
      this.#put(skipped);
      return skipped;
    }
    const { schedule, metric } = this.#config;
    let trial: StudyTrial = {
      id,
      params,
      state: 'running',
      value: null,
      durationMs: 0,
      epochs: [],
      maxEpochs,
      startedAtMs: this.#config.now() - this.#startedAt,
      endedAtMs: 0,
      ...(manual ? { manual } : {}),
    };
    this.#put(trial);
    let pruned = false;
    // An executor may report epochs before start returns; a stop decided then waits for the handle.
    let handle: ReturnType<TrialExecutor['start']> | null = null;
    handle = this.#executor.start({ id, params, maxEpochs }, (records) => {
      if (pruned) return;
      const accepted: EpochRecord[] = [];
      for (const record of records) {
        accepted.push(record);
        const decision = manual ? 'continue' : schedule.report(id, record.epoch, objectiveOf(record, metric));
        if (decision === 'stop' && record.epoch < maxEpochs && Number.isFinite(objectiveOf(record, metric))) {
          pruned = true;
          handle?.stop();
          break;
        }
      }
      trial = { ...trial, epochs: [...trial.epochs, ...accepted] };
      this.#put(trial);
    });
    if (pruned) handle.stop();
    this.#running.set(id, handle.stop);
    const result = await handle.done;
    this.#running.delete(id);
    trial = { ...trial, ...settle(trial, result, pruned, metric, this.status === 'stopped'), endedAtMs: this.#config.now() - this.#startedAt };
    this.#put(trial);
    if (!manual) schedule.complete(id);
    return trial;
  }

  #put(trial: StudyTrial): void {
    const index = trial.id - 1;
    const next = [...this.trials];
    next[index] = trial;
    this.trials = next;
    this.#onChange(this);
  }

  #setStatus(status: RunnerStatus): void {
    this.status = status;
    this.#onChange(this);
  }
}

/** The fields of a trial that its end decides: state, value, reason, duration. */
function settle(trial: StudyTrial, result: ExecutorResult, pruned: boolean, metric: ObjectiveMetric, stoppedByPerson: boolean): Partial<StudyTrial> {
  const kept = keptRecord(trial.epochs, result.keptEpoch);
  const value = kept ? objectiveOf(kept, metric) : null;
  const durationMs = result.durationMs;
  if (result.end === 'failed') return { state: 'failed', value: null, durationMs, reason: result.error ?? 'unknown error', error: result.error };
  if (result.end === 'diverged') {
    return { state: 'diverged', value: null, durationMs, reason: 'the loss became infinite or exploded: the learning rate is probably too high' };
  }
  if (pruned) return { state: 'pruned', value, durationMs, reason: `stopped by the schedule after epoch ${trial.epochs.length}` };
  if (result.end === 'stopped' && stoppedByPerson) {
    return { state: 'failed', value: null, durationMs, reason: 'stopped before it finished', error: 'stopped before it finished' };
  }
  return { state: 'complete', value: value !== null && Number.isFinite(value) ? value : null, durationMs };
}
