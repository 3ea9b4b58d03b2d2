/**
 * Population-based training (Jaderberg et al. 2017) of K MLPs that share a structure: each
 * member trains with its own learning rate, L1/L2 penalty and batch size; every `interval`
 * epochs the PBT controller (search/pbt.ts) ranks them by validation loss, and each member
 * that exploits takes a copy of its parent's weights and Adam/RMSprop/momentum state, then
 * trains on with the explored hyperparameters. The members train one after another (plain
 * tf.Sequential models), so this works on any backend; losses are reported as trainTrial does.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSettings } from '../core/modelSettings';
import { createRandom, type Random } from '../core/random';
import type { Dimension, Params } from '../core/space';
import { PbtController, type LineageEntry } from '../search/pbt';
import { buildMlp, weightPenalty } from './mlp';
import { createOptimizer } from './optimizer';
import type { TrialData } from './trainTrial';

/** Hyperparameters PBT may change mid-training (the structure cannot change once weights are copied). */
export const pbtSearchable = ['learningRate', 'l1', 'l2', 'batchSize'] as const;

/** Options of trainPbt. */
export interface PbtTrainingOptions {
  data: TrialData;
  /** Everything not searched: structure (kind 'mlp'), optimiser, epochs (each member's total). */
  settings: ModelSettings;
  /** Searched dimensions, named from pbtSearchable. */
  space: Dimension[];
  /** Number of members K. */
  population: number;
  /** Epochs between exploit/explore steps. */
  interval: number;
  seed: number;
  /** Called after each epoch with every member's validation loss (NaN once diverged). */
  onEpoch?: (epoch: number, validationLosses: number[]) => void;
}

/** What a PBT run produced. */
export interface PbtResult {
  /** Validation loss per member per epoch, shape [population][epochs]; the jumps are the copies. */
  validationLoss: number[][];
  /** The controller's lineage: every member at every step. */
  lineage: LineageEntry[];
  /** Member with the lowest validation loss after the last epoch, and that loss. */
  bestMember: number;
  bestValidationLoss: number;
}

/** The two splits on the device: inputs [n, featureCount], targets one-hot [n, C] or [n, 1]. */
interface PbtTensors {
  xTrain: tf.Tensor2D;
  yTrain: tf.Tensor2D;
  xValidation: tf.Tensor2D;
  yValidation: tf.Tensor2D;
  classCount: number;
}

function uploadSplits(data: TrialData): PbtTensors {
  const rows = (indices: ArrayLike<number>) => {
    const values = new Float32Array(indices.length * data.featureCount);
    for (let i = 0; i < indices.length; i++) values.set(data.features.subarray(indices[i] * data.featureCount, (indices[i] + 1) * data.featureCount), i * data.featureCount);
    return tf.tensor2d(values, [indices.length, data.featureCount]);
  };
  const targets = (indices: ArrayLike<number>) => {
    const values = Array.from(indices, (i) => data.targets[i]);
    if (data.classCount === 0) return tf.tensor2d(values, [values.length, 1]);
    return tf.tidy(() => tf.oneHot(tf.tensor1d(values, 'int32'), data.classCount).toFloat() as tf.Tensor2D);
  };
  return { xTrain: rows(data.trainIndices), yTrain: targets(data.trainIndices), xValidation: rows(data.validationIndices), yValidation: targets(data.validationIndices), classCount: data.classCount };
}

function dataLoss(outputs: tf.Tensor, expected: tf.Tensor, classCount: number): tf.Scalar {
  return classCount === 0 ? tf.losses.meanSquaredError(expected, outputs) : tf.losses.softmaxCrossEntropy(expected, outputs);
}

/** One member of the population: its network, optimiser, current hyperparameters and data-order stream. */
class PbtMember {
  readonly network: tf.Sequential;
  readonly #variables: tf.Variable[];
  readonly #base: ModelSettings;
  readonly #random: Random;
  #optimizer: tf.Optimizer;
  #params: Params;

