/**
 * The page's state as Settings and back: what a link carries (urlState.ts encodes it) and how a
 * decoded link is laid onto the page. Works on the fields of Playground and SearchSettings, so it
 * runs on plain objects in tests as well as on the reactive classes in the page.
 */
import { defaultModelSettings, type ModelSettings } from '../core/modelSettings';
import {
  acquisitionFunctionNames,
  searchSpace,
  settingDefinitions,
  validateSetting,
  validateSettings,
  type AcquisitionShortName,
  type DatasetName,
  type Settings,
  type TabName,
  type ViewName,
} from '../core/settings';
import { formatSearchedDimensions } from '../core/searchedDimensions';
import type { Dimension } from '../core/space';
import type { ScheduleName } from '../search/schedules';
import type { SearchedSetting } from './searchSettings.svelte';
import type { ObjectiveMetric } from '../core/trial';

/** The data and model fields of the page (Playground's). */
export interface DataPageState {
  choice: DatasetName;
  samples: number;
  noise: number;
  dataSeed: number;
  classes: number;
  trainFraction: number;
  validationFraction: number;
  trainingSeed: number;
  settings: ModelSettings;
  /** Switches the dataset picker (the data follows when it is ready). */
  choose(name: DatasetName): void;
}

/** The search form's fields (SearchSettings'). */
export interface SearchPageState {
  strategy: string;
  acquisition: string;
  xi: number;
  kappa: number;
  schedule: ScheduleName;
  budget: number;
  seed: number;
  parallel: number;
  folds: number;
  epochBudget: number;
  metric: ObjectiveMetric;
  rows: SearchedSetting[];
}

/** What the page shows: the tab, the visible views, the embed layout and the lesson. */
export interface ViewPageState {
  tab: TabName;
  views: ViewName[];
  embed: boolean;
  lesson: string;
}

/** One searched dimension per row, with the row's range; rows in form order. */
export interface SearchRowTemplate {
  dimension: Dimension;
}

const shortAcquisition = Object.fromEntries(Object.entries(acquisitionFunctionNames).map(([short, long]) => [long, short])) as Record<string, AcquisitionShortName>;

/** Rounds away the float noise of 1 − train − validation (the split check allows 1e-9). */
function leftover(train: number, validation: number): number {
  return Math.round((1 - train - validation) * 1e12) / 1e12;
}

/** The dimension a form row searches, typed as its template, or null when disabled or unknown. */
function rowDimension(row: SearchedSetting, templates: readonly SearchRowTemplate[]): Dimension | null {
  if (!row.enabled) return null;
  const template = templates.find((entry) => entry.dimension.name === row.name)?.dimension;
  if (!template) return null;
  if (template.type === 'choice') return template;
  return { ...template, low: Math.min(row.low, row.high), high: Math.max(row.low, row.high) };
}

/**
 * Valid settings describing the page: its data, model, search form and view. A value the page
 * holds that a link could not (an empty or out-of-range field) takes its default, so the link
 * always opens.
 */
export function settingsFromPage(data: DataPageState, search: SearchPageState, view: ViewPageState, templates: readonly SearchRowTemplate[]): Settings {
  // A row the link cannot hold (an empty bound, a log range from 0) is left out, not the whole search.
  const dimensions = search.rows
    .map((row) => rowDimension(row, templates))
    .filter((dimension): dimension is Dimension => dimension !== null && validateSetting('search', formatSearchedDimensions([dimension])).ok);
  const values: Record<string, unknown> = {
    ...data.settings,
    dataset: data.choice,
    samples: data.samples,
    noise: data.noise,
    dataSeed: data.dataSeed,
    classes: data.classes,
    trainFraction: data.trainFraction,
    validationFraction: data.validationFraction,
    testFraction: leftover(data.trainFraction, data.validationFraction),
    folds: search.folds,
    trainingSeed: data.trainingSeed,
    strategy: search.strategy,
    acquisition: shortAcquisition[search.acquisition] ?? search.acquisition,
    xi: search.xi,
    kappa: search.kappa,
    schedule: search.schedule,
    budget: search.budget,
    searchSeed: search.seed,
    parallelTrials: search.parallel,
    epochBudget: search.epochBudget,
    metric: search.metric,
    search: formatSearchedDimensions(dimensions),
    lesson: view.lesson,
    tab: view.tab,
    views: [...view.views],
    embed: view.embed,
  };
  return validateSettings(values).settings;
}

