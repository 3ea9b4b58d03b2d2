/**
 * The one declarative settings table: every setting a person can change, with its type, its
 * range or allowed values, its default and the line shown beside its control. The URL codec
 * (urlState.ts), the study export and the panels all read it, so a setting is added in one place.
 */
import { defaultModelSettings, type Activation, type Initializer, type ModelKind, type ModelSettings, type OptimizerName } from './modelSettings';
import { canonicalColumnList } from './columnList';
import { familySettingDefinitions, migrateLegacyModel } from './familySettings';
import { adamBetaDefinitions, layerWidthDefinitions } from './layerSettings';
import { formatSearchedDimensions, parseSearchedDimensions, type SearchableDefinition } from './searchedDimensions';
import { checkSettingValue, quoteValue } from './settingChecks';
import type { SearchRange, SettingCheck, SettingDefinition, SettingValue } from './settingTypes';
import type { Dimension } from './space';

export { quoteValue };
export type { SearchRange, BooleanSetting, ChoiceSetting, IntSetting, NumberSetting, SettingCheck, SettingDefinition, SettingGroup, SettingType, SettingValue, TextSetting } from './settingTypes';

/** Datasets the data panel offers: generators, shipped real data, an uploaded CSV, drawn points. */
export const datasetNames = ['spiral', 'moons', 'circles', 'xor', 'blobs', 'sine', 'polynomial', 'digits', 'iris', 'csv', 'drawn'] as const;
/** One of `datasetNames`. */
export type DatasetName = (typeof datasetNames)[number];

/** Search strategies, as registered in src/lib/search/index.ts. */
export const strategyNames = ['grid', 'random', 'quasi-random', 'bayesian', 'evolution', 'tpe', 'sobol'] as const;
/** One of `strategyNames`. */
export type StrategyName = (typeof strategyNames)[number];

/** Short names of the acquisition functions, as they appear in links. */
export const acquisitionNames = ['ei', 'pi', 'ucb', 'thompson'] as const;
/** One of `acquisitionNames`. */
export type AcquisitionShortName = (typeof acquisitionNames)[number];

/** The name the Bayesian strategy takes for each short acquisition name. */
export const acquisitionFunctionNames = {
  ei: 'expected-improvement',
  pi: 'probability-of-improvement',
  ucb: 'upper-confidence-bound',
  thompson: 'thompson-sampling',
} as const satisfies Record<AcquisitionShortName, string>;

/** Early-stopping schedules, as registered in src/lib/search/schedules/index.ts. */
export const scheduleNames = ['none', 'median', 'successiveHalving', 'hyperband'] as const;
/** One of `scheduleNames`. */
export type ScheduleShortName = (typeof scheduleNames)[number];

/** Objectives a search can minimise. */
export const objectiveMetrics = ['validationLoss', 'validationError'] as const;
/** One of `objectiveMetrics`. */
export type ObjectiveMetricName = (typeof objectiveMetrics)[number];

/** Panels the page can show; an embedded page shows only those chosen. */
export const viewNames = ['data', 'model', 'search', 'curves', 'space', 'trials', 'posterior', 'lesson'] as const;
/** One of `viewNames`. */
export type ViewName = (typeof viewNames)[number];

/** Tabs of the page: train one model by hand, search hyperparameters, diagnose a fit. */
export const tabNames = ['train', 'search', 'diagnose'] as const;
/** One of `tabNames`. */
export type TabName = (typeof tabNames)[number];

/** The model families the model selector offers ('ridge' is not offered: old links read it as 'linear' with an L2 penalty). */
export const modelKinds = ['mlp', 'linear', 'tree', 'forest', 'boosting', 'knn'] as const satisfies readonly ModelKind[];
const activations = ['relu', 'tanh', 'sigmoid', 'elu', 'linear'] as const satisfies readonly Activation[];
const optimizers = ['sgd', 'momentum', 'adam', 'rmsprop', 'sgd-hd', 'adam-hd'] as const satisfies readonly OptimizerName[];
const initializers = ['glorotUniform', 'heNormal', 'lecunNormal', 'randomNormal'] as const satisfies readonly Initializer[];

