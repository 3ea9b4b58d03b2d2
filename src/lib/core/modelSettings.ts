import type { Params } from './space';

/** Nonlinearity of the hidden layers. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'linear';
/** Update rule of the weights. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop';
/** How the initial weights are drawn. */
export type Initializer = 'glorotUniform' | 'heNormal' | 'lecunNormal' | 'randomNormal';
/** Which model family a trial trains. */
export type ModelKind = 'mlp' | 'ridge';

/**
 * Everything that defines one trial's model and its training, as plain data
 * (so it crosses to the worker, the URL and the study export unchanged).
 */
export interface ModelSettings {
  /** Model family: a multilayer perceptron, or polynomial ridge regression. */
  kind: ModelKind;
  /** Number of hidden layers of the MLP (0 = a linear / logistic model). */
  hiddenLayers: number;
  /** Units per hidden layer. */
  units: number;
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Optimizer. */
  optimizer: OptimizerName;
  /** Step size of the optimizer. */
  learningRate: number;
  /** Momentum coefficient (used by the momentum optimizer, and as rmsprop's momentum 0). */
  momentum: number;
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
  /** Degree of the polynomial features (ridge only). */
  degree: number;
  /** Ridge regularisation strength alpha (ridge only). */
  alpha: number;
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
  activation: 'relu',
  optimizer: 'adam',
  learningRate: 0.03,
  momentum: 0.9,
  batchSize: 32,
  epochs: 50,
  l1: 0,
  l2: 0,
  dropout: 0,
  initializer: 'glorotUniform',
  degree: 3,
  alpha: 0,
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
