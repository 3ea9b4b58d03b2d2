/**
 * Replays a lesson's run in Node as the page runs it: the lesson's settings laid over the
 * defaults, the page's dataset, split and trainer (TF.js CPU), the search strategies, schedules
 * and runner of src/lib, and the population trainer for each wave of a search. One call is one
 * seed: the data, training and search seeds are all set from it.
 */
import type { ModelSettings } from '../../src/lib/core/modelSettings';
import { defaultModelSettings } from '../../src/lib/core/modelSettings';
import { acquisitionFunctionNames, searchSpace, type Settings } from '../../src/lib/core/settings';
import type { Params } from '../../src/lib/core/space';
import type { EpochRecord } from '../../src/lib/core/trial';
import type { Dataset, Split } from '../../src/lib/datasets/dataset';
import { generateDataset } from '../../src/lib/datasets/index';
import { splitForTraining } from '../../src/lib/datasets/trainingSplit';
import type { LessonRun } from '../../src/lib/lessons/lessons';
import { finalValidationLoss, type LessonRunResult, type LessonTrial } from '../../src/lib/lessons/revealRules';
import { splitRuns } from '../../src/lib/lessons/splitPlan';
import { baselineLoss } from '../../src/lib/core/diagnose';
import { createStrategy } from '../../src/lib/search/index';
import { createSchedule } from '../../src/lib/search/schedules/index';
import { StudyRunner, type ExecutorResult, type TrialExecutor } from '../../src/lib/study/studyRunner';
import { trainBatch, type BatchTrial } from '../../src/lib/training/trainPopulation';
import { trainTrial, type TrialData } from '../../src/lib/training/trainTrial';
import { networkWeights } from '../../src/lib/training/networkArtifacts';
import type { LayerWeights } from '../../src/lib/core/networkWeights';

/** The model settings inside complete settings. */
function modelSettingsOf(settings: Settings): ModelSettings {
  const model: Record<string, unknown> = {};
  for (const key of Object.keys(defaultModelSettings)) model[key] = settings[key as keyof Settings];
  return model as unknown as ModelSettings;
}

/** The study's settings for one trial: the base with the searched values laid over it (as the page's trialSettings). */
function trialSettings(base: ModelSettings, params: Params, maxEpochs: number): ModelSettings {
  const settings = { ...base, epochs: maxEpochs } as ModelSettings & Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) if (Object.hasOwn(base, name)) settings[name] = value;
  return settings;
}

function trialData(dataset: Dataset, train: readonly number[], scored: readonly number[]): TrialData {
  return { features: dataset.features, targets: dataset.targets, featureCount: dataset.featureCount, classCount: dataset.classCount, trainIndices: [...train], validationIndices: [...scored] };
}

/** Trains once as the page's hand-training does: its wall-clock time (setup included, as the worker times it) and, when asked, its final weights. */
async function trainOnce(data: TrialData, settings: ModelSettings, seed: number, keepWeights = false): Promise<{ state: string; epochs: EpochRecord[]; durationMs: number; weights?: LayerWeights[] }> {
  const started = performance.now();
  const trained = await trainTrial({ data, settings, seed });
  const durationMs = performance.now() - started;
  const weights = keepWeights && trained.model.network ? await networkWeights(trained.model.network) : undefined;
  trained.model.dispose();
  return { state: trained.end === 'early-stopped' ? 'complete' : trained.end, epochs: trained.epochs, durationMs, ...(weights ? { weights } : {}) };
}

/** An executor that trains each wave of the runner as one batch through the population trainer. */
function batchExecutor(data: TrialData, base: ModelSettings, searchSeed: number): TrialExecutor {
  type Pending = { trial: BatchTrial; onEpochs: (records: EpochRecord[]) => void; resolve: (result: ExecutorResult) => void; stopped: boolean };
  let pending: Pending[] = [];
  const flush = () => {
    const wave = pending;
    pending = [];
    const byId = new Map(wave.map((entry) => [entry.trial.trialId, entry]));
    void trainBatch(data, wave.map((entry) => entry.trial), {
      onEpochs: (entries) => entries.forEach(({ trialId, records }) => byId.get(trialId)?.onEpochs(records)),
      onEnd: (trialId, end, keptEpoch, durationMs, error) => byId.get(trialId)?.resolve({ end, keptEpoch, durationMs, error }),
      shouldStop: (trialId) => byId.get(trialId)?.stopped ?? false,
      shouldAbort: () => false,
    });
  };
  return {
    start({ id, params, maxEpochs }, onEpochs) {
      let resolve: (result: ExecutorResult) => void = () => {};
      const done = new Promise<ExecutorResult>((settle) => (resolve = settle));
      if (pending.length === 0) queueMicrotask(flush);
      const entry: Pending = { trial: { trialId: id, settings: trialSettings(base, params, maxEpochs), seed: searchSeed * 1000 + id }, onEpochs, resolve, stopped: false };
      pending.push(entry);
      return { stop: () => (entry.stopped = true), done };
    },
  };
}