/** Every setting a person can change, as one plain object (what the URL and the panels carry); rules and explanations are in settingDefinitions. */
export interface Settings extends ModelSettings {
  dataset: DatasetName;
  samples: number;
  noise: number;
  dataSeed: number;
  classes: number;
  trainFraction: number;
  validationFraction: number;
  testFraction: number;
  folds: number;
  /** Columns of an uploaded CSV file left out of the features, as a JSON list of names ('' for none); see columnList.ts. */
  csvIgnored: string;
  trainingSeed: number;
  strategy: StrategyName;
  acquisition: AcquisitionShortName;
  xi: number;
  kappa: number;
  schedule: ScheduleShortName;
  budget: number;
  searchSeed: number;
  parallelTrials: number;
  epochBudget: number;
  metric: ObjectiveMetricName;
  /** The searched dimensions in their compact form, e.g. `learningRate:log:0.001:1,units:int:2:32`. */
  search: string;
  lesson: string;
  tab: TabName;
  views: ViewName[];
  embed: boolean;
}

/** Name of one setting. */
export type SettingKey = keyof Settings;
type SettingTable = { readonly [K in SettingKey]: SettingDefinition & { default: Settings[K] } };

const seedRange = { min: 0, max: 4294967295 } as const;

/** The settings the search form offers, in the order it shows them (each has a searchRange in the table). */
export const searchFormSettings = [
  'learningRate', 'units', 'units2', 'units3', 'units4', 'units5', 'units6', 'hiddenLayers', 'l2', 'dropout', 'batchSize', 'activation', 'optimizer', 'momentum', 'beta1', 'beta2',
  'alpha', 'penalty', 'l1Ratio', 'degree', 'maxDepth', 'minSamplesLeaf', 'criterion', 'treeCount', 'subsample', 'neighbors', 'weighting',
] as const satisfies readonly SettingKey[];
/** One of `searchFormSettings`. */
export type SearchFormSetting = (typeof searchFormSettings)[number];
/** The settings a fresh page searches. */
const searchedByDefault: readonly SearchFormSetting[] = ['learningRate', 'units'];

/** The dimension the search form offers for a setting: its table row's searchRange, named. */
export function searchFormDimension(name: SearchFormSetting): Dimension {
  const range = (settingDefinitions[name] as { searchRange?: SearchRange }).searchRange;
  if (!range) throw new Error(`${name} has no searchRange in the settings table`);
  return { name, ...range } as Dimension;
}

function searchDefinitions(): Record<string, SearchableDefinition> {
  const searchable: Record<string, SearchableDefinition> = Object.create(null);
  for (const [key, definition] of Object.entries(settingDefinitions)) {
    if (definition.type !== 'boolean' && definition.type !== 'text' && definition.searchable) searchable[key] = definition;
  }
  return searchable;
}

function canonicalSearch(text: string): SettingCheck<string> {
  const parsed = parseSearchedDimensions(text, searchDefinitions());
  return parsed.ok ? { ok: true, value: formatSearchedDimensions(parsed.dimensions) } : parsed;
}