/**
 * Lays settings onto the page: data, model, search form and view. Returns a notice for each part
 * the page cannot show as the link says (a searched range the form does not offer, a dataset
 * the link cannot carry).
 */
export function applySettings(settings: Settings, data: DataPageState, search: SearchPageState, view: ViewPageState, templates: readonly SearchRowTemplate[]): string[] {
  const notices: string[] = [];
  const model: Record<string, unknown> = {};
  for (const key of Object.keys(defaultModelSettings)) model[key] = settings[key as keyof ModelSettings];
  data.settings = model as unknown as ModelSettings;
  data.samples = settings.samples;
  data.noise = settings.noise;
  data.dataSeed = settings.dataSeed;
  data.classes = settings.classes;
  data.trainFraction = settings.trainFraction;
  data.validationFraction = settings.validationFraction;
  data.trainingSeed = settings.trainingSeed;
  if (data.choice !== settings.dataset) data.choose(settings.dataset);
  if (settings.dataset === 'csv') notices.push('The link uses an uploaded CSV file, which a link cannot carry: pick the file to train on it.');
  if (settings.dataset === 'drawn') notices.push('The link uses drawn points, which a link cannot carry: draw some on the plane.');

  search.strategy = settings.strategy;
  search.acquisition = acquisitionFunctionNames[settings.acquisition];
  search.xi = settings.xi;
  search.kappa = settings.kappa;
  search.schedule = settings.schedule;
  search.budget = settings.budget;
  search.seed = settings.searchSeed;
  search.parallel = settings.parallelTrials;
  search.folds = settings.folds;
  search.epochBudget = settings.epochBudget;
  search.metric = settings.metric;
  search.rows = searchRows(searchSpace(settings), search.rows, templates, notices);

  view.tab = settings.tab;
  view.views = [...settings.views];
  view.embed = settings.embed;
  view.lesson = settings.lesson;
  return notices;
}

/** The form's rows with the linked dimensions enabled over their ranges and every other row off. */
function searchRows(dimensions: readonly Dimension[], rows: readonly SearchedSetting[], templates: readonly SearchRowTemplate[], notices: string[]): SearchedSetting[] {
  const next = rows.map((row) => ({ ...row, enabled: false }));
  for (const dimension of dimensions) {
    const row = next.find((candidate) => candidate.name === dimension.name);
    const template = templates.find((entry) => entry.dimension.name === dimension.name)?.dimension;
    const label = settingDefinitions[dimension.name as keyof Settings]?.label ?? dimension.name;
    if (!row || !template) {
      notices.push(`The search form cannot vary ${label}; the link's range for it is ignored.`);
      continue;
    }
    row.enabled = true;
    if (template.type === 'choice' || dimension.type === 'choice') {
      if (dimension.type !== 'choice' || template.type !== 'choice' || dimension.values.join('/') !== template.values.join('/')) {
        notices.push(`The search form tries every value of ${label} (${template.type === 'choice' ? template.values.join(', ') : ''}), not only those in the link.`);
      }
      continue;
    }
    if (dimension.type !== template.type) notices.push(`The search form varies ${label} on a ${template.type === 'log' ? 'log' : 'linear'} scale, not as the link says.`);
    if (template.type === 'log' && !(dimension.low > 0)) {
      notices.push(`On a log scale ${label} needs a range above 0; the form keeps its own range.`);
      continue;
    }
    row.low = dimension.low;
    row.high = dimension.high;
  }
  return next;
}
