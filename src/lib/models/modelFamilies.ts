/**
 * The classic model families by kind name, each with its default options and one way to train:
 * a generator of TrainingSteps (one per boosting round, forest tree or solver pass; a single step
 * for a tree or k-NN) that returns the final model.
 */
import { createRandom } from '../core/random';
import { type DecisionTreeOptions, defaultDecisionTreeOptions, fitDecisionTree } from './decisionTree';
import type { ClassicModelKind, FittedModel, TrainingStep } from './fittedModel';
import { boostRounds } from './boostRounds';
import { defaultGradientBoostingOptions, type GradientBoostingOptions } from './gradientBoosting';
import { defaultLinearModelOptions, type LinearModelOptions } from './linearModel';
import { linearSteps } from './linearTraining';
import { epochRecord, scoreOutputs } from './losses';
import { defaultNearestNeighborsOptions, fitNearestNeighbors, type NearestNeighborsOptions } from './nearestNeighbors';
import { defaultRandomForestOptions, growForest, RandomForest, type RandomForestOptions } from './randomForest';
import type { FeatureTable } from './table';
import { addTreeOutputs, type TreeArrays } from './treeStructure';

/** The options of each family, by kind. */
export interface ModelOptionsByKind {
  /** Penalised linear or logistic regression. */
  linear: LinearModelOptions;
  /** One CART tree. */
  tree: DecisionTreeOptions;
  /** A random forest. */
  forest: RandomForestOptions;
  /** Gradient-boosted trees. */
  boosting: GradientBoostingOptions;
  /** k-nearest neighbours. */
  knn: NearestNeighborsOptions;
}

/** One model family: its name, defaults and training. */
export interface ModelFamily<Kind extends ClassicModelKind> {
  /** Registry name. */
  kind: Kind;
  /** Name shown in the page. */
  title: string;
  /** What one training step is, for the curve's x axis ("boosting round", "tree", …). */
  stepName: string;
  /** Default options. */
  defaults: ModelOptionsByKind[Kind];
  /** Trains on `train`, scoring each step on `train` and `validation`, seeded; returns the final model. */
  steps(train: FeatureTable, validation: FeatureTable, options: ModelOptionsByKind[Kind], seed: number): Generator<TrainingStep, FittedModel>;
}

/** The single step of a model fitted in one go: its scores on both tables. */
function* singleStep(model: FittedModel, train: FeatureTable, validation: FeatureTable): Generator<TrainingStep, FittedModel> {
  const record = epochRecord(1, scoreOutputs(model.outputs(train.features), train), scoreOutputs(model.outputs(validation.features), validation));
  yield { record, model };
  return model;
}

/** A forest's steps: after each new tree, the running average's scores (how averaging lowers the variance). */
function* forestSteps(train: FeatureTable, validation: FeatureTable, options: RandomForestOptions, seed: number): Generator<TrainingStep, FittedModel> {
  const width = Math.max(1, train.classCount);
  const trainSums = new Float64Array(train.size * width);
  const validationSums = new Float64Array(validation.size * width);
  const trees: TreeArrays[] = [];
  let model = new RandomForest(train.task, train.classCount, train.featureCount, trees);
  const trainMeans = new Float64Array(trainSums.length);
  const validationMeans = new Float64Array(validationSums.length);
  const mean = (sums: Float64Array, means: Float64Array) => {
    for (let index = 0; index < sums.length; index++) means[index] = sums[index] / trees.length;
    return means;
  };
  for (const tree of growForest(train, options, createRandom(seed).fork('forest'))) {
    trees.push(tree);
    addTreeOutputs(tree, train.features, train.featureCount, trainSums);
    addTreeOutputs(tree, validation.features, validation.featureCount, validationSums);
    model = new RandomForest(train.task, train.classCount, train.featureCount, trees.slice());
    const record = epochRecord(trees.length, scoreOutputs(mean(trainSums, trainMeans), train), scoreOutputs(mean(validationSums, validationMeans), validation));
    yield { record, model };
  }
  return model;
}

const families: { [Kind in ClassicModelKind]: ModelFamily<Kind> } = {
  linear: {
    kind: 'linear', title: 'Linear model', stepName: 'solver pass', defaults: defaultLinearModelOptions,
    steps: (train, validation, options) => linearSteps(train, validation, options),
  },
  tree: {
    kind: 'tree', title: 'Decision tree', stepName: 'fit', defaults: defaultDecisionTreeOptions,
    steps: (train, validation, options, seed) => singleStep(fitDecisionTree(train, options, createRandom(seed).fork('tree')), train, validation),
  },
  forest: {
    kind: 'forest', title: 'Random forest', stepName: 'tree', defaults: defaultRandomForestOptions, steps: forestSteps,
  },
  boosting: {
    kind: 'boosting', title: 'Gradient-boosted trees', stepName: 'boosting round', defaults: defaultGradientBoostingOptions,
    steps: (train, validation, options, seed) => boostRounds(train, validation, options, createRandom(seed).fork('boosting')),
  },
  knn: {
    kind: 'knn', title: 'k-nearest neighbours', stepName: 'fit', defaults: defaultNearestNeighborsOptions,
    steps: (train, validation, options) => singleStep(fitNearestNeighbors(train, options), train, validation),
  },
};

/** The family registered under `kind`; throws on an unknown name. */
export function modelFamily<Kind extends ClassicModelKind>(kind: Kind): ModelFamily<Kind> {
  if (!Object.hasOwn(families, kind)) throw new Error(`invalid model kind: ${kind}`);
  return families[kind] as unknown as ModelFamily<Kind>;
}