/** The settings table, in the order the panels show the controls. */
export const settingDefinitions: SettingTable = {
  dataset: { type: 'choice', group: 'data', label: 'Dataset', values: datasetNames, default: 'spiral', explanation: 'The points to learn from: a toy shape, real data, your CSV file or points you draw.' },
  samples: { type: 'int', group: 'data', label: 'Samples', min: 50, max: 2000, default: 400, explanation: 'How many points to generate; fewer points make overfitting easier to see.' },
  noise: { type: 'number', group: 'data', label: 'Noise', min: 0, max: 1, scale: 'linear', default: 0.2, explanation: 'How far points stray from the clean shape.' },
  dataSeed: { type: 'int', group: 'data', label: 'Data seed', ...seedRange, default: 42, explanation: 'The same seed and settings always give the same points.' },
  classes: { type: 'int', group: 'data', label: 'Classes', min: 2, max: 5, default: 2, explanation: 'How many classes the spiral or the blobs have.' },
  trainFraction: { type: 'number', group: 'data', label: 'Training fraction', min: 0.1, max: 0.9, scale: 'linear', default: 0.6, explanation: 'Share of the points the model learns from.' },
  validationFraction: { type: 'number', group: 'data', label: 'Validation fraction', min: 0.05, max: 0.5, scale: 'linear', default: 0.2, explanation: 'Share of the points the search scores trials on.' },
  testFraction: { type: 'number', group: 'data', label: 'Test fraction', min: 0, max: 0.5, scale: 'linear', default: 0.2, explanation: 'Share held back, untouched by the search, for one honest score at the end.' },
  folds: { type: 'int', group: 'data', label: 'Cross-validation folds', min: 3, max: 10, off: 0, default: 0, explanation: 'Score each trial on k folds of training plus validation data; 0 uses the one validation split.' },
  csvIgnored: { type: 'text', group: 'data', label: 'Columns left out', maxLength: 8000, canonical: canonicalColumnList, default: '', explanation: 'Columns of the uploaded CSV file the model does not learn from (an id, text it cannot read).' },

  kind: { type: 'choice', group: 'model', label: 'Model', values: modelKinds, default: defaultModelSettings.kind, explanation: 'A neural network (MLP), a linear model (Lasso, Ridge, logistic), one decision tree, a random forest, gradient-boosted trees or k-nearest neighbours.' },
  hiddenLayers: { type: 'int', group: 'model', label: 'Hidden layers', min: 0, max: 6, default: defaultModelSettings.hiddenLayers, searchable: true, searchRange: { type: 'int', low: 0, high: 3 }, explanation: 'Depth of the network; 0 is a linear (logistic) model.' },
  units: { type: 'int', group: 'model', label: 'Units per layer', min: 1, max: 128, default: defaultModelSettings.units, searchable: true, searchRange: { type: 'int', low: 2, high: 32 }, explanation: 'Width of each hidden layer: more units, more capacity.' },
  ...layerWidthDefinitions,
  activation: { type: 'choice', group: 'model', label: 'Activation', values: activations, default: defaultModelSettings.activation, searchable: true, searchRange: { type: 'choice', values: ['relu', 'tanh', 'sigmoid', 'elu'] }, explanation: 'The nonlinearity that lets hidden layers bend the boundary.' },
  initializer: { type: 'choice', group: 'model', label: 'Weight initialisation', values: initializers, default: defaultModelSettings.initializer, searchable: true, explanation: 'How the starting weights are drawn; a bad scale can stall training.' },
  degree: { type: 'int', group: 'model', label: 'Polynomial degree', min: 1, max: 15, default: defaultModelSettings.degree, searchable: true, searchRange: { type: 'int', low: 1, high: 8 }, explanation: 'Highest power of the features in a linear model: low underfits, high overfits.' },
  ...familySettingDefinitions,

  optimizer: { type: 'choice', group: 'training', label: 'Optimizer', values: optimizers, default: defaultModelSettings.optimizer, searchable: true, searchRange: { type: 'choice', values: ['sgd', 'momentum', 'adam', 'rmsprop'] }, explanation: 'The rule that turns gradients into weight updates; the -hd rules adapt their learning rate as they train (hypergradient descent).' },
  learningRate: { type: 'number', group: 'training', label: 'Learning rate', min: 1e-5, max: 10, scale: 'log', default: defaultModelSettings.learningRate, searchable: true, searchRange: { type: 'log', low: 1e-3, high: 1 }, explanation: 'Step size of each update: too small crawls, too large diverges.' },
  hypergradientRate: { type: 'number', group: 'training', label: 'Hypergradient rate β', min: 1e-9, max: 1, scale: 'log', default: defaultModelSettings.hypergradientRate, searchable: true, explanation: 'How fast sgd-hd and adam-hd move their learning rate: each step adds β × (this gradient · the last step\'s direction).' },
  momentum: { type: 'number', group: 'training', label: 'Momentum', min: 0, max: 0.99, scale: 'linear', default: defaultModelSettings.momentum, searchable: true, searchRange: { type: 'real', low: 0, high: 0.95 }, explanation: 'How much of the previous step carries into the next (momentum optimizer).' },
  ...adamBetaDefinitions,
  batchSize: { type: 'int', group: 'training', label: 'Batch size', min: 1, max: 2000, default: defaultModelSettings.batchSize, searchable: true, searchRange: { type: 'int', low: 8, high: 128 }, explanation: 'Examples per gradient step: small batches are noisy, large ones smooth but slow to move.' },
  epochs: { type: 'int', group: 'training', label: 'Epochs', min: 1, max: 1000, default: defaultModelSettings.epochs, searchable: true, explanation: 'Passes over the training data.' },
  l1: { type: 'number', group: 'training', label: 'L1 penalty', min: 0, max: 1, scale: 'linear', default: defaultModelSettings.l1, searchable: true, explanation: 'Pushes weights to exactly zero: a sparser, simpler model.' },
  l2: { type: 'number', group: 'training', label: 'L2 penalty', min: 0, max: 1, scale: 'linear', default: defaultModelSettings.l2, searchable: true, searchRange: { type: 'log', low: 1e-5, high: 0.1 }, explanation: 'Pulls weights towards zero: a smoother boundary, less overfitting.' },
  dropout: { type: 'number', group: 'training', label: 'Dropout', min: 0, max: 0.9, scale: 'linear', default: defaultModelSettings.dropout, searchable: true, searchRange: { type: 'real', low: 0, high: 0.5 }, explanation: 'Share of hidden units switched off at each step, so none can be relied on alone.' },
  alpha: { type: 'number', group: 'training', label: 'Penalty strength alpha', min: 0, max: 100, scale: 'linear', default: defaultModelSettings.alpha, searchable: true, searchRange: { type: 'log', low: 1e-4, high: 1 }, explanation: 'Strength of a linear model\'s penalty: larger alpha, smaller weights and a flatter fit.' },
  patience: { type: 'int', group: 'training', label: 'Early-stopping patience', min: 0, max: 100, default: defaultModelSettings.patience, searchable: true, explanation: 'Epochs without validation improvement before training stops; 0 never stops early.' },
  restoreBestWeights: { type: 'boolean', group: 'training', label: 'Restore best weights', default: defaultModelSettings.restoreBestWeights, explanation: 'After early stopping, keep the weights of the best validation epoch.' },
  trainingSeed: { type: 'int', group: 'training', label: 'Training seed', ...seedRange, default: 1, explanation: 'Seeds the starting weights and the batch order.' },

  strategy: { type: 'choice', group: 'search', label: 'Strategy', values: strategyNames, default: 'random', explanation: 'How the next trial is chosen: a grid, at random, or guided by earlier results.' },
  acquisition: { type: 'choice', group: 'search', label: 'Acquisition', values: acquisitionNames, default: 'ei', explanation: 'How Bayesian search weighs a promising guess against an uncertain one.' },
  xi: { type: 'number', group: 'search', label: 'Exploration xi', min: 0, max: 1, scale: 'linear', default: 0.01, explanation: 'Improvement EI and PI ask for before they value a point: larger explores more.' },
  kappa: { type: 'number', group: 'search', label: 'Exploration kappa', min: 0, max: 10, scale: 'linear', default: 1.96, explanation: 'Weight UCB gives to uncertainty: larger explores more.' },
  schedule: { type: 'choice', group: 'search', label: 'Early-stopping schedule', values: scheduleNames, default: 'none', explanation: 'Whether unpromising trials are stopped early to save the budget.' },
  budget: { type: 'int', group: 'search', label: 'Budget (trials)', min: 1, max: 200, default: 12, explanation: 'How many trials the search may run.' },
  searchSeed: { type: 'int', group: 'search', label: 'Search seed', ...seedRange, default: 1, explanation: 'The same seed and results give the same proposed trials.' },
  parallelTrials: { type: 'int', group: 'search', label: 'Trials in parallel', min: 1, max: 64, default: 4, explanation: 'Trials trained side by side on the GPU.' },
  epochBudget: { type: 'int', group: 'search', label: 'Epoch budget', min: 1, max: 1_000_000, off: 0, default: 0, explanation: 'Stop when all trials together have trained this many epochs; 0 means no limit.' },
  metric: { type: 'choice', group: 'search', label: 'Objective', values: objectiveMetrics, default: 'validationLoss', explanation: 'What the search minimises: validation loss, or validation error (1 − accuracy).' },
  search: {
    type: 'text', group: 'search', label: 'Searched hyperparameters', maxLength: 2000, canonical: canonicalSearch, explanation: 'Which hyperparameters the search varies, and over what range.',
    /** The offered ranges of the settings searched by default. */
    get default(): string {
      return formatSearchedDimensions(searchedByDefault.map((name) => searchFormDimension(name)));
    },
  },

  lesson: { type: 'text', group: 'view', label: 'Lesson', maxLength: 64, default: '', explanation: 'The guided lesson to open, or none.' },
  tab: { type: 'choice', group: 'view', label: 'Tab', values: tabNames, default: 'train', explanation: 'The tab the page opens on: train one model, search, or diagnose.' },
  views: { type: 'choice', group: 'view', label: 'Visible views', values: viewNames, multiple: true, default: [...viewNames], explanation: 'Which panels show; an embedded page shows only these.' },
  embed: { type: 'boolean', group: 'view', label: 'Embed layout', default: false, explanation: 'A compact layout for an iframe in a course page.' },
};

