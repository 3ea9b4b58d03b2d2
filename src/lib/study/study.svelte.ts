/**
 * The one shared reactive state of a search: what is searched and how, the trials as they
 * stream in, the selection and replay position every view follows. Training goes through the
 * Trainer (the worker); the loop itself is StudyRunner.
 */
import type { BackendName } from '../core/backendNames';
import { diagnoseTrial, trialContext } from '../core/diagnoseTrial';
import type { ModelSettings } from '../core/modelSettings';
import type { Dimension, Params } from '../core/space';
import type { Dataset, Split } from '../datasets/dataset';
import type { PosteriorSlice, ProposalExplanation } from '../search';
import { createSchedule, type ScheduleName } from '../search/schedules';
import { RemoteStrategy } from '../worker/remoteStrategy';
import { kFold } from '../datasets/split';
import { crossValidationExecutor, type CrossValidatedTrial } from './crossValidation';
import { replayAt } from './replay';
import { workerFoldExecutor } from './workerFoldExecutor';
import { studyFormat, type StudyDataset, type StudyExport } from './studySchema';
import { StudyRunner, type ExecutorResult, type ObjectiveMetric, type RunnerStatus, type StudyTrial, type TrialExecutor } from './studyRunner';
import type { Trainer, TrialListener } from './trainer.svelte';

/** A hyperparameter a person may search, with the range offered by default. */
export interface SearchableSetting {
  dimension: Dimension;
  /** One line on what it does. */
  explanation: string;
}

/** The settings the search page offers to search, in the order shown. */
export const searchableSettings: SearchableSetting[] = [
  { dimension: { name: 'learningRate', type: 'log', low: 1e-3, high: 1 }, explanation: 'Step size of the optimizer.' },
  { dimension: { name: 'units', type: 'int', low: 2, high: 32 }, explanation: 'Units per hidden layer: capacity.' },
  { dimension: { name: 'hiddenLayers', type: 'int', low: 0, high: 3 }, explanation: 'Depth: 0 is a linear model.' },
  { dimension: { name: 'l2', type: 'log', low: 1e-5, high: 0.1 }, explanation: 'Weight penalty: pulls weights to zero.' },
  { dimension: { name: 'dropout', type: 'real', low: 0, high: 0.5 }, explanation: 'Share of hidden units dropped while training.' },
  { dimension: { name: 'batchSize', type: 'int', low: 8, high: 128 }, explanation: 'Examples per gradient step.' },
  { dimension: { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid', 'elu'] }, explanation: 'Nonlinearity of hidden layers.' },
  { dimension: { name: 'optimizer', type: 'choice', values: ['sgd', 'momentum', 'adam', 'rmsprop'] }, explanation: 'Update rule.' },
];

/** The model settings of one trial: the fixed settings with the trial's params laid over them. */
export function trialSettings(base: ModelSettings, params: Params, maxEpochs: number): ModelSettings {
  const settings = { ...base, epochs: maxEpochs } as ModelSettings & Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (Object.hasOwn(base, name)) settings[name] = value;
  }
  return settings;
}

/** What one study is set up with; a snapshot, so later edits don't change a running study. */
export interface StudySetup {
  strategy: string;
  /** Extra options of the strategy (acquisition, xi, kappa…). */
  strategyOptions: Record<string, unknown>;
  schedule: ScheduleName;
  space: Dimension[];
  budget: number;
  seed: number;
  metric: ObjectiveMetric;
  base: ModelSettings;
  dataset: Dataset;
  split: Split;
  /** How the dataset was made, for the export. */
  datasetInfo: StudyDataset;
  /** Loss of ignoring the inputs, for the diagnosis of each trial. */
  baselineLoss?: number;
  /** Trials trained at once, stacked into populations in the worker. */
  parallel: number;
  /** k of k-fold cross-validation over train + validation; 0 = the one validation split. */
  folds?: number;
  /** Most epochs all trials together may train; 0 or absent = no limit. */
  epochBudget?: number;
}

/**
 * Trains a study's trials in the worker. Trials started in the same tick (a wave of the runner)
 * are sent as one batch, which the worker stacks into populations; a lone trial goes alone.
 */
function workerExecutor(trainer: Trainer, setup: StudySetup): TrialExecutor {
  const data = {
    features: setup.dataset.features,
    targets: setup.dataset.targets,
    featureCount: setup.dataset.featureCount,
    classCount: setup.dataset.classCount,
    trainIndices: setup.split.train,
    validationIndices: setup.split.validation,
  };
  type Pending = { settings: ModelSettings; seed: number; listener: TrialListener; setWorkerId(id: number): void };
  let pending: Pending[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      const [only] = batch;
      only.setWorkerId(trainer.train({ data, settings: only.settings, seed: only.seed }, only.listener));
    } else if (batch.length > 1) {
      trainer.trainBatch(data, batch).forEach((id, index) => batch[index].setWorkerId(id));
    }
  };
  return {
    start({ id, params, maxEpochs }, onEpochs) {
      let resolveDone: (result: ExecutorResult) => void = () => {};
      const done = new Promise<ExecutorResult>((resolve) => (resolveDone = resolve));
      let workerId: number | null = null;
      let stopWanted = false;
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({
        settings: trialSettings(setup.base, params, maxEpochs),
        seed: setup.seed * 1000 + id,
        listener: {
          epochs: onEpochs,
          end: ({ end, durationMs, keptEpoch, error }) => resolveDone({ end, durationMs, keptEpoch, error }),
        },
        setWorkerId: (assigned) => {
          workerId = assigned;
          if (stopWanted) trainer.stop(assigned);
        },
      });
      return {
        stop: () => {
          stopWanted = true;
          if (workerId !== null) trainer.stop(workerId);
        },
        done,
      };
    },
  };
}

