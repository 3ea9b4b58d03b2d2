/**
 * A rough cost model: how long one trial of a family is expected to take on these facts, from
 * the work it does (rows × features × depth for a tree, trees × that for a forest, rounds for
 * boosting, distances for k-NN, passes for a linear solver, epochs × steps for a network). The
 * constants are fitted loosely to runs of the pure models in Node on this project's loaded 2-core
 * machines, and to the WASM search benchmark for the network (see docs/ARCHITECTURE.md, "AutoML"); the race replaces them with the times it measures.
 */
import { hiddenWidths, type ModelKind, type ModelSettings } from '../../core/modelSettings';
import type { DataFacts } from './facts';

/** Families AutoML can choose among. */
export type AutoMlFamily = Exclude<ModelKind, 'ridge'>;

/** Every family, in the order AutoML considers them (cheapest usually first). */
export const autoMlFamilies: readonly AutoMlFamily[] = ['tree', 'linear', 'knn', 'boosting', 'forest', 'mlp'];

/** A family's name in a sentence. */
export const familyLabels: { readonly [K in AutoMlFamily]: string } = {
  tree: 'decision tree',
  linear: 'linear model',
  knn: 'k-nearest neighbours',
  boosting: 'gradient boosting',
  forest: 'random forest',
  mlp: 'neural network (MLP)',
};

/** Fixed cost of any trial (messages to the worker, setting up): milliseconds. */
const overheadMs = 5;
/** Milliseconds per row × feature × tree level × output (classes weigh each split's impurity; boosting grows a tree per class) when a tree grows. */
const treeMsPerCell = 5e-5;
/** Milliseconds per distance term (row pair × feature) of k-NN (digits, 1,078 × 64, scored 1,437 rows in 0.9 s). */
const knnMsPerTerm = 1e-5;
/** Milliseconds per row × column × output of one solver pass of a linear model, and the passes it takes. */
const linearMsPerCell = 1e-4;
const linearPasses = 150;
/**
 * Milliseconds per optimiser step of a small network (launch-bound on every backend), and per row ×
 * weight: `npm run bench:auto` trained 600 trial-epochs of 8 steps on WASM in 72 s (docs/BENCHMARKS.md), about 15 ms a step.
 */
const networkMsPerStep = 15;
const networkMsPerRowWeight = 2e-5;

/** The settings a cost depends on (the middle of each searched range, say). */
export type CostSettings = Pick<ModelSettings, 'maxDepth' | 'treeCount' | 'epochs' | 'degree' | 'units' | 'hiddenLayers' | 'batchSize' | 'splitFeatures'>;

/** Expected milliseconds of one trial of `family` on `facts` with `settings`. */
export function estimateTrialMs(family: AutoMlFamily, facts: DataFacts, settings: CostSettings): number {
  const rows = facts.trainRows;
  const outputs = Math.max(1, facts.classes);
  const depth = settings.maxDepth > 0 ? settings.maxDepth : Math.ceil(Math.log2(rows + 1));
  const treeMs = (features: number, levels: number) => treeMsPerCell * rows * features * levels * outputs;
  const scoredRows = rows + facts.validationRows;
  if (family === 'tree') return overheadMs + treeMs(facts.features, depth);
  if (family === 'forest') {
    const perSplit = settings.splitFeatures === 'all' ? facts.features : settings.splitFeatures === 'half' ? Math.ceil(facts.features / 2) : Math.ceil(Math.sqrt(facts.features));
    return overheadMs + settings.treeCount * (1 + treeMs(perSplit, depth));
  }
  if (family === 'boosting') return overheadMs + settings.epochs * (0.5 + treeMs(facts.features, depth) + 1e-3 * scoredRows);
  if (family === 'knn') return overheadMs + knnMsPerTerm * scoredRows * rows * facts.features;
  if (family === 'linear') return overheadMs + linearMsPerCell * linearPasses * rows * facts.features * Math.max(1, settings.degree) * outputs;
  const widths = [facts.features, ...hiddenWidths(settings), outputs];
  let weights = 0;
  for (let layer = 1; layer < widths.length; layer++) weights += widths[layer - 1] * widths[layer] + widths[layer];
  const steps = Math.ceil(rows / Math.max(1, settings.batchSize));
  return overheadMs + settings.epochs * (steps * networkMsPerStep + networkMsPerRowWeight * scoredRows * weights);
}
