/**
 * What a study is set up with (a snapshot taken when Search is pressed) and the hyperparameters
 * the search page offers; plain data, shared by the state classes, the storage and the loop.
 */
import type { ModelSettings } from '../core/modelSettings';
import { searchFormDimension, searchFormSettings, settingDefinitions } from '../core/settings';
import type { ObjectiveMetric } from '../core/trial';
import type { Dimension } from '../core/space';
import type { Dataset, Split } from '../datasets/dataset';
import type { ScheduleName } from '../search/schedules';
import type { StudyDataset } from '../storage/studySchema';

/** A hyperparameter a person may search, with the range offered by default. */
export interface SearchableSetting {
  dimension: Dimension;
  /** One line on what it does. */
  explanation: string;
}

/** The settings the search page offers to search, in the order shown, with their offered ranges (rows of the settings table). */
export const searchableSettings: SearchableSetting[] = searchFormSettings.map((name) => ({
  dimension: searchFormDimension(name),
  explanation: settingDefinitions[name].explanation,
}));

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
