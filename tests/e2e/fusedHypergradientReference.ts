/**
 * The reference for hypergradient trials in tests/e2e/fused.test.ts: the TF.js population can't
 * model sgd-hd and adam-hd, so each trial trains alone on TF.js (CPU backend) with the app's
 * HypergradientOptimizer (via createOptimizer), from the same seeded initial weights and the same
 * per-epoch data order as the fused trainer (createEpochPlanner over the trial's seed), on the
 * population's loss (populationLoss.ts: data loss plus l1/l2 on kernels). Reports what the
 * population reports, plus the learning rate α at each epoch's end.
 */
import * as tf from '@tensorflow/tfjs';
import { hiddenWidths, isHypergradient, type Activation } from '../../src/lib/core/modelSettings';
import { createEpochPlanner } from '../../src/lib/training/epochPlan';
import { initialWeights } from '../../src/lib/training/initialWeights';
import { createOptimizer } from '../../src/lib/training/optimizer';
import type { PopulationOptions } from '../../src/lib/training/population';

/** One epoch: [trainLoss, validationLoss, trainAccuracy, validationAccuracy, state, learningRate (hypergradient trials only)]. */
export type HypergradientEpoch = [number, number, number | null, number | null, string, number?];

const activate: Record<Activation, (x: tf.Tensor) => tf.Tensor> = { relu: tf.relu, tanh: tf.tanh, sigmoid: tf.sigmoid, elu: tf.elu, linear: (x) => x };

/** Trains every trial of `options` alone as described above; one history per trial. */
export async function hypergradientReference(options: PopulationOptions): Promise<HypergradientEpoch[][]> {
  await tf.setBackend('cpu');
  const { features, targets, featureCount, classCount, trainIndices, validationIndices } = options;
  const outputCount = classCount === 0 ? 1 : classCount;
  const x = tf.tensor2d(features, [targets.length, featureCount]);
  const y = classCount === 0 ? tf.tensor2d(targets, [targets.length, 1]) : tf.oneHot(tf.tensor1d(targets, 'int32'), classCount).toFloat();
  const histories: HypergradientEpoch[][] = [];
  for (const { settings, seed } of options.trials) {
    const layers = initialWeights([featureCount, ...hiddenWidths(settings), outputCount], settings.initializer, seed, 1).map((layer) => ({
      kernel: tf.variable(tf.tensor2d(layer.kernel, [layer.inputs, layer.outputs])),
      bias: tf.variable(tf.tensor1d(layer.bias)),
    }));
    const forward = (rows: tf.Tensor2D) => layers.reduce<tf.Tensor>((input, layer, index) => {
      const z = tf.add(tf.matMul(input as tf.Tensor2D, layer.kernel), layer.bias);
      return index === layers.length - 1 ? z : activate[settings.activation](z);
    }, rows);
    const dataLoss = (outputs: tf.Tensor, labels: tf.Tensor) => (classCount === 0 ? tf.mean(tf.squaredDifference(outputs, labels)) : tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(outputs), labels), 1))));
    // HypergradientOptimizer keeps α in a variable; the fixed rules' rate is a number.
    const optimizer = createOptimizer(settings) as tf.Optimizer & { learningRate: tf.Variable };
    const planner = createEpochPlanner([{ seed, hiddenUnits: [], dropout: 0 }], trainIndices, []);
    const batchSize = Math.max(1, Math.min(settings.batchSize, trainIndices.length));
    const history: HypergradientEpoch[] = [];
    const measure = (indices: ArrayLike<number>): [number, number | null] => {
      let result: [number, number | null] = [NaN, null];
      tf.tidy(() => {
        const rows = tf.tensor1d(Array.from(indices), 'int32');
        const outputs = forward(tf.gather(x, rows) as tf.Tensor2D);
        const labels = tf.gather(y, rows);
        const accuracy = classCount === 0 ? null : tf.mean(tf.equal(tf.argMax(outputs, 1), tf.argMax(labels, 1)).toFloat()).dataSync()[0];
        result = [dataLoss(outputs, labels).dataSync()[0], accuracy];
      });
      return result;
    };
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      const { order } = planner.next();
      for (let start = 0; start < order.length; start += batchSize) {
        tf.tidy(() => {
          const rows = tf.tensor1d(Array.from(order.subarray(start, Math.min(order.length, start + batchSize))), 'int32');
          const inputs = tf.gather(x, rows) as tf.Tensor2D;
          const labels = tf.gather(y, rows);
          optimizer.minimize(() => {
            const penalties = layers.map(({ kernel }) => tf.add(tf.mul(settings.l1, tf.sum(tf.mul(kernel, tf.sign(kernel)))), tf.mul(settings.l2, tf.sum(tf.square(kernel)))));
            return tf.add(dataLoss(forward(inputs), labels), tf.addN(penalties)) as tf.Scalar;
          });
        });
      }
      const [trainLoss, trainAccuracy] = measure(trainIndices);
      const [validationLoss, validationAccuracy] = measure(validationIndices);
      history.push([trainLoss, validationLoss, trainAccuracy, validationAccuracy, epoch + 1 === settings.epochs ? 'complete' : 'running']);
      if (isHypergradient(settings.optimizer)) history.at(-1)!.push(optimizer.learningRate.dataSync()[0]);
    }
    optimizer.dispose();
    for (const { kernel, bias } of layers) {
      kernel.dispose();
      bias.dispose();
    }
    histories.push(history);
  }
  x.dispose();
  y.dispose();
  return histories;
}