/** A trial with its folds' summary attached, once cross-validation has one. */
function withFolds(trial: StudyTrial, found: CrossValidatedTrial | null): StudyTrial {
  if (!found?.summary || trial.state === 'running') return trial;
  return { ...trial, folds: { values: found.foldValues, mean: found.summary.mean, std: found.summary.std } };
}

/** One search, as the page shows it. */
export class Study {
  readonly setup: StudySetup;
  /** The strategy, in the search worker so GP fits never block the page. */
  readonly strategy: RemoteStrategy;
  trials = $state.raw<StudyTrial[]>([]);
  status = $state<RunnerStatus>('idle');
  message = $state('');
  /** Trial highlighted by hovering in any view. */
  hoveredId = $state<number | null>(null);
  /** Trial opened in the inspector. */
  selectedId = $state<number | null>(null);
  /** Replay position: show the state after this many trials; null = live. */
  replayStep = $state<number | null>(null);
  /** The Bayesian search's explanation of its latest proposal, when there is one. */
  proposal = $state.raw<ProposalExplanation | null>(null);

  /** Everything the views draw: the trials up to the replay step, their best, best-so-far. */
  frame = $derived(replayAt(this.trials, this.replayStep ?? this.trials.length));

  readonly #runner: StudyRunner;
  // Plain Map on purpose: a cache, not state anything renders.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #sliceCache = new Map<string, { slice: PosteriorSlice | null }>();
  #sliceCacheEpoch = -1;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #staleSlices = new Map<string, PosteriorSlice>();
  /** Bumped when a slice arrives from the worker, so views that asked for it re-derive. */
  #sliceVersion = $state(0);
  readonly #startedAt = performance.now();

