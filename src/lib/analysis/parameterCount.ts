/**
 * The numbers a trial's model holds once trained, a cost for the Pareto view beside time and
 * epochs, counted the way each family stores its model:
 * - MLP: dense weights and biases, Σ (inputs + 1) · outputs;
 * - ridge (old links): one linear layer on each input's powers 1..degree (training/mlp.ts);
 * - linear: a coefficient per polynomial column (every monomial of degree 1..d, as
 *   models/designMatrix.ts builds them) plus an intercept, per output (1 for regression and two
 *   classes, else one per class);
 * - tree: its nodes (each split holds a feature and a threshold, each leaf a value). A study keeps
 *   curves, not models, so this is the most nodes the settings allow: 2^depth leaves, and no more
 *   leaves than training rows ÷ min samples per leaf; a binary tree of L leaves has 2L − 1 nodes;
 * - forest: the trees' nodes together; boosting: one tree's leaves per round (the values it adds);
 * - k-NN: the stored training points × features (its whole model is the data).
 */
import { hiddenWidths, type LaterLayerWidthKey, type ModelSettings } from '../core/modelSettings';

/** The settings parameterCount reads. */
export type CountedSettings = Pick<ModelSettings, 'kind' | 'hiddenLayers' | 'units' | 'degree' | 'maxDepth' | 'minSamplesLeaf' | 'treeCount' | 'epochs'> & Partial<Pick<ModelSettings, LaterLayerWidthKey>>;

/** Binomial coefficient n choose k, exact for the small numbers of polynomial columns. */
function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The most leaves a tree of these settings can grow on `trainingRows` rows (maxDepth 0 = no limit). */
export function treeLeafBound(settings: Pick<ModelSettings, 'maxDepth' | 'minSamplesLeaf'>, trainingRows: number): number {
  const byRows = Math.max(1, Math.floor(trainingRows / Math.max(1, settings.minSamplesLeaf)));
  return settings.maxDepth > 0 ? Math.min(2 ** settings.maxDepth, byRows) : byRows;
}

function mlpCount(settings: CountedSettings, inputs: number, outputs: number): number {
  let count = 0;
  let width = inputs;
  for (const units of hiddenWidths(settings)) {
    count += (width + 1) * units;
    width = units;
  }
  return count + (width + 1) * outputs;
}

/**
 * Numbers held by a model with these settings, for `inputs` features and `outputs` output units
 * (classes, or 1 for regression) trained on `trainingRows` rows (needed by trees and k-NN).
 */
export function parameterCount(settings: CountedSettings, inputs: number, outputs: number, trainingRows = 0): number {
  switch (settings.kind) {
    case 'ridge':
      return (inputs * settings.degree + 1) * outputs;
    case 'linear': {
      const columns = choose(inputs + settings.degree, settings.degree) - 1;
      return (columns + 1) * (outputs <= 2 ? 1 : outputs);
    }
    case 'tree':
      return 2 * treeLeafBound(settings, trainingRows) - 1;
    case 'forest':
      return settings.treeCount * (2 * treeLeafBound(settings, trainingRows) - 1);
    case 'boosting':
      // A round adds one regression tree per output (softmax boosting fits one per class).
      return settings.epochs * treeLeafBound(settings, trainingRows) * (outputs <= 2 ? 1 : outputs);
    case 'knn':
      return trainingRows * inputs;
    default:
      return mlpCount(settings, inputs, outputs);
  }
}
