/**
 * The one shared reactive state of a search: what is searched and how, the trials as they
 * stream in, the selection and replay position every view follows. Training goes through the
 * Trainer (the worker); the loop itself is StudyRunner.
 */
import type { BackendName } from '../core/backendNames';
import { diagnoseTrial, trialContext } from '../core/diagnoseTrial';
import type { Params } from '../core/space';
import type { PosteriorSlice, ProposalExplanation } from '../search';
import { createSchedule } from '../search/schedules';
import { RemoteStrategy } from '../worker/remoteStrategy';
import { kFold } from '../datasets/split';
import { crossValidationExecutor, withFolds } from '../study/crossValidation';
import { replayAt } from '../analysis/replay';
import { workerExecutor, workerFoldExecutor, type WatchingExecutor } from './workerExecutor';
import type { StudySetup } from '../study/studySetup';
import { studyFormat, type StudyExport } from '../storage/studySchema';
import { StudyRunner, type RunnerStatus } from '../study/studyRunner';
import type { StudyTrial } from '../core/trial';
import type { TestCandidate } from './testEvaluation.svelte';
import type { Trainer } from './trainer.svelte';
import { trialSettings } from '../core/modelSettings';
import { trialSeed } from '../core/trialInputs';
import { ReplayedSearches } from './replayedSearches';
import { TrialWeightsStore } from './trialWeightsStore';

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

  /** Teaching pace: how many of the arrived trials the views have revealed so far; null = all (live). */
  revealedStep = $state<number | null>(null);

  /** Everything the views draw: the trials up to the replay step (or the revealed ones), their best, best-so-far. */
  frame = $derived(replayAt(this.trials, this.replayStep ?? this.revealedStep ?? this.trials.length));

  /** Whether the views show an earlier state than the latest (replay, or results still queued for display). */
  get rewound(): boolean {
    return this.replayStep !== null || (this.revealedStep !== null && this.revealedStep < this.trials.length);
  }

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
  /** Replay's models: the search as it stood after each replayed step. */
  readonly replayed: ReplayedSearches;
  /** Each trial's weights as the search trained them (up to 64 MB, the best trial always kept); not with cross-validation. */
  readonly weights = new TrialWeightsStore(64 * 2 ** 20);
  /** Bumped when weights arrive, so views that read `weights` re-derive. */
  weightsVersion = $state(0);
  /** The executor that trains this search's trials one network each (none with cross-validation). */
  readonly #searched: WatchingExecutor | null;

  /** `replay`: trials that ended before a reload, which the runner replays instead of training again. */
  constructor(trainer: Trainer, setup: StudySetup, replay: StudyTrial[] = []) {
    this.setup = setup;
    this.replayed = new ReplayedSearches(setup);
    this.strategy = new RemoteStrategy(setup.strategy, setup.space, { ...setup.strategyOptions, seed: setup.seed, budget: setup.budget });
    const schedule = createSchedule(setup.schedule, { maxEpochs: setup.base.epochs, minEpochs: 1 });
    const crossValidation = setup.folds
      ? crossValidationExecutor(
          workerFoldExecutor(trainer, setup),
          kFold(setup.dataset, [...setup.split.train, ...setup.split.validation], setup.folds, setup.seed),
          setup.metric,
        )
      : null;
    this.#searched = crossValidation
      ? null
      : workerExecutor(trainer, setup, (id, layers, epoch) => {
          this.weights.set(id, layers, epoch, (other) => other === this.frame.best?.id);
          this.weightsVersion++;
        });
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
      crossValidation ?? (this.#searched as WatchingExecutor),
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

  /** Has the worker send trial `id`'s weights (into `weights`) while it trains, at most every 100 ms; null: none. */
  watch(id: number | null): void {
    this.#searched?.watch(id);
  }

  /** Trains a point a person picked (manual mode). */
  runManual(params: Params): Promise<StudyTrial> {
    this.replayStep = null;
    return this.#runner.runManual(params, this.setup.base.epochs);
  }

  /**
   * Asks the search worker for the GP's posterior over one or two searched dimensions (Bayesian
   * search with a model only), unless it is cached; read it with posteriorFor. Called from an
   * effect of the view that shows it, never from a derivation. The model changes only when a
   * trial ends, so slices are cached per number of ended trials, however often epochs stream in.
   */
  requestPosterior(dimensions: string[], fixed?: Params): void {
    if (this.setup.strategy !== 'bayesian' || this.rewound) return;
    const ended = this.#endedCount();
    if (ended !== this.#sliceCacheEpoch) {
      this.#sliceCache.clear();
      this.#sliceCacheEpoch = ended;
    }
    const key = JSON.stringify([dimensions, fixed ?? null]);
    if (this.#sliceCache.has(key)) return;
    const entry: { slice: PosteriorSlice | null } = { slice: null };
    this.#sliceCache.set(key, entry);
    this.strategy
      .posteriorSlice({ dimensions, fixed })
      .catch(() => null)
      .then((slice) => {
        entry.slice = slice;
        if (slice) this.#staleSlices.set(JSON.stringify(dimensions), slice);
        if (this.#sliceCache.get(key) === entry) this.#sliceVersion += 1;
      });
  }

  /** The posterior slice requestPosterior fetched for the current model; while a fresh one is on its way, the last one over the same axes. */
  posteriorFor(dimensions: string[], fixed?: Params): PosteriorSlice | null {
    void this.#sliceVersion;
    if (this.setup.strategy !== 'bayesian') return null;
    // In replay, the model the search had after the shown trials, not the latest one.
    if (this.rewound) return this.replayed.slice(this.trials, this.frame.step, dimensions, fixed);
    const current = this.#sliceCacheEpoch === this.#endedCount() ? this.#sliceCache.get(JSON.stringify([dimensions, fixed ?? null])) : undefined;
    return current?.slice ?? this.#staleSlices.get(JSON.stringify(dimensions)) ?? null;
  }

  #endedCount(): number {
    return this.trials.filter((trial) => trial.state !== 'running' && !trial.manual).length;
  }

  /** The best trial, as the configuration the test split may judge once the search is over; null before then. */
  testCandidate(): TestCandidate | null {
    const best = this.frame.best;
    if (!best || this.status === 'running' || this.status === 'pausing') return null;
    const kept = best.epochs.at(-1);
    if (!kept) return null;
    return {
      name: `trial ${best.id}`,
      settings: trialSettings(this.setup.base, best.params, this.setup.base.epochs),
      seed: trialSeed(this.setup.seed, best.id),
      validationLoss: kept.validationLoss,
      validationAccuracy: kept.validationAccuracy,
      chosenFrom: this.trials.filter((trial) => trial.state === 'complete').length,
    };
  }

  /** The study as the experiment log (format study@2: DESIGN.md's study@1 plus conditional dimensions), each trial with its diagnosis. */
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
