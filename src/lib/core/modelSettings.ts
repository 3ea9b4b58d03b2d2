import type { Params } from './space';

/** Nonlinearity of the hidden layers. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'linear';
/** Update rule of the weights; '-hd' adapts the learning rate by hypergradient descent (training/hypergradientOptimizer.ts). */
export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'sgd-hd' | 'adam-hd';
/** How the initial weights are drawn. */
export type Initializer = 'glorotUniform' | 'heNormal' | 'lecunNormal' | 'randomNormal';
/** Which model family a trial trains; 'ridge' is the old polynomial ridge, read from old links as 'linear' with an L2 penalty. */
export type ModelKind = 'mlp' | 'linear' | 'tree' | 'forest' | 'boosting' | 'knn' | 'ridge';
/** Penalty of a linear model: none, L1 (Lasso), L2 (Ridge) or elastic net. */
export type PenaltyName = 'none' | 'l1' | 'l2' | 'elasticNet';
/** Impurity a classification tree splits on. */
export type CriterionName = 'gini' | 'entropy';
/** Features a forest's tree examines per split. */
export type SplitFeatures = 'sqrt' | 'half' | 'all';
/** How k-NN weighs its neighbours' votes. */
export type WeightingName = 'uniform' | 'distance';

/** Whether an optimizer adapts its learning rate during training by hypergradient descent. */
export function isHypergradient(optimizer: OptimizerName): boolean {
  return optimizer === 'sgd-hd' || optimizer === 'adam-hd';
}

/**
 * Everything that defines one trial's model and its training, as plain data
 * (so it crosses to the worker, the URL and the study export unchanged).
 */
export interface ModelSettings {
  /** Model family: a multilayer perceptron, or one of the classic families (linear, tree, forest, boosting, k-NN). */
  kind: ModelKind;
  /** Number of hidden layers of the MLP (0 = a linear / logistic model). */
  hiddenLayers: number;
  /** Units of hidden layer 1, and of every later layer whose own width is 0. */
  units: number;
  /** Units of hidden layer 2 (0 = as many as layer 1). */
  units2: number;
  /** Units of hidden layer 3 (0 = as many as layer 1). */
  units3: number;
  /** Units of hidden layer 4 (0 = as many as layer 1). */
  units4: number;
  /** Units of hidden layer 5 (0 = as many as layer 1). */
  units5: number;
  /** Units of hidden layer 6 (0 = as many as layer 1). */
  units6: number;
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Optimizer. */
  optimizer: OptimizerName;
  /** Step size of the optimizer. */
  learningRate: number;
  /** Hypergradient rate β: how fast a hypergradient optimizer ('sgd-hd', 'adam-hd') moves its learning rate. */
  hypergradientRate: number;
  /** Momentum coefficient (used by the momentum optimizer, and as rmsprop's momentum 0). */
  momentum: number;
  /** Adam's decay rate β1 of the first moment (adam, adam-hd). */
  beta1: number;
  /** Adam's decay rate β2 of the second moment (adam, adam-hd). */
  beta2: number;
  /** Examples per gradient step. */
  batchSize: number;
  /** Passes over the training data. */
  epochs: number;
  /** L1 penalty strength on the weights. */
  l1: number;
  /** L2 penalty strength on the weights. */
  l2: number;
  /** Fraction of hidden units dropped during training (0 = no dropout). */
  dropout: number;
  /** Initial weight distribution. */
  initializer: Initializer;
  /** Degree of the polynomial features (linear models). */
  degree: number;
  /** Penalty strength alpha of a linear model. */
  alpha: number;
  /** Penalty of a linear model. */
  penalty: PenaltyName;
  /** Elastic net's share of L1 in [0, 1]. */
  l1Ratio: number;
  /** Deepest split level of a tree, a forest's trees or boosting's trees (0 = no limit). */
  maxDepth: number;
  /** Fewest training rows in a tree's leaf. */
  minSamplesLeaf: number;
  /** Impurity a classification tree splits on. */
  criterion: CriterionName;
  /** Trees in a random forest. */
  treeCount: number;
  /** Features a forest's tree examines per split. */
  splitFeatures: SplitFeatures;
  /** Whether each forest tree learns from a bootstrap sample. */
  bootstrap: boolean;
  /** Share of the training rows each boosting round learns from. */
  subsample: number;
  /** k of k-nearest neighbours. */
  neighbors: number;
  /** How k-NN weighs its neighbours' votes. */
  weighting: WeightingName;
  /** Early stopping: epochs without validation improvement before stopping (0 = off). */
  patience: number;
  /** With early stopping, keep the weights of the best validation epoch. */
  restoreBestWeights: boolean;
}

