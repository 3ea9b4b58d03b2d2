/**
 * k-nearest neighbours (Fix & Hodges 1951; Cover & Hart 1967): a row's output is the vote
 * (classes) or the mean (regression) of the k training rows nearest to it in Euclidean distance,
 * each weighted equally or by the inverse of its distance. Brute force: k-NN keeps the training
 * rows and compares every query with all of them.
 */
import type { Task } from '../datasets/dataset';
import type { FittedModel } from './fittedModel';
import { argmaxRows } from './losses';
import { checkTable, type FeatureTable } from './table';

/** How neighbours count: equally, or by 1 / distance (a row at distance 0 then decides alone). */
export type NeighborWeighting = 'uniform' | 'distance';

/** Settings of k-NN. */
export interface NearestNeighborsOptions {
  /** Number of neighbours (≥ 1; capped at the training rows). */
  k: number;
  /** Weighting of the neighbours' votes. */
  weighting: NeighborWeighting;
}

/** scikit-learn's defaults: 5 neighbours, uniform votes. */
export const defaultNearestNeighborsOptions: NearestNeighborsOptions = { k: 5, weighting: 'uniform' };

/** A fitted k-NN model: the training rows themselves. */
export class NearestNeighbors implements FittedModel {
  /** Classification or regression. */
  readonly task: Task;
  /** Number of classes; 0 for regression. */
  readonly classCount: number;
  /** Number of input features. */
  readonly featureCount: number;
  /** Settings used to predict. */
  readonly options: NearestNeighborsOptions;
  private readonly train: FeatureTable;

  constructor(train: FeatureTable, options: NearestNeighborsOptions) {
    this.task = train.task;
    this.classCount = train.classCount;
    this.featureCount = train.featureCount;
    this.options = options;
    this.train = train;
  }

  /**
   * The k nearest training rows of each query row: indices and squared distances, shape
   * [size * k] each, nearest first (equal distances: the lower training row first).
   */
  neighbors(features: ArrayLike<number>): { indices: Int32Array; squaredDistances: Float64Array; k: number } {
    const { featureCount, train } = this;
    const k = Math.min(this.options.k, train.size);
    const size = Math.floor(features.length / featureCount);
    const indices = new Int32Array(size * k);
    const squaredDistances = new Float64Array(size * k);
    const data = train.features;
    for (let row = 0; row < size; row++) {
      const base = row * k;
      let filled = 0;
      for (let other = 0; other < train.size; other++) {
        let distance = 0;
        for (let feature = 0; feature < featureCount; feature++) {
          const difference = features[row * featureCount + feature] - data[other * featureCount + feature];
          distance += difference * difference;
        }
        if (filled === k && distance >= squaredDistances[base + k - 1]) continue;
        // Insertion into the sorted list of the best k so far.
        let slot = filled < k ? filled++ : k - 1;
        while (slot > 0 && squaredDistances[base + slot - 1] > distance) {
          squaredDistances[base + slot] = squaredDistances[base + slot - 1];
          indices[base + slot] = indices[base + slot - 1];
          slot--;
        }
        squaredDistances[base + slot] = distance;
        indices[base + slot] = other;
      }
    }
    return { indices, squaredDistances, k };
  }

  /** Class shares among the weighted neighbours [size * classCount], or their weighted mean target [size]. */
  outputs(features: ArrayLike<number>): Float64Array {
    const { indices, squaredDistances, k } = this.neighbors(features);
    const size = indices.length / k;
    const width = Math.max(1, this.classCount);
    const outputs = new Float64Array(size * width);
    const weights = new Float64Array(k);
    for (let row = 0; row < size; row++) {
      const base = row * k;
      const exact = this.options.weighting === 'distance' && squaredDistances[base] === 0;
      let total = 0;
      for (let slot = 0; slot < k; slot++) {
        const distance = Math.sqrt(squaredDistances[base + slot]);
        weights[slot] = this.options.weighting === 'uniform' ? 1 : exact ? (distance === 0 ? 1 : 0) : 1 / distance;
        total += weights[slot];
      }
      for (let slot = 0; slot < k; slot++) {
        const target = this.train.targets[indices[base + slot]];
        const share = weights[slot] / total;
        if (this.classCount > 0) outputs[row * width + target] += share;
        else outputs[row] += share * target;
      }
    }
    return outputs;
  }

  /** Predicted class (ties: the lowest class index) or value per row, shape [size]. */
  predict(features: ArrayLike<number>): Float64Array {
    const outputs = this.outputs(features);
    return this.classCount > 0 ? argmaxRows(outputs, this.classCount) : outputs;
  }
}

/** "Fits" k-NN: checks the options and keeps the training rows. */
export function fitNearestNeighbors(train: FeatureTable, options: NearestNeighborsOptions = defaultNearestNeighborsOptions): NearestNeighbors {
  checkTable(train);
  if (!(Number.isInteger(options.k) && options.k >= 1)) throw new RangeError(`k must be a whole number ≥ 1, got ${options.k}`);
  if (options.weighting !== 'uniform' && options.weighting !== 'distance') throw new RangeError(`invalid neighbour weighting: ${options.weighting}`);
  return new NearestNeighbors(train, options);
}
