/**
 * The rows of the settings table that only the classic model families read (penalty, tree depth,
 * forest size, k…), and which settings each family uses, so the model form and the search form
 * show only the rows that change the chosen model.
 */
import { defaultModelSettings, type ModelKind, type ModelSettings } from './modelSettings';
import type { BooleanSetting, ChoiceSetting, IntSetting, NumberSetting } from './settingTypes';

const penalties = ['none', 'l1', 'l2', 'elasticNet'] as const;
const criteria = ['gini', 'entropy'] as const;
const splitFeatureChoices = ['sqrt', 'half', 'all'] as const;
const weightings = ['uniform', 'distance'] as const;

type FamilyKey = 'penalty' | 'l1Ratio' | 'maxDepth' | 'minSamplesLeaf' | 'criterion' | 'treeCount' | 'splitFeatures' | 'bootstrap' | 'subsample' | 'neighbors' | 'weighting';
type Row<T> = T extends boolean ? BooleanSetting : T extends number ? NumberSetting | IntSetting : ChoiceSetting;

/** The family-only rows, in the order the model form shows them (settings.ts lays them into the one table). */
export const familySettingDefinitions: { readonly [K in FamilyKey]: Row<ModelSettings[K]> & { default: ModelSettings[K] } } = {
  penalty: { type: 'choice', group: 'model', label: 'Penalty', values: penalties, default: defaultModelSettings.penalty, searchable: true, searchRange: { type: 'choice', values: ['l1', 'l2'] }, explanation: 'L1 (Lasso) sets weights to exactly zero; L2 (Ridge) only shrinks them; elastic net mixes both.' },
  l1Ratio: { type: 'number', group: 'model', label: 'Elastic-net L1 share', min: 0, max: 1, scale: 'linear', default: defaultModelSettings.l1Ratio, searchable: true, searchRange: { type: 'real', low: 0, high: 1 }, explanation: 'How much of an elastic-net penalty is L1 (1 = Lasso, 0 = Ridge).' },
  maxDepth: { type: 'int', group: 'model', label: 'Max tree depth', min: 1, max: 30, off: 0, default: defaultModelSettings.maxDepth, searchable: true, searchRange: { type: 'int', low: 1, high: 12 }, explanation: 'How many questions a tree may ask in a row: deep trees fit noise; 0 means no limit.' },
  minSamplesLeaf: { type: 'int', group: 'model', label: 'Min samples per leaf', min: 1, max: 100, default: defaultModelSettings.minSamplesLeaf, searchable: true, searchRange: { type: 'int', low: 1, high: 20 }, explanation: 'Fewest training points a leaf may hold: larger leaves, smoother boundary.' },
  criterion: { type: 'choice', group: 'model', label: 'Split criterion', values: criteria, default: defaultModelSettings.criterion, searchable: true, searchRange: { type: 'choice', values: ['gini', 'entropy'] }, explanation: 'How a classification tree measures a split\'s purity (regression uses squared error).' },
  treeCount: { type: 'int', group: 'model', label: 'Trees', min: 1, max: 500, default: defaultModelSettings.treeCount, searchable: true, searchRange: { type: 'int', low: 5, high: 200 }, explanation: 'Trees a forest averages: more trees, less variance, never more overfitting.' },
  splitFeatures: { type: 'choice', group: 'model', label: 'Features per split', values: splitFeatureChoices, default: defaultModelSettings.splitFeatures, searchable: true, explanation: 'How many features each forest split may look at (√ of them, half or all): fewer makes the trees differ more.' },
  bootstrap: { type: 'boolean', group: 'model', label: 'Bootstrap samples', default: defaultModelSettings.bootstrap, explanation: 'Each forest tree learns from points drawn with replacement, so the trees differ.' },
  subsample: { type: 'number', group: 'model', label: 'Subsample per round', min: 0.1, max: 1, scale: 'linear', default: defaultModelSettings.subsample, searchable: true, searchRange: { type: 'real', low: 0.5, high: 1 }, explanation: 'Share of the training points each boosting round learns from (below 1: stochastic boosting).' },
  neighbors: { type: 'int', group: 'model', label: 'Neighbours k', min: 1, max: 200, default: defaultModelSettings.neighbors, searchable: true, searchRange: { type: 'int', low: 1, high: 40 }, explanation: 'How many nearest training points vote: k = 1 overfits, a large k underfits.' },
  weighting: { type: 'choice', group: 'model', label: 'Neighbour weighting', values: weightings, default: defaultModelSettings.weighting, searchable: true, searchRange: { type: 'choice', values: ['uniform', 'distance'] }, explanation: 'Uniform votes, or closer neighbours count more (distance).' },
};

/** The model settings each family reads, in form order (the MLP's are the network and optimiser settings). */
export const familySettingKeys: { readonly [K in ModelKind]: readonly (keyof ModelSettings)[] } = {
  mlp: ['hiddenLayers', 'units', 'units2', 'units3', 'units4', 'units5', 'units6', 'activation', 'initializer', 'dropout', 'l1', 'l2', 'optimizer', 'learningRate', 'hypergradientRate', 'momentum', 'beta1', 'beta2', 'batchSize', 'epochs', 'patience', 'restoreBestWeights'],
  linear: ['penalty', 'alpha', 'l1Ratio', 'degree'],
  tree: ['maxDepth', 'minSamplesLeaf', 'criterion'],
  forest: ['treeCount', 'maxDepth', 'minSamplesLeaf', 'criterion', 'splitFeatures', 'bootstrap'],
  boosting: ['learningRate', 'epochs', 'maxDepth', 'minSamplesLeaf', 'subsample', 'patience', 'restoreBestWeights'],
  knn: ['neighbors', 'weighting'],
  ridge: ['degree', 'alpha'],
};

/** Whether the family `kind` reads setting `key` (a search over a setting it ignores would be wasted). */
export function familyUses(kind: ModelKind, key: string): boolean {
  return (familySettingKeys[kind] as readonly string[]).includes(key);
}

/** Whether a family trains in epochs of mini-batches with TF.js (the MLP) rather than as a classic model on the CPU. */
export function isNetworkKind(kind: ModelKind): boolean {
  return kind === 'mlp' || kind === 'ridge';
}

/**
 * Settings as an old link or study wrote them, read into today's: the old polynomial ridge
 * (`kind=ridge`) becomes a linear model with an L2 penalty, keeping its degree and alpha.
 */
export function migrateLegacyModel<T extends Readonly<Record<string, unknown>>>(values: T): T {
  if (values.kind !== 'ridge') return values;
  return { ...values, kind: 'linear', penalty: values.penalty ?? 'l2' };
}

/** Steps a trial of these settings plans (the curve's x extent): epochs or boosting rounds, a forest's trees, one fit, or the solver passes so far. */
export function plannedSteps(settings: Pick<ModelSettings, 'kind' | 'epochs' | 'treeCount'>, stepsSoFar: number): number {
  if (settings.kind === 'forest') return settings.treeCount;
  if (settings.kind === 'tree' || settings.kind === 'knn') return 1;
  if (settings.kind === 'linear') return Math.max(1, stepsSoFar);
  return settings.epochs;
}
