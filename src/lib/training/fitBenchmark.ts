/**
 * The baseline every training speed-up is measured against: tf.layers `model.fit` of a
 * 2-16-16-2 MLP on 400 spiral points, in steps (batches) per second on the active backend.
 */
import * as tf from './tf';
import { spiral } from '../datasets/spiral';

/** What one fit benchmark measured. */
export interface FitBenchmarkResult {
  backend: string;
  /** Gradient steps timed (after one warm-up epoch). */
  steps: number;
  /** Wall time of the timed steps, ms. */
  elapsedMs: number;
  stepsPerSecond: number;
}

/** Times `epochs` epochs of model.fit (batch 32) after a warm-up epoch that compiles the kernels. */
export async function runFitBenchmark({ epochs = 3, samples = 400, batchSize = 32 } = {}): Promise<FitBenchmarkResult> {
  const data = spiral({ samples, noise: 0.1, seed: 1 });
  const x = tf.tensor2d(data.features, [samples, 2]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(data.targets), 'int32'), 2).toFloat());
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }),
      tf.layers.dense({ units: 16, activation: 'relu' }),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  try {
    await model.fit(x, y, { epochs: 1, batchSize, verbose: 0 });
    const start = performance.now();
    const history = await model.fit(x, y, { epochs, batchSize, verbose: 0 });
    // Reading the last loss waits for the GPU to finish the queued work.
    void history.history.loss.at(-1);
    await tf.tidy(() => model.predict(x.slice(0, 1)) as tf.Tensor).data();
    const elapsedMs = performance.now() - start;
    const steps = epochs * Math.ceil(samples / batchSize);
    return { backend: tf.getBackend(), steps, elapsedMs, stepsPerSecond: (1000 * steps) / elapsedMs };
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}