/** Defaults of a small MLP that learns the spiral in about fifty epochs. */
export const defaultModelSettings: ModelSettings = {
  kind: 'mlp',
  hiddenLayers: 2,
  units: 16,
  units2: 0,
  units3: 0,
  units4: 0,
  units5: 0,
  units6: 0,
  activation: 'relu',
  optimizer: 'adam',
  learningRate: 0.03,
  hypergradientRate: 0.001,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  batchSize: 32,
  epochs: 50,
  l1: 0,
  l2: 0,
  dropout: 0,
  initializer: 'glorotUniform',
  degree: 3,
  alpha: 0,
  penalty: 'l2',
  l1Ratio: 0.5,
  maxDepth: 4,
  minSamplesLeaf: 1,
  criterion: 'gini',
  treeCount: 50,
  splitFeatures: 'sqrt',
  bootstrap: true,
  subsample: 1,
  neighbors: 5,
  weighting: 'uniform',
  patience: 0,
  restoreBestWeights: true,
};

/** The model settings of one trial: the fixed settings with the trial's params laid over them. */
export function trialSettings(base: ModelSettings, params: Params, maxEpochs: number): ModelSettings {
  const settings = { ...base, epochs: maxEpochs } as ModelSettings & Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (Object.hasOwn(base, name)) settings[name] = value;
  }
  return settings;
}

/** The settings of the widths of hidden layers 2 to 6, in layer order (layer 1 is `units`). */
export const laterLayerWidthKeys = ['units2', 'units3', 'units4', 'units5', 'units6'] as const satisfies readonly (keyof ModelSettings)[];
/** One of `laterLayerWidthKeys`. */
export type LaterLayerWidthKey = (typeof laterLayerWidthKeys)[number];

/** Adam's decay rates as Keras and TF.js default them (Kingma and Ba, "Adam", ICLR 2015, recommend the same). */
export const defaultAdamBetas = { beta1: 0.9, beta2: 0.999 } as const;

/**
 * Widths of an MLP's hidden layers, first to last: layer 1 has `units`, layer k its `units<k>`,
 * or `units` when that is 0 or absent (settings saved before per-layer widths existed).
 */
export function hiddenWidths(settings: Pick<ModelSettings, 'hiddenLayers' | 'units'> & Partial<Pick<ModelSettings, LaterLayerWidthKey>>): number[] {
  return Array.from({ length: Math.max(0, settings.hiddenLayers) }, (_, layer) => {
    const own = layer === 0 ? undefined : settings[laterLayerWidthKeys[layer - 1]];
    return own !== undefined && own > 0 ? own : settings.units;
  });
}

/** Whether an optimizer follows Adam's rule, so reads β1 and β2. */
export function usesAdamBetas(optimizer: OptimizerName): boolean {
  return optimizer === 'adam' || optimizer === 'adam-hd';
}

/** Adam's decay rates β1, β2 for a trial: its own with adam or adam-hd (the defaults where absent), the defaults with any other optimizer. */
export function adamBetas(settings: Pick<ModelSettings, 'optimizer'> & Partial<Pick<ModelSettings, 'beta1' | 'beta2'>>): { beta1: number; beta2: number } {
  if (!usesAdamBetas(settings.optimizer)) return { ...defaultAdamBetas };
  return { beta1: settings.beta1 ?? defaultAdamBetas.beta1, beta2: settings.beta2 ?? defaultAdamBetas.beta2 };
}