/** Runs one search as the page's Study does; resolves with its trials and the runner (for its best trial). */
async function runSearch(settings: Settings, strategy: string, data: TrialData, searchSeed: number) {
  const base = modelSettingsOf(settings);
  const space = searchSpace(settings);
  const strategyOptions = strategy === 'bayesian' ? { acquisition: acquisitionFunctionNames[settings.acquisition], xi: settings.xi, kappa: settings.kappa } : {};
  const runner = new StudyRunner(
    {
      strategy: createStrategy(strategy, space, { ...strategyOptions, seed: searchSeed, budget: settings.budget }),
      schedule: createSchedule(settings.schedule, { maxEpochs: base.epochs, minEpochs: 1 }),
      budget: settings.budget,
      metric: settings.metric,
      parallel: settings.parallelTrials,
      epochBudget: settings.epochBudget ? settings.epochBudget : Infinity,
    },
    batchExecutor(data, base, searchSeed),
  );
  await runner.run();
  if (runner.status !== 'finished') throw new Error(`the ${strategy} search ended ${runner.status}: ${runner.message}`);
  const trials: LessonTrial[] = runner.trials.map((trial) => ({ params: { ...trial.params }, state: trial.state, epochs: trial.epochs, durationMs: trial.durationMs }));
  return { trials, best: runner.best, base };
}

/** The page's dataset and split for `settings`. */
export function lessonData(settings: Settings): { dataset: Dataset; split: Split } {
  const dataset = generateDataset(settings.dataset, { samples: settings.samples, noise: settings.noise, seed: settings.dataSeed, classes: settings.classes });
  const fractions = { train: settings.trainFraction, validation: settings.validationFraction, test: settings.testFraction };
  return { dataset, split: splitForTraining(dataset, fractions, settings.dataSeed).split };
}

/** Loss of predicting the training split's class frequencies (as the page's playground.baselineLoss, classes only). */
function trainingBaseline(dataset: Dataset, train: readonly number[]): number | undefined {
  if (dataset.classCount === 0) return undefined;
  const counts = new Array<number>(dataset.classCount).fill(0);
  for (const row of train) counts[dataset.targets[row]] += 1;
  return baselineLoss(counts);
}

/** Replays `run` with `settings` (the lesson's, seeds already set) and returns what the page's LessonRunner would. */
export async function replayLesson(run: LessonRun, settings: Settings): Promise<LessonRunResult> {
  const { dataset, split } = lessonData(settings);
  return { ...(await replayRun(run, settings, dataset, split)), baselineLoss: trainingBaseline(dataset, split.train), plannedEpochs: settings.epochs };
}

async function replayRun(run: LessonRun, settings: Settings, dataset: Dataset, split: Split): Promise<LessonRunResult> {
  const data = trialData(dataset, split.train, split.validation);
  const runs: Record<string, LessonTrial[]> = {};
  if (run.kind === 'models') {
    const base = modelSettingsOf(settings);
    for (const variant of run.variants) {
      const trained = await trainOnce(data, { ...base, ...variant.settings }, settings.trainingSeed, run.weights);
      runs[variant.id] = [{ params: { ...variant.settings } as Record<string, number | string>, ...trained }];
    }
    return { runs };
  }
  if (run.kind === 'splits') {
    const base = modelSettingsOf(settings);
    for (const entry of splitRuns(dataset, [...split.train, ...split.validation], run.repeats, run.folds, settings.dataSeed)) {
      runs[entry.id] = [{ params: {}, ...(await trainOnce(trialData(dataset, entry.train, entry.scored), base, settings.trainingSeed)) }];
    }
    return { runs };
  }
  const repetitions = run.repetitions ?? 1;
  if (repetitions > 1) {
    const distribution: Record<string, number[]> = {};
    for (const strategy of run.strategies) {
      distribution[strategy] = [];
      for (let repetition = 0; repetition < repetitions; repetition++) {
        const { trials } = await runSearch(settings, strategy, data, settings.searchSeed + repetition);
        if (repetition === 0) runs[strategy] = trials;
        distribution[strategy].push(Math.min(...trials.map(finalValidationLoss)));
      }
    }
    return { runs, distribution };
  }
  let last: Awaited<ReturnType<typeof runSearch>> | null = null;
  for (const strategy of run.strategies) {
    last = await runSearch(settings, strategy, data, settings.searchSeed);
    runs[strategy] = last.trials;
  }
  if (!run.testBest || !last?.best) return { runs };
  const kept = last.best.epochs.at(-1);
  if (!kept) return { runs };
  const tested = await trainOnce(trialData(dataset, split.train, split.test), trialSettings(last.base, last.best.params, last.base.epochs), settings.searchSeed * 1000 + last.best.id);
  const testLoss = tested.epochs.at(-1)?.validationLoss;
  return testLoss === undefined ? { runs } : { runs, test: { validationLoss: kept.validationLoss, testLoss } };
}
