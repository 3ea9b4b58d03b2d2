/**
 * `npx vitest run --config bench/vitest.watch.config.ts`: what watching one trial of a search costs. Trains the
 * same batch of trials (one TF.js population) with no trial watched and with one watched (its
 * weights read back and handed over at most every 100 ms), alternating, and prints the wall times
 * and their ratio. TF.js's CPU backend in Node; BENCH_REPEATS (default 3), BENCH_EPOCHS (default 40).
 */
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../src/lib/core/modelSettings';
import { spiral } from '../src/lib/datasets/spiral';
import { minOf } from '../src/lib/core/extent';
import { trainBatch, watchIntervalMs, type BatchTrial } from '../src/lib/training/trainPopulation';
import { createPopulation } from '../src/lib/training/population';

const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const epochs = Number(process.env.BENCH_EPOCHS ?? 40);
const samples = 400;
const dataset = spiral({ samples, noise: 0.1, seed: 1 });
const rows = Array.from({ length: samples }, (_, i) => i);
const data = { features: dataset.features, targets: dataset.targets, featureCount: 2, classCount: 2, trainIndices: rows.filter((i) => i % 5 !== 0), validationIndices: rows.filter((i) => i % 5 === 0) };
const base: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, units: 16, epochs, batchSize: 32 };
const trials: BatchTrial[] = Array.from({ length: 8 }, (_, k) => ({ trialId: k + 1, settings: { ...base, learningRate: 0.003 * (k + 1) }, seed: k + 1 }));

async function timed(watched: number | null): Promise<{ ms: number; sent: number }> {
  let sent = 0;
  const started = performance.now();
  await trainBatch(data, trials, {
    onEpochs: () => {},
    onEnd: () => {},
    onWeights: () => sent++,
    shouldStop: () => false,
    shouldAbort: () => false,
    watched: () => watched,
  });
  return { ms: performance.now() - started, sent };
}

// Run by vitest (src/lib/training/tf.ts's deep TF.js imports need its resolver), as one long 'test'.
it('times a batch with and without a watched trial', async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  await timed(null);
  const plain: number[] = [];
  const watching: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const a = await timed(null);
    const b = await timed(3);
    plain.push(a.ms);
    watching.push(b.ms);
    console.log(`repeat ${repeat + 1}: unwatched ${a.ms.toFixed(0)} ms (${a.sent} weight messages), watched ${b.ms.toFixed(0)} ms (${b.sent} weight messages)`);
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  console.log(`8 trials × ${epochs} epochs on ${tf.getBackend()}: median unwatched ${median(plain).toFixed(0)} ms, watched ${median(watching).toFixed(0)} ms, ratio ${(median(watching) / median(plain)).toFixed(3)}; fastest ${minOf(plain).toFixed(0)} vs ${minOf(watching).toFixed(0)} ms, ratio ${(minOf(watching) / minOf(plain)).toFixed(3)}`);
}, 600_000);

// The cost per watched redraw, against an epoch of the same population (same load, interleaved).
it('times one watched readback against one population epoch', async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const population = createPopulation({ ...data, trials: trials.map(({ settings, seed }) => ({ settings, seed })) });
  try {
    const epochMs: number[] = [];
    const readMs: number[] = [];
    for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 15); round++) {
      let started = performance.now();
      await population.runEpoch();
      epochMs.push(performance.now() - started);
      started = performance.now();
      await population.readTrialWeights(2);
      readMs.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
    console.log(`one epoch of 8 trials: median ${median(epochMs).toFixed(1)} ms; one watched readback: median ${median(readMs).toFixed(2)} ms (${((100 * median(readMs)) / median(epochMs)).toFixed(2)}% of an epoch; at most one per ${watchIntervalMs} ms)`);
  } finally {
    population.dispose();
  }
}, 600_000);
