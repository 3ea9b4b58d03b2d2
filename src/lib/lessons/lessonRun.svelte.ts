/**
 * Runs what a lesson's step needs — a few hand-trained variants, or searches through the search
 * form (and one test-split score) — on the page's trainer, and keeps the result as reactive state
 * for the reveal. Draws nothing.
 */
import { trialSettings, type ModelSettings } from '../core/modelSettings';
import type { Dataset, Split } from '../datasets/dataset';
import type { Playground } from '../state/playground.svelte';
import type { SearchSettings } from '../state/searchSettings.svelte';
import { Study } from '../state/study.svelte';
import type { Trainer } from '../state/trainer.svelte';
import type { EpochRecord } from '../core/trial';
import type { LayerWeights } from '../core/networkWeights';
import { appendAll } from '../core/extent';
import type { LessonRun } from './lessons';
import { bestValidationLoss, type LessonRunResult, type LessonTrial } from './revealRules';
import { trialData, trialSeed } from '../core/trialInputs';
import { splitRuns } from './splitPlan';

/** What a finished single training gives back. */
interface TrainedRun {
  state: string;
  epochs: EpochRecord[];
  durationMs: number;
  /** The final weights, when asked for. */
  weights?: LayerWeights[];
  error?: string;
}

/** Trains `settings` once with `seed` on `dataset`, scoring on the rows `scoredRows` (and keeping the final weights with `keepWeights`); resolves when it ends. */
async function trainOnce(trainer: Trainer, dataset: Dataset, trainRows: number[], scoredRows: number[], settings: ModelSettings, seed: number, keepWeights = false): Promise<TrainedRun> {
  const epochs: EpochRecord[] = [];
  let weights: LayerWeights[] | undefined;
  const listeners = keepWeights ? { weights: (layers: LayerWeights[]) => (weights = layers) } : undefined;
  const request = { seed, settings, data: trialData(dataset, trainRows, scoredRows), ...(keepWeights ? { weights: 'end' as const } : {}) };
  const { end, error, durationMs } = await trainer.run(request, (records) => appendAll(epochs, records), undefined, listeners).done;
  return { state: end === 'early-stopped' ? 'complete' : end, epochs, durationMs, weights, error };
}

/** One lesson run's progress and result. */
export class LessonRunner {
  status = $state<'idle' | 'running' | 'done' | 'failed'>('idle');
  /** What is running now, in words. */
  progress = $state('');
  error = $state('');
  result = $state.raw<LessonRunResult | null>(null);
  /** The searches of the last run (the first repetition of each strategy), to open in the Search tab. */
  studies = $state.raw<{ strategy: string; study: Study }[]>([]);
  /** The study running now, if any (so it can be stopped). */
  #study: Study | null = null;
  #generation = 0;

  /** Runs `run` on the page's current data, model and search form; a new call abandons the previous one. */
  async start(run: LessonRun, trainer: Trainer, playground: Playground, form: SearchSettings): Promise<void> {
    this.stop();
    const generation = ++this.#generation;
    this.status = 'running';
    this.error = '';
    this.result = null;
    this.studies = [];
    try {
      const result =
        run.kind === 'models' ? await this.#trainVariants(run, trainer, playground)
          : run.kind === 'splits' ? await this.#trainSplits(run, trainer, playground)
            : await this.#search(run, trainer, playground, form, generation);
      if (generation !== this.#generation) return;
      this.result = { ...result, baselineLoss: playground.baselineLoss, plannedEpochs: playground.modelSettings().epochs };
      this.status = 'done';
      this.progress = '';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    }
  }

  /** Stops a running search and forgets the run. */
  stop(): void {
    this.#generation += 1;
    this.#study?.stop();
    this.#study = null;
    if (this.status === 'running') this.status = 'idle';
  }

  async #trainVariants(run: Extract<LessonRun, { kind: 'models' }>, trainer: Trainer, playground: Playground): Promise<LessonRunResult> {
    const problem = playground.dataNotReady;
    if (problem) throw new Error(problem);
    const dataset = playground.dataset;
    const split: Split = playground.split;
    const base = playground.modelSettings();
    this.progress = `Training ${run.variants.length} models…`;
    const trained = await Promise.all(
      run.variants.map((variant) => trainOnce(trainer, dataset, [...split.train], [...split.validation], { ...base, ...variant.settings }, playground.trainingSeed, run.weights)),
    );
    const failed = trained.find((entry) => entry.state === 'failed');
    if (failed) throw new Error(`Training failed: ${failed.error ?? 'unknown error'}`);
    const runs: Record<string, LessonTrial[]> = {};
    run.variants.forEach((variant, index) => {
      const { state, epochs, durationMs, weights } = trained[index];
      runs[variant.id] = [{ params: { ...variant.settings } as Record<string, number | string>, state, epochs, durationMs, ...(weights ? { weights } : {}) }];
    });
    return run.weights ? { runs, trainedOn: { dataset, activation: base.activation } } : { runs };
  }

