/**
 * What the diagnosis knows about a trial besides its curve — the optimiser and its step size, the
 * capacity, the regularisation, the epochs and the data size — and the advice that follows from
 * them, so a suggestion never contradicts the settings (no "raise the learning rate" when it is
 * already large, no "add regularisation" when it is already strong).
 *
 * The step-size bands come from real runs (TF.js CPU, the page's spiral of 400 points with noise
 * 0.2, 2 × 16 ReLU units, 50 epochs, training seeds 1 and 2; scripts/recordCurves.ts keeps the
 * end points as test fixtures): Adam ended at 0.19–0.34 at 0.03, at 0.62–0.64 at 0.1 and at the
 * baseline (0.69) from 0.2 up, RMSprop alike; plain SGD ended at 0.55–0.58 at 1 and at 0.70–0.89
 * from 2 up; SGD with momentum 0.9 still ended at 0.50 at 0.3 and at 0.74–0.93 at 1. Adam at
 * 1e-4, SGD at 0.01 and momentum at 1e-3 ended within 1% of the baseline.
 */
import type { ModelKind, OptimizerName } from './modelSettings';
import type { TrialState } from './trial';

/** The trial's settings as the diagnosis reads them; every field is optional. */
export interface DiagnosisSettings {
  /** Update rule of the weights. */
  optimizer?: OptimizerName;
  /** Step size of the optimiser. */
  learningRate?: number;
  /** Momentum coefficient (the momentum optimiser). */
  momentum?: number;
  /** Model family. */
  kind?: ModelKind;
  /** Hidden layers of the MLP (0 = linear). */
  hiddenLayers?: number;
  /** Units per hidden layer. */
  units?: number;
  /** L1 penalty strength. */
  l1?: number;
  /** L2 penalty strength. */
  l2?: number;
  /** Fraction of hidden units dropped. */
  dropout?: number;
  /** Examples per gradient step. */
  batchSize?: number;
  /** Epochs the trial was given (planned, not run). */
  epochs?: number;
  /** Early-stopping patience (0 = off). */
  patience?: number;
  /** Rows the model was fitted on. */
  trainingSamples?: number;
  /** Tree depth of a tree, forest or boosting (0 = no limit). */
  maxDepth?: number;
  /** Fewest training rows in a tree's leaf. */
  minSamplesLeaf?: number;
  /** k of k-NN. */
  neighbors?: number;
  /** Penalty strength of a linear model. */
  alpha?: number;
  /** Polynomial degree of a linear model. */
  degree?: number;
  /** How the trial ended; 'pruned' and 'diverged' are read from here. */
  state?: TrialState | 'stopped';
}

/** Learning rates at or above which a step is large, and at or below which it is tiny, per optimiser. */
export const stepSizeBands: Record<OptimizerName, { tiny: number; large: number }> = {
  adam: { tiny: 1e-4, large: 0.1 },
  rmsprop: { tiny: 1e-4, large: 0.1 },
  sgd: { tiny: 0.01, large: 2 },
  momentum: { tiny: 1e-3, large: 1 },
  // A hypergradient optimiser's rate is only where it starts: its bands are its rule's.
  'sgd-hd': { tiny: 0.01, large: 2 },
  'adam-hd': { tiny: 1e-4, large: 0.1 },
};

/** Regularisation at or above these strengths is strong: more of it will not cure overfitting. */
export const strongRegularisation = { l1: 0.01, l2: 0.01, dropout: 0.3 } as const;

const optimizerNames: Record<OptimizerName, string> = { adam: 'Adam', rmsprop: 'RMSprop', sgd: 'SGD', momentum: 'SGD with momentum', 'sgd-hd': 'SGD with hypergradient descent', 'adam-hd': 'Adam with hypergradient descent' };

