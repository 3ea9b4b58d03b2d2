/**
 * The rounds of gradient boosting, one at a time, each scored on the training and validation rows
 * so a boosting run has a learning curve whose epochs are rounds.
 */
import type { Random } from '../core/random';
import { featuresPerSplit } from './decisionTree';
import type { TrainingStep } from './fittedModel';
import { GradientBoosting, type GradientBoostingOptions } from './gradientBoosting';
import { scoresToOutputs, scoreWidth } from './linkFunction';
import { growTree, type GrowthLimits } from './growTree';
import { epochRecord, scoreOutputs } from './losses';
import { sortColumns } from './sortedColumns';
import { checkTable, type FeatureTable } from './table';
import { addTreeOutputs, leafOf, type TreeArrays } from './treeStructure';

function checkOptions(options: GradientBoostingOptions): void {
  const { learningRate, rounds, maxDepth, subsample } = options;
  if (!(learningRate > 0 && learningRate <= 1)) throw new RangeError(`learningRate must be in (0, 1], got ${learningRate}`);
  if (!(Number.isInteger(rounds) && rounds >= 1)) throw new RangeError(`rounds must be a whole number ≥ 1, got ${rounds}`);
  if (!(Number.isInteger(maxDepth) && maxDepth >= 1)) throw new RangeError(`maxDepth must be a whole number ≥ 1, got ${maxDepth}`);
  if (!(subsample > 0 && subsample <= 1)) throw new RangeError(`subsample must be in (0, 1], got ${subsample}`);
}

/** Starting raw scores: the target mean, the log-odds of class 1, or the log prior of each class. */
export function initialScores(train: FeatureTable): Float64Array {
  const { classCount, targets, size } = train;
  if (classCount === 0) return Float64Array.of(targets.reduce((sum, value) => sum + value, 0) / size);
  const counts = new Float64Array(classCount);
  for (const target of targets) counts[target]++;
  const prior = counts.map((count) => Math.min(1 - 1e-15, Math.max(1e-15, count / size)));
  return classCount === 2 ? Float64Array.of(Math.log(prior[1] / prior[0])) : prior.map(Math.log);
}

/** Each tree leaf's value: Friedman's one Newton step on the log-loss for the rows that reach it. */
function setNewtonLeaves(
  tree: TreeArrays, train: FeatureTable, residuals: Float64Array, probabilities: Float64Array,
  weights: Float64Array | null, classCount: number,
): void {
  const numerator = new Float64Array(tree.nodeCount);
  const denominator = new Float64Array(tree.nodeCount);
  for (let row = 0; row < train.size; row++) {
    if (weights !== null && weights[row] === 0) continue;
    const leaf = leafOf(tree, train.features, train.featureCount, row);
    const residual = residuals[row];
    numerator[leaf] += residual;
    // Two classes: p(1 − p) with p the row's probability of class 1; K classes: |r|(1 − |r|).
    denominator[leaf] += classCount === 2 ? probabilities[row] * (1 - probabilities[row]) : Math.abs(residual) * (1 - Math.abs(residual));
  }
  const factor = classCount === 2 ? 1 : (classCount - 1) / classCount;
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.left[node] !== -1) continue;
    tree.values[node] = Math.abs(denominator[node]) < 1e-150 ? 0 : (factor * numerator[node]) / denominator[node];
  }
}

/** A subsample mask: round(subsample × size) rows (at least one) get weight 1, the rest 0; null when subsample is 1. */
function subsampleWeights(size: number, subsample: number, random: Random): Float64Array | null {
  if (subsample >= 1) return null;
  const rows = random.shuffle(Array.from({ length: size }, (_, row) => row));
  const weights = new Float64Array(size);
  for (const row of rows.slice(0, Math.max(1, Math.floor(subsample * size)))) weights[row] = 1;
  return weights;
}

/**
 * Boosts one round at a time, yielding the round's record (train and validation loss in nats or
 * squared error, accuracies for classes) and the model so far; returns the final model.
 */
export function* boostRounds(
  train: FeatureTable, validation: FeatureTable, options: GradientBoostingOptions, random: Random,
): Generator<TrainingStep, GradientBoosting> {
  checkTable(train);
  checkOptions(options);
  const { classCount, featureCount } = train;
  const width = scoreWidth(classCount);
  const limits: GrowthLimits = {
    criterion: 'squaredError', maxDepth: options.maxDepth, minSamplesSplit: 2,
    minSamplesLeaf: options.minSamplesLeaf, maxFeatures: featuresPerSplit(options.maxFeatures, featureCount),
  };
  const sorted = sortColumns(train.features, train.size, featureCount);
  const init = initialScores(train);
  const trainScores = new Float64Array(train.size * width);
  const validationScores = new Float64Array(validation.size * width);
  for (let row = 0; row < train.size; row++) trainScores.set(init, row * width);
  for (let row = 0; row < validation.size; row++) validationScores.set(init, row * width);
  const residuals = new Float64Array(train.size);
  const positive = new Float64Array(train.size);
  const trainColumn = new Float64Array(train.size);
  const validationColumn = new Float64Array(validation.size);
  const rounds: TreeArrays[][] = [];
  let model = new GradientBoosting(train.task, classCount, featureCount, init, [], options.learningRate);
  for (let round = 1; round <= options.rounds; round++) {
    const roundRandom = random.fork(round);
    const weights = subsampleWeights(train.size, options.subsample, roundRandom);
    // Residuals of every class come from the scores before this round's trees (as Friedman's algorithm 6).
    const probabilities = scoresToOutputs(trainScores.slice(), classCount);
    const trees: TreeArrays[] = [];
    for (let k = 0; k < width; k++) {
      for (let row = 0; row < train.size; row++) {
        const target = train.targets[row];
        if (classCount === 0) residuals[row] = target - trainScores[row];
        else if (classCount === 2) {
          positive[row] = probabilities[row * 2 + 1];
          residuals[row] = (target === 1 ? 1 : 0) - positive[row];
        } else residuals[row] = (target === k ? 1 : 0) - probabilities[row * classCount + k];
      }
      const tree = growTree(sorted, { values: residuals, classCount: 0 }, weights, limits, roundRandom);
      if (classCount > 0) setNewtonLeaves(tree, train, residuals, positive, weights, classCount);
      trainColumn.fill(0);
      validationColumn.fill(0);
      addTreeOutputs(tree, train.features, featureCount, trainColumn, options.learningRate);
      addTreeOutputs(tree, validation.features, featureCount, validationColumn, options.learningRate);
      for (let row = 0; row < train.size; row++) trainScores[row * width + k] += trainColumn[row];
      for (let row = 0; row < validation.size; row++) validationScores[row * width + k] += validationColumn[row];
      trees.push(tree);
    }
    rounds.push(trees);
    model = new GradientBoosting(train.task, classCount, featureCount, init, rounds.slice(), options.learningRate);
    const record = epochRecord(
      round,
      scoreOutputs(scoresToOutputs(trainScores.slice(), classCount), train),
      scoreOutputs(scoresToOutputs(validationScores.slice(), classCount), validation),
    );
    yield { record, model };
  }
  return model;
}
