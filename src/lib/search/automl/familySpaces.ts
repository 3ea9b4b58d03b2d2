/**
 * Each family's search space and fixed settings for one dataset and budget, every range with the
 * reason it has that range: depth bounded by log₂ of the rows, k by the rows, forests and boosting
 * sized by the time there is, polynomial features only where there are few columns.
 */
import { defaultModelSettings, type ModelSettings } from '../../core/modelSettings';
import type { Dimension } from '../../core/space';
import type { AutoMlDecision } from './decision';
import type { AutoMlFamily } from './familyCost';
import { familyLabels } from './familyCost';
import type { AutoMlBudget, DataFacts } from './facts';

/** One family's plan: what is searched, what is held, and why. */
export interface FamilySpace {
  family: AutoMlFamily;
  space: Dimension[];
  /** Settings held fixed for every trial of the family (laid over the defaults). */
  fixed: ModelSettings;
  /** The settings a typical trial has (the middle of each range), for the cost model. */
  typical: ModelSettings;
  decisions: AutoMlDecision[];
}

/** Trees deeper than this split the training rows into leaves of about one point. */
export function usefulDepth(trainRows: number): number {
  return Math.max(2, Math.min(12, Math.ceil(Math.log2(Math.max(2, trainRows)))));
}

const forestTrees: { readonly [K in AutoMlBudget]: number } = { quick: 50, minute: 100, fiveMinutes: 200 };
const boostingRounds: { readonly [K in AutoMlBudget]: number } = { quick: 50, minute: 100, fiveMinutes: 200 };
const networkEpochs: { readonly [K in AutoMlBudget]: number } = { quick: 20, minute: 40, fiveMinutes: 80 };

const middle = (low: number, high: number) => Math.round((low + high) / 2);

/** The space, fixed settings and reasons of `family` on `facts` with `budget`. */
export function familySpace(family: AutoMlFamily, facts: DataFacts, budget: AutoMlBudget): FamilySpace {
  const label = familyLabels[family];
  const fixed: ModelSettings = { ...defaultModelSettings, kind: family };
  const space: Dimension[] = [];
  const typical: Partial<ModelSettings> = {};
  const decisions: AutoMlDecision[] = [];
  const say = (decision: string, because: string) => decisions.push({ topic: 'space', decision: `${label}: ${decision}`, because });
  const depth = usefulDepth(facts.trainRows);
  const classifying = facts.task === 'classification';

  if (family === 'tree' || family === 'forest') {
    const low = family === 'forest' ? 2 : 1;
    space.push({ name: 'maxDepth', type: 'int', low, high: depth });
    typical.maxDepth = middle(low, depth);
    say(`depth searched from ${low} to ${depth}`, `${facts.trainRows} training rows halve to about one row per leaf after log₂ ${facts.trainRows} ≈ ${depth} levels; deeper trees could only memorise.`);
  }
  if (family === 'tree') {
    const leaf = Math.max(2, Math.min(20, Math.round(facts.trainRows / 20)));
    space.push({ name: 'minSamplesLeaf', type: 'int', low: 1, high: leaf });
    say(`fewest rows per leaf searched from 1 to ${leaf}`, `a leaf of ${leaf} rows holds about 5% of the ${facts.trainRows} training rows: larger leaves would hide real structure.`);
    if (classifying) {
      space.push({ name: 'criterion', type: 'choice', values: ['gini', 'entropy'] });
      say('both split criteria tried (Gini and entropy)', 'they usually pick the same splits, and trying both costs nothing on a tree.');
    }
  }
  if (family === 'forest') {
    const most = forestTrees[budget];
    space.push({ name: 'treeCount', type: 'int', low: 10, high: most });
    typical.treeCount = middle(10, most);
    fixed.minSamplesLeaf = 1;
    fixed.bootstrap = true;
    say(`10 to ${most} trees`, `more trees only lower the variance and never overfit, so the top is set by the time there is (${most} for this budget).`);
    if (facts.features >= 4) {
      space.push({ name: 'splitFeatures', type: 'choice', values: ['sqrt', 'half', 'all'] });
      say('features per split searched (√, half or all)', `with ${facts.features} features, how many each split may look at changes how different the trees are.`);
    } else {
      fixed.splitFeatures = 'sqrt';
      say('features per split held at √ of them', `with ${facts.features} feature${facts.features === 1 ? '' : 's'} there is little to choose between.`);
    }
  }
  if (family === 'boosting') {
    const rounds = boostingRounds[budget];
    Object.assign(fixed, { epochs: rounds, patience: 10, restoreBestWeights: true });
    space.push({ name: 'learningRate', type: 'log', low: 0.02, high: 0.5 }, { name: 'maxDepth', type: 'int', low: 1, high: Math.min(5, depth) }, { name: 'subsample', type: 'real', low: 0.5, high: 1 });
    typical.maxDepth = Math.min(3, depth);
    say(`learning rate 0.02–0.5 on a log scale, depth 1–${Math.min(5, depth)}, subsample 0.5–1`, 'boosting adds many shallow trees, each correcting the last; the learning rate trades against the rounds.');
    say(`up to ${rounds} rounds, stopping after 10 without improvement`, 'the number of rounds is found by early stopping (the best round is kept), so it need not be searched.');
  }
  if (family === 'knn') {
    const most = Math.max(2, Math.min(40, Math.round(2 * Math.sqrt(facts.trainRows))));
    space.push({ name: 'neighbors', type: 'int', low: 1, high: most }, { name: 'weighting', type: 'choice', values: ['uniform', 'distance'] });
    say(`k searched from 1 to ${most}, uniform or distance-weighted votes`, `a common rule of thumb puts k near √${facts.trainRows} ≈ ${Math.round(Math.sqrt(facts.trainRows))}; twice that leaves room on both sides.`);
  }
  if (family === 'linear') {
    space.push({ name: 'alpha', type: 'log', low: 1e-4, high: 1 }, { name: 'penalty', type: 'choice', values: ['l1', 'l2'] });
    say('penalty strength 0.0001–1 on a log scale, L1 or L2', 'the penalty acts by orders of magnitude, and L1 can drop useless features where L2 only shrinks them.');
    if (facts.features <= 4) {
      space.push({ name: 'degree', type: 'int', low: 1, high: 3 });
      typical.degree = 2;
      say('polynomial degree searched from 1 to 3', `with ${facts.features} feature${facts.features === 1 ? '' : 's'}, powers up to 3 let a linear model bend at little cost.`);
    } else {
      fixed.degree = 1;
      say('no polynomial features (degree 1)', `with ${facts.features} features, powers would multiply the columns; the other families bend instead.`);
    }
  }
  if (family === 'mlp') {
    const epochs = networkEpochs[budget];
    Object.assign(fixed, { epochs, patience: 8, restoreBestWeights: true, optimizer: 'adam' });
    space.push({ name: 'learningRate', type: 'log', low: 1e-3, high: 0.1 }, { name: 'hiddenLayers', type: 'int', low: 1, high: 3 }, { name: 'units', type: 'int', low: 4, high: 64 });
    Object.assign(typical, { hiddenLayers: 2, units: 34 });
    say('learning rate 0.001–0.1 (log), 1–3 hidden layers of 4–64 units, Adam', 'the learning rate matters most for a network; width and depth set its capacity.');
    say(`${epochs} epochs at most, stopping after 8 without improvement`, 'early stopping keeps the best epoch, so epochs need not be searched.');
  }
  return { family, space, fixed, typical: { ...fixed, ...typical }, decisions };
}