/** Where the learning rate sits for its optimiser: 'tiny', 'moderate', 'large', or null when unknown. */
export function stepSize(settings: DiagnosisSettings): 'tiny' | 'moderate' | 'large' | null {
  const { learningRate, optimizer } = settings;
  if (learningRate === undefined || !(learningRate > 0)) return null;
  const band = stepSizeBands[optimizer ?? 'adam'];
  return learningRate >= band.large ? 'large' : learningRate <= band.tiny ? 'tiny' : 'moderate';
}

/** "Adam at a learning rate of 0.79 (large: from 0.1 up)", or '' when the learning rate is unknown. */
export function describeStep(settings: DiagnosisSettings): string {
  const size = stepSize(settings);
  if (size === null) return '';
  const optimizer = settings.optimizer ?? 'adam';
  const band = stepSizeBands[optimizer];
  const why = size === 'large' ? ` (large for it: from ${number(band.large)} up)` : size === 'tiny' ? ` (tiny for it: ${number(band.tiny)} or less)` : '';
  return `${optimizerNames[optimizer]} at a learning rate of ${number(settings.learningRate ?? 0)}${why}`;
}

/** Whether the model is linear: an MLP without hidden layers (false when unknown). */
export function isLinear(settings: DiagnosisSettings): boolean {
  return (settings.kind ?? 'mlp') === 'mlp' && settings.hiddenLayers === 0;
}

/** The regularisation in force, as words ("L2 0.3, dropout 0.5"), or '' when there is none or it is unknown. */
export function describeRegularisation(settings: DiagnosisSettings): string {
  const parts: string[] = [];
  if ((settings.l1 ?? 0) > 0) parts.push(`L1 ${number(settings.l1 ?? 0)}`);
  if ((settings.l2 ?? 0) > 0) parts.push(`L2 ${number(settings.l2 ?? 0)}`);
  if ((settings.dropout ?? 0) > 0) parts.push(`dropout ${number(settings.dropout ?? 0)}`);
  return parts.join(', ');
}

/** Whether any penalty or dropout is at least `strongRegularisation`. */
export function hasStrongRegularisation(settings: DiagnosisSettings): boolean {
  return (
    (settings.l1 ?? 0) >= strongRegularisation.l1 || (settings.l2 ?? 0) >= strongRegularisation.l2 || (settings.dropout ?? 0) >= strongRegularisation.dropout
  );
}

/** Whether the regularisation settings are known (any of l1, l2, dropout given). */
function knowsRegularisation(settings: DiagnosisSettings): boolean {
  return settings.l1 !== undefined || settings.l2 !== undefined || settings.dropout !== undefined;
}

/** Ten times smaller or larger than the trial's learning rate, as text. */
function tenfold(settings: DiagnosisSettings, direction: 'down' | 'up'): string {
  const rate = settings.learningRate;
  if (rate === undefined) return direction === 'down' ? 'ten times smaller' : 'ten times larger';
  return `${number(direction === 'down' ? rate / 10 : rate * 10)}, ten times ${direction === 'down' ? 'smaller' : 'larger'}`;
}

/** Advice for a loss stuck at the baseline because the step is too large or too small. */
export function stuckAdvice(settings: DiagnosisSettings): string {
  if (stepSize(settings) === 'tiny') return `Raise the learning rate: try ${tenfold(settings, 'up')}.`;
  return `Lower the learning rate: try ${tenfold(settings, 'down')}.`;
}

/** Advice for a diverged trial (a tiny step that still diverges points at the inputs instead). */
export function divergedAdvice(settings: DiagnosisSettings): string {
  if (stepSize(settings) === 'tiny') return 'Check the inputs: features on very different scales (or huge values) blow up even small steps; standardise them.';
  return `Lower the learning rate (try ${tenfold(settings, 'down')}), and check that the inputs are on similar scales.`;
}