  async #trainSplits(run: Extract<LessonRun, { kind: 'splits' }>, trainer: Trainer, playground: Playground): Promise<LessonRunResult> {
    const problem = playground.dataNotReady;
    if (problem) throw new Error(problem);
    const dataset = playground.dataset;
    const rows = [...playground.split.train, ...playground.split.validation];
    const plan = splitRuns(dataset, rows, run.repeats, run.folds, playground.dataSeed);
    const settings = playground.modelSettings();
    this.progress = `Training the model on ${plan.length} splits…`;
    const trained = await Promise.all(plan.map((entry) => trainOnce(trainer, dataset, entry.train, entry.scored, settings, playground.trainingSeed)));
    const failed = trained.find((entry) => entry.state === 'failed');
    if (failed) throw new Error(`Training failed: ${failed.error ?? 'unknown error'}`);
    const runs: Record<string, LessonTrial[]> = {};
    plan.forEach((entry, index) => (runs[entry.id] = [{ params: {}, state: trained[index].state, epochs: trained[index].epochs }]));
    return { runs };
  }

  async #search(run: Extract<LessonRun, { kind: 'searches' }>, trainer: Trainer, playground: Playground, form: SearchSettings, generation: number): Promise<LessonRunResult> {
    const problem = form.problem || playground.dataNotReady;
    if (problem) throw new Error(problem);
    const runs: Record<string, LessonTrial[]> = {};
    const repetitions = Math.max(1, run.repetitions ?? 1);
    const distribution: Record<string, number[]> = {};
    let last: Study | null = null;
    for (const strategy of run.strategies) {
      distribution[strategy] = [];
      for (let repetition = 0; repetition < repetitions; repetition++) {
        this.progress = repetitions > 1 ? `Running the ${strategy} search, ${repetition + 1} of ${repetitions}…` : `Running the ${strategy} search…`;
        const setup = form.setupFor(playground, strategy);
        // Each repetition: the next search seed, so new random draws and new training seeds.
        const study = new Study(trainer, { ...setup, seed: setup.seed + repetition });
        this.#study = study;
        await study.run();
        if (generation !== this.#generation) return { runs };
        if (study.status !== 'finished') throw new Error(study.message || `The ${strategy} search did not finish.`);
        const trials = study.trials.map((trial) => ({ params: { ...trial.params }, state: trial.state, epochs: trial.epochs, durationMs: trial.durationMs }));
        if (repetition === 0) {
          runs[strategy] = trials;
          this.studies = [...this.studies, { strategy, study }];
        }
        distribution[strategy].push(bestValidationLoss(trials));
        last = study;
      }
    }
    this.#study = null;
    if (repetitions > 1) return { runs, distribution };
    if (!run.testBest || !last) return { runs };
    const best = last.frame.best;
    const kept = best?.epochs.at(-1);
    if (!best || !kept) throw new Error('No trial finished, so there is nothing to score on the test split.');
    this.progress = `Scoring trial ${best.id} once on the test split…`;
    const setup = last.setup;
    const tested = await trainOnce(trainer, setup.dataset, [...setup.split.train], [...setup.split.test], trialSettings(setup.base, best.params, setup.base.epochs), trialSeed(setup.seed, best.id));
    const testLoss = tested.epochs.at(-1)?.validationLoss;
    if (testLoss === undefined) throw new Error(`Scoring on the test split failed: ${tested.error ?? 'no epoch finished'}`);
    return { runs, test: { validationLoss: kept.validationLoss, testLoss } };
  }
}
