/**
 * Rebuilds a search interrupted by a reload from what was saved: the study@2 export (data
 * settings, fixed model settings, space, strategy, objective, trials) and the few settings it
 * does not carry. Generated data is regenerated from its seed; uploaded, drawn and shipped data
 * comes from the saved record (savedData.ts), and a search whose data was not saved cannot resume.
 */
import { baselineLoss, baselineMeanSquaredError } from '../core/diagnose';
import { defaultModelSettings, type ModelSettings } from '../core/modelSettings';
import { generateDataset } from '../datasets/index';
import { splitForTraining } from '../datasets/trainingSplit';
import type { ScheduleName } from '../search/schedules';
import type { StudyExport } from './studySchema';
import type { StudySetup } from '../study/studySetup';
import type { StudyTrial } from '../core/trial';
import type { ResumeInfo } from './studyStorage';
import { regenerableDatasets, type SavedData } from './savedData';

/** The setup to resume with and the trials to replay, or a sentence saying why it can't resume; `saved`: the data kept with the record. */
export function resumeSetup(exported: StudyExport, resume: ResumeInfo, saved?: SavedData): { setup: StudySetup; replay: StudyTrial[] } | string {
  const info = exported.dataset;
  const regenerable = regenerableDatasets.includes(info.name);
  if (!regenerable && !saved) return `This search trained on ${info.name} data that was too large to save with it: it cannot resume.`;
  const { dataset, split } = saved && !regenerable ? saved : regenerated(info);
  const targets = split.train.map((row) => dataset.targets[row]);
  const counts = new Array<number>(dataset.classCount).fill(0);
  for (const label of targets) counts[label] += 1;
  const { name: strategy, ...strategyOptions } = exported.strategy;
  const setup: StudySetup = {
    strategy,
    strategyOptions,
    schedule: resume.schedule as ScheduleName,
    space: exported.space,
    budget: resume.budget,
    seed: exported.seed,
    metric: exported.objective.metric,
    base: { ...defaultModelSettings, ...exported.model } as ModelSettings,
    dataset,
    split,
    datasetInfo: info,
    baselineLoss: dataset.classCount === 0 ? baselineMeanSquaredError(targets) : baselineLoss(counts),
    parallel: resume.parallel,
    folds: resume.folds,
    epochBudget: resume.epochBudget,
  };
  return { setup, replay: replayTrials(exported.trials) };
}

/** A generated dataset and its split, made again from the seed the export records. */
function regenerated(info: StudyExport['dataset']): SavedData {
  const dataset = generateDataset(info.name, { samples: info.samples, noise: info.noise, seed: info.seed ?? 1, ...(info.classes ? { classes: info.classes } : {}) });
  return { dataset, split: splitForTraining(dataset, info.split, info.seed ?? 1).split };
}

/** The saved trials as the runner replays them: what the export holds; the runner replays the ones that had ended. */
export function replayTrials(trials: StudyExport['trials']): StudyTrial[] {
  return trials.map((trial) => ({ ...trial, maxEpochs: trial.epochs.length, startedAtMs: 0, endedAtMs: 0 }));
}