/** Advice for a bouncing or knocked-back loss. */
export function unstableAdvice(settings: DiagnosisSettings): string {
  const parts: string[] = [];
  if (stepSize(settings) !== 'tiny') parts.push(`lower the learning rate (try ${tenfold(settings, 'down')})`);
  const fullBatch = settings.batchSize !== undefined && settings.trainingSamples !== undefined && settings.batchSize >= settings.trainingSamples;
  if (!fullBatch) parts.push('use a larger batch');
  if (settings.optimizer === 'momentum' && (settings.momentum ?? 0.9) > 0.5) parts.push(`use less momentum (it is ${number(settings.momentum ?? 0.9)})`);
  if (parts.length === 0) return 'Look at the data: a few extreme or mislabelled points can make even small, full-batch steps jump.';
  return `${capitalise(joinOr(parts))}.`;
}

/** Advice for an overfit trial, leaving out what is already done (strong regularisation, a linear model, early stopping on). */
export function overfitAdvice(settings: DiagnosisSettings): string {
  const parts: string[] = [];
  const regularisation = describeRegularisation(settings);
  if (!hasStrongRegularisation(settings)) parts.push(regularisation ? `stronger L2 or dropout (now ${regularisation})` : 'add L2 or dropout');
  parts.push(settings.trainingSamples !== undefined ? `get more data (it learned from ${settings.trainingSamples} points)` : 'get more data');
  if (!isLinear(settings)) parts.push('use a smaller network');
  if (!((settings.patience ?? 0) > 0)) parts.push('stop earlier (early stopping with patience)');
  const already = hasStrongRegularisation(settings) ? `The regularisation is already strong (${regularisation}): ` : '';
  return already ? `${already}${joinOr(parts)}.` : `${capitalise(joinOr(parts))}.`;
}

/** Advice for curves still falling when training stopped. */
export function notConvergedAdvice(settings: DiagnosisSettings, epochsRun: number): string {
  const more = `Train for more epochs (it ran ${epochsRun})`;
  const size = stepSize(settings);
  if (size === 'tiny') return `Raise the learning rate (try ${tenfold(settings, 'up')}); ${more.toLowerCase()}.`;
  if (size === 'large') return `${more}; the learning rate is already large, so do not raise it.`;
  return `${more}, or raise the learning rate a little.`;
}

/** Advice for an underfit trial, leaving out what would contradict the settings. */
export function underfitAdvice(settings: DiagnosisSettings): string {
  const parts: string[] = [];
  const regularisation = describeRegularisation(settings);
  if (hasStrongRegularisation(settings)) parts.push(`weaken the regularisation (now ${regularisation})`);
  if (isLinear(settings)) parts.push('add a hidden layer (a model without one can only draw a straight boundary)');
  else if ((settings.kind ?? 'mlp') === 'mlp') parts.push('give the model more capacity (more units or layers)');
  else parts.push('raise the polynomial degree');
  if (regularisation && !hasStrongRegularisation(settings)) parts.push(`weaken the regularisation (now ${regularisation})`);
  else if (!knowsRegularisation(settings)) parts.push('use less regularisation');
  const size = stepSize(settings);
  if (size === 'tiny') parts.push(`raise the learning rate (try ${tenfold(settings, 'up')})`);
  // A large step is the likelier cause than a small model, so it comes first.
  else if (size === 'large') parts.unshift(`lower the learning rate (try ${tenfold(settings, 'down')}; it is large for ${optimizerNames[settings.optimizer ?? 'adam']})`);
  else if (size === null) parts.push('try a learning rate ten times larger or smaller');
  return `${capitalise(joinOr(parts))}.`;
}

/**
 * Advice for a good fit: nothing to fix, unless the step is large for its optimiser and the training loss ended at more than a
 * quarter of the baseline (`endShare`), when a smaller step may settle lower; a loss near zero has nothing left to gain.
 */
export function goodFitAdvice(settings: DiagnosisSettings, endShare = 1): string {
  if (stepSize(settings) !== 'large' || !(endShare > 0.25)) return 'Nothing to fix: compare it with other trials, or try a little more capacity to see if validation improves.';
  return `It fits, but the learning rate is large for ${optimizerNames[settings.optimizer ?? 'adam']}: try ${tenfold(settings, 'down')} to see if the loss settles lower.`;
}

function joinOr(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function number(value: number): string {
  return String(Number(value.toPrecision(3)));
}