/** The setting keys, in table order. */
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

/** Whether key names a setting (own keys only, so `__proto__` and `constructor` are not settings). */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}

/** A fresh object holding every setting's default. */
export function defaultSettings(): Settings {
  const settings: Record<string, SettingValue> = {};
  for (const key of settingKeys) {
    const value = settingDefinitions[key].default;
    settings[key] = Array.isArray(value) ? [...value] : value;
  }
  return settings as unknown as Settings;
}

/**
 * The valid value of one setting from an untrusted value (a typed value, or the text of a link),
 * or a notice naming the setting and its rule; an unknown key gives a notice too.
 */
export function validateSetting<K extends SettingKey>(key: K, value: unknown): SettingCheck<Settings[K]>;
export function validateSetting(key: string, value: unknown): SettingCheck<SettingValue>;
export function validateSetting(key: string, value: unknown): SettingCheck<SettingValue> {
  if (!isSettingKey(key)) return { ok: false, notice: `Unknown setting ${quoteValue(key)} is ignored.` };
  const definition: SettingDefinition = settingDefinitions[key];
  return checkSettingValue(definition, value);
}

/** How far the split fractions may add up away from 1, for rounding in decimal text. */
const splitTolerance = 1e-9;

/**
 * Complete, valid settings from untrusted values keyed by setting (missing keys take their
 * default), with a notice for every unknown key, refused value, and a split that is not whole.
 */