  /** `replay`: trials that ended before a reload, which the runner replays instead of training again. */
  constructor(trainer: Trainer, setup: StudySetup, replay: StudyTrial[] = []) {
    this.setup = setup;
    this.strategy = new RemoteStrategy(setup.strategy, setup.space, { ...setup.strategyOptions, seed: setup.seed, budget: setup.budget });
    const schedule = createSchedule(setup.schedule, { maxEpochs: setup.base.epochs, minEpochs: 1 });
    const crossValidation = setup.folds
      ? crossValidationExecutor(
          workerFoldExecutor(trainer, setup),
          kFold(setup.dataset, [...setup.split.train, ...setup.split.validation], setup.folds, setup.seed),
          setup.metric,
        )
      : null;
    this.#runner = new StudyRunner(
      {
        strategy: this.strategy,
        schedule,
        budget: setup.budget,
        metric: setup.metric,
        parallel: setup.parallel,
        epochBudget: setup.epochBudget ? setup.epochBudget : Infinity,
        replay,
      },
      crossValidation ?? workerExecutor(trainer, setup),
      (runner) => {
        this.trials = crossValidation ? runner.trials.map((trial) => withFolds(trial, crossValidation.result(trial.id))) : runner.trials;
        this.status = runner.status;
        this.message = runner.message;
        if (this.proposal !== this.strategy.explanation) this.proposal = this.strategy.explanation;
      },
    );
  }

  /** Milliseconds since the study was created. */
  elapsedMs(): number {
    return performance.now() - this.#startedAt;
  }

  run(): Promise<void> {
    this.replayStep = null;
    return this.#runner.run();
  }
  step(): Promise<void> {
    this.replayStep = null;
    return this.#runner.step();
  }
  pause(): void {
    this.#runner.pause();
  }
  stop(): void {
    this.#runner.stop();
  }

  /** Trains a point a person picked (manual mode). */
  runManual(params: Params): Promise<StudyTrial> {
    this.replayStep = null;
    return this.#runner.runManual(params, this.setup.base.epochs);
  }

  /**
   * The GP's posterior over one or two searched dimensions (Bayesian search with a model only),
   * computed in the search worker. Returns what is cached now and fetches what is missing; the
   * views re-derive when it arrives. The model changes only when a trial ends, so slices are
   * cached per number of ended trials, however often the views re-derive as epochs stream in.
   */
  posterior(dimensions: string[], fixed?: Params): PosteriorSlice | null {
    void this.#sliceVersion;
    if (this.setup.strategy !== 'bayesian') return null;
    const ended = this.trials.filter((trial) => trial.state !== 'running' && !trial.manual).length;
    if (ended !== this.#sliceCacheEpoch) {
      this.#sliceCache.clear();
      this.#sliceCacheEpoch = ended;
    }
    const key = JSON.stringify([dimensions, fixed ?? null]);
    // While a fresh slice is on its way, the last one over the same axes stays on screen.
    const staleKey = JSON.stringify(dimensions);
    const cached = this.#sliceCache.get(key);
    if (cached?.slice) return cached.slice;
    if (cached === undefined) {
      const entry: { slice: PosteriorSlice | null } = { slice: null };
      this.#sliceCache.set(key, entry);
      this.strategy
        .posteriorSlice({ dimensions, fixed })
        .catch(() => null)
        .then((slice) => {
          entry.slice = slice;
          if (slice) this.#staleSlices.set(staleKey, slice);
          if (this.#sliceCache.get(key) === entry) this.#sliceVersion += 1;
        });
    }
    return this.#staleSlices.get(staleKey) ?? null;
  }

  /** The study as the experiment log of DESIGN.md (format study@1), each trial with its diagnosis. */
  toExport(backend: BackendName): StudyExport {
    const { setup } = this;
    const strategyOptions: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(setup.strategyOptions)) {
      if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) strategyOptions[key] = value;
    }
    return {
      format: studyFormat,
      seed: setup.seed,
      backend,
      dataset: setup.datasetInfo,
      model: { ...setup.base },
      space: setup.space,
      strategy: { ...strategyOptions, name: setup.strategy as StudyExport['strategy']['name'] },
      objective: { metric: setup.metric, direction: 'minimize' },
      trials: this.trials.map(({ id, params, state, value, durationMs, epochs, error }) => ({
        id,
        params,
        state,
        value,
        durationMs: Math.round(durationMs),
        ...(epochs.length > 0 && state !== 'running' ? { diagnosis: diagnoseTrial(epochs, state, { baselineLoss: setup.baselineLoss, ...trialContext(setup.base, params, setup.split.train.length) }).label } : {}),
        epochs,
        ...(error ? { error } : {}),
      })),
    };
  }

  /** Trials finished (any end) and epochs trained. */
  get progress(): { done: number; epochs: number; budget: number } {
    const done = this.trials.filter((trial) => !trial.manual && trial.state !== 'running' && trial.state !== 'queued').length;
    return { done, epochs: this.trials.reduce((sum, trial) => sum + trial.epochs.length, 0), budget: this.setup.budget };
  }
}
