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

interface Member {
  network: tf.Sequential;
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
  params: Params;
  random: Random;
}

/** Trains a PBT population on data and returns its curves and lineage; every tensor is freed on return. */
export async function trainPbt(options: PbtTrainingOptions): Promise<PbtResult> {
  const { data, settings, space, population, interval, seed } = options;
  if (settings.kind !== 'mlp') throw new Error('PBT trains MLPs');
  for (const dimension of space) {
    if (!(pbtSearchable as readonly string[]).includes(dimension.name)) throw new Error(`PBT cannot change ${dimension.name} during training`);
  }
  if (!(Number.isInteger(interval) && interval >= 1)) throw new Error(`invalid interval: ${interval}`);
  const controller = new PbtController(space, { seed, population });
  const random = createRandom(seed);
  const outputSize = data.classCount === 0 ? 1 : data.classCount;
  const settingsOf = (params: Params): ModelSettings => ({ ...settings, ...params }) as ModelSettings;
  const trainCount = data.trainIndices.length;
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
  const loss = (outputs: tf.Tensor, expected: tf.Tensor): tf.Scalar =>
    data.classCount === 0 ? tf.losses.meanSquaredError(expected, outputs) : tf.losses.softmaxCrossEntropy(expected, outputs);
  const xTrain = rows(data.trainIndices);
  const yTrain = targets(data.trainIndices);
  const xValidation = rows(data.validationIndices);
  const yValidation = targets(data.validationIndices);

  const members: Member[] = controller.params.map((params, k) => {
    const memberRandom = random.fork(`member-${k}`);
    const network = buildMlp(settingsOf(params), data.featureCount, outputSize, memberRandom.fork('init'));
    return {
      network,
      variables: network.trainableWeights.map((weight) => weight.read() as tf.Variable),
      optimizer: createOptimizer(settingsOf(params)),
      params,
      random: memberRandom.fork('order'),
    };
  });
  const curves: number[][] = members.map(() => []);
  const diverged = members.map(() => false);
  const order = Array.from({ length: trainCount }, (_, i) => i);

  const trainEpoch = (member: Member) => {
    const memberSettings = settingsOf(member.params);
    const batchSize = Math.max(1, Math.min(Math.round(memberSettings.batchSize), trainCount));
    member.random.shuffle(order);
    for (let start = 0; start < trainCount; start += batchSize) {
      const batch = tf.tensor1d(order.slice(start, start + batchSize), 'int32');
      const cost = member.optimizer.minimize(() => {
        const outputs = member.network.apply(tf.gather(xTrain, batch), { training: true }) as tf.Tensor;
        return loss(outputs, tf.gather(yTrain, batch)).add(weightPenalty(member.network, memberSettings.l1, memberSettings.l2));
      }, false, member.variables);
      cost?.dispose();
      batch.dispose();
    }
  };

  const copy = async (from: Member, to: Member, params: Params) => {
    to.network.setWeights(from.network.getWeights());
    const state = await from.optimizer.getWeights();
    to.optimizer.dispose();
    to.optimizer = createOptimizer(settingsOf(params));
    // Optimiser slots are matched by position, and both members list their variables in the same order.
    if (state.length > 1) await to.optimizer.setWeights(state);
    state[0]?.tensor.dispose(); // the iteration count, a fresh scalar getWeights made
    to.params = params;
  };

  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const losses: number[] = [];
      for (let k = 0; k < population; k++) {
        if (!diverged[k]) trainEpoch(members[k]);
        let value = NaN;
        if (!diverged[k]) {
          const scalar = tf.tidy(() => loss(members[k].network.predict(xValidation) as tf.Tensor, yValidation));
          value = (await scalar.data())[0];
          scalar.dispose();
        }
        if (!Number.isFinite(value)) diverged[k] = true;
        losses.push(Number.isFinite(value) ? value : NaN);
        curves[k].push(losses[k]);
      }
      options.onEpoch?.(epoch, losses);
      if (epoch % interval === 0 && epoch < settings.epochs) {
        const decisions = controller.step(losses.map((value) => (Number.isFinite(value) ? value : null)), epoch);
        for (const { from, to, params } of decisions) {
          await copy(members[from], members[to], params);
          diverged[to] = false;
        }
      }
    }
    const finals = curves.map((curve) => curve[curve.length - 1]);
    let bestMember = 0;
    finals.forEach((value, k) => {
      if (Number.isFinite(value) && !(finals[bestMember] <= value)) bestMember = k;
    });
    return { validationLoss: curves, lineage: controller.lineage, bestMember, bestValidationLoss: finals[bestMember] };
  } finally {
    for (const member of members) {
      member.network.dispose();
      member.optimizer.dispose();
    }
    tf.dispose([xTrain, yTrain, xValidation, yValidation]);
  }
}