export function validateSettings(given: Readonly<Record<string, unknown>>): { settings: Settings; notices: string[] } {
  const values = migrateLegacyModel(given);
  const settings = defaultSettings() as unknown as Record<string, SettingValue>;
  const notices: string[] = [];
  for (const key of Object.keys(values)) {
    const checked = validateSetting(key, values[key]);
    if (checked.ok) settings[key] = checked.value;
    else if (!isSettingKey(key)) notices.push(checked.notice);
    else notices.push(`${checked.notice} Using the default, ${quoteValue(settingDefinitions[key].default)}.`);
  }
  const result = settings as unknown as Settings;
  const sum = result.trainFraction + result.validationFraction + result.testFraction;
  if (Math.abs(sum - 1) > splitTolerance) {
    const fallback = defaultSettings();
    notices.push(
      `The split fractions ${result.trainFraction} + ${result.validationFraction} + ${result.testFraction} do not add up to 1; `
      + `using the default split ${fallback.trainFraction} / ${fallback.validationFraction} / ${fallback.testFraction}.`,
    );
    result.trainFraction = fallback.trainFraction;
    result.validationFraction = fallback.validationFraction;
    result.testFraction = fallback.testFraction;
  }
  return { settings: result, notices };
}

/** The search space the settings describe (their `search` text), in the order written. */
export function searchSpace(settings: Pick<Settings, 'search'>): Dimension[] {
  const parsed = parseSearchedDimensions(settings.search, searchDefinitions());
  return parsed.ok ? parsed.dimensions : [];
}

/** The model settings within the settings (the fields of ModelSettings only). */
export function modelSettingsOf(settings: Settings): ModelSettings {
  const model: Record<string, unknown> = {};
  for (const key of Object.keys(defaultModelSettings)) model[key] = settings[key as keyof ModelSettings];
  return model as unknown as ModelSettings;
}