  /** Builds the member's network with weights from random.fork('init'); its data order comes from random.fork('order'). */
  constructor(base: ModelSettings, params: Params, featureCount: number, outputSize: number, random: Random) {
    this.#base = base;
    this.#params = params;
    this.network = buildMlp(this.#settings(), featureCount, outputSize, random.fork('init'));
    this.#variables = this.network.trainableWeights.map((weight) => weight.read() as tf.Variable);
    this.#optimizer = createOptimizer(this.#settings());
    this.#random = random.fork('order');
  }

  /** One epoch of mini-batch steps; `order` (positions in the training split) is shuffled in place. */
  trainEpoch(splits: PbtTensors, order: number[]): void {
    const settings = this.#settings();
    const batchSize = Math.max(1, Math.min(Math.round(settings.batchSize), order.length));
    this.#random.shuffle(order);
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = tf.tensor1d(order.slice(start, start + batchSize), 'int32');
      const cost = this.#optimizer.minimize(() => {
        const outputs = this.network.apply(tf.gather(splits.xTrain, batch), { training: true }) as tf.Tensor;
        return dataLoss(outputs, tf.gather(splits.yTrain, batch), splits.classCount).add(weightPenalty(this.network, settings.l1, settings.l2));
      }, false, this.#variables);
      cost?.dispose();
      batch.dispose();
    }
  }

  /** The data loss on the whole validation split. */
  async validationLoss(splits: PbtTensors): Promise<number> {
    const scalar = tf.tidy(() => dataLoss(this.network.predict(splits.xValidation) as tf.Tensor, splits.yValidation, splits.classCount));
    const value = (await scalar.data())[0];
    scalar.dispose();
    return value;
  }

  /** Exploit and explore: takes a copy of `from`'s weights and optimiser state, then trains on with `params`. */
  async copyFrom(from: PbtMember, params: Params): Promise<void> {
    this.network.setWeights(from.network.getWeights());
    const state = await from.#optimizer.getWeights();
    this.#optimizer.dispose();
    this.#optimizer = createOptimizer(({ ...this.#base, ...params }) as ModelSettings);
    // Optimiser slots are matched by position, and both members list their variables in the same order.
    if (state.length > 1) await this.#optimizer.setWeights(state);
    state[0]?.tensor.dispose(); // the iteration count, a fresh scalar getWeights made
    this.#params = params;
  }

  dispose(): void {
    this.network.dispose();
    this.#optimizer.dispose();
  }

  #settings(): ModelSettings {
    return ({ ...this.#base, ...this.#params }) as ModelSettings;
  }
}

function checkOptions({ settings, space, interval }: PbtTrainingOptions): void {
  if (settings.kind !== 'mlp') throw new Error('PBT trains MLPs');
  for (const dimension of space) {
    if (!(pbtSearchable as readonly string[]).includes(dimension.name)) throw new Error(`PBT cannot change ${dimension.name} during training`);
  }
  if (!(Number.isInteger(interval) && interval >= 1)) throw new Error(`invalid interval: ${interval}`);
}

/** Trains each member that has not diverged for one epoch and returns every validation loss (NaN once diverged). */
async function trainMembers(members: PbtMember[], diverged: boolean[], splits: PbtTensors, order: number[]): Promise<number[]> {
  const losses: number[] = [];
  for (let k = 0; k < members.length; k++) {
    if (!diverged[k]) members[k].trainEpoch(splits, order);
    const value = diverged[k] ? NaN : await members[k].validationLoss(splits);
    if (!Number.isFinite(value)) diverged[k] = true;
    losses.push(Number.isFinite(value) ? value : NaN);
  }
  return losses;
}

/** The member with the lowest final validation loss (the first one when none is finite). */
function bestOf(curves: number[][]): number {
  const finals = curves.map((curve) => curve[curve.length - 1]);
  let bestMember = 0;
  finals.forEach((value, k) => {
    if (Number.isFinite(value) && !(finals[bestMember] <= value)) bestMember = k;
  });
  return bestMember;
}

/** Trains a PBT population on data and returns its curves and lineage; every tensor is freed on return. */
export async function trainPbt(options: PbtTrainingOptions): Promise<PbtResult> {
  checkOptions(options);
  const { data, settings, population, interval, seed } = options;
  const controller = new PbtController(options.space, { seed, population });
  const random = createRandom(seed);
  const splits = uploadSplits(data);
  const outputSize = data.classCount === 0 ? 1 : data.classCount;
  const members = controller.params.map((params, k) => new PbtMember(settings, params, data.featureCount, outputSize, random.fork(`member-${k}`)));
  const curves: number[][] = members.map(() => []);
  const diverged = members.map(() => false);
  // One order array that every member shuffles in turn, from its own stream.
  const order = Array.from({ length: data.trainIndices.length }, (_, i) => i);
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const losses = await trainMembers(members, diverged, splits, order);
      losses.forEach((value, k) => curves[k].push(value));
      options.onEpoch?.(epoch, losses);
      if (epoch % interval === 0 && epoch < settings.epochs) {
        const decisions = controller.step(losses.map((value) => (Number.isFinite(value) ? value : null)), epoch);
        for (const { from, to, params } of decisions) {
          await members[to].copyFrom(members[from], params);
          diverged[to] = false;
        }
      }
    }
    const bestMember = bestOf(curves);
    return { validationLoss: curves, lineage: controller.lineage, bestMember, bestValidationLoss: curves[bestMember][curves[bestMember].length - 1] };
  } finally {
    for (const member of members) member.dispose();
    tf.dispose([splits.xTrain, splits.yTrain, splits.xValidation, splits.yValidation]);
  }
}
