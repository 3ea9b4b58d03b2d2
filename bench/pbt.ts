/**
 * `npm run bench:pbt`: population-based training against random search with the same total
 * trial-epochs, on the spiral, TF.js's CPU backend. For each seed: PBT with K members for E
 * epochs (exploit/explore every `interval` epochs), and a random search of K trials of E epochs
 * each over the same space and fixed settings. The score is the best final validation loss.
 * Writes bench/results/pbt.json (not when a partial run is asked for).
 *
 *   PBT_SEEDS=3   the first n of the 10 seeds (default 10)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { defaultModelSettings, type ModelSettings } from '../src/lib/core/modelSettings';
import type { Dimension } from '../src/lib/core/space';
import { spiral } from '../src/lib/datasets/spiral';
import { splitDataset } from '../src/lib/datasets/split';
import { createStrategy } from '../src/lib/search';
import { trainPbt } from '../src/lib/training/pbtPopulation';
import { trainTrial, type TrialData } from '../src/lib/training/trainTrial';

const seedCount = process.env.PBT_SEEDS ? Number(process.env.PBT_SEEDS) : 10;
const population = 16;
const interval = 5;
const settings: ModelSettings = { ...defaultModelSettings, kind: 'mlp', hiddenLayers: 2, units: 16, activation: 'relu', optimizer: 'adam', epochs: 30, l1: 0, dropout: 0, patience: 0 };
const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 0.3 },
  { name: 'l2', type: 'log', low: 1e-6, high: 1e-2 },
  { name: 'batchSize', type: 'int', low: 8, high: 64 },
];

function spiralData(seed: number): TrialData {
  const dataset = spiral({ samples: 200, noise: 0.1, seed });
  const split = splitDataset(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, seed);
  return { features: dataset.features, targets: dataset.targets, featureCount: 2, classCount: 2, trainIndices: split.train, validationIndices: split.validation };
}

async function randomSearch(data: TrialData, seed: number): Promise<number> {
  const strategy = createStrategy('random', space, { seed, budget: population });
  let best = Infinity;
  let strategyTrials = 0;
  for (let params = strategy.ask(); params; params = strategy.ask()) {
    const trial = await trainTrial({ data, settings: { ...settings, ...params } as ModelSettings, seed: seed * 1000 + strategyTrials++ });
    trial.model.dispose();
    const last = trial.epochs[trial.epochs.length - 1]?.validationLoss ?? NaN;
    const value = trial.end === 'diverged' || !Number.isFinite(last) ? null : last;
    strategy.tell(params, value);
    if (value !== null) best = Math.min(best, value);
  }
  return best;
}

await tf.setBackend('cpu');
await tf.ready();
const started = performance.now();
const records: { seed: number; pbt: number; random: number; pbtSeconds: number; randomSeconds: number }[] = [];
console.log(`PBT (K = ${population}, ${settings.epochs} epochs, every ${interval}) vs random search (${population} trials × ${settings.epochs} epochs), spiral, best final validation loss\n`);
console.log('| seed | PBT | random | PBT at least as good |');
console.log('| --- | --- | --- | --- |');
for (let seed = 1; seed <= seedCount; seed++) {
  const data = spiralData(seed);
  let clock = performance.now();
  const pbt = await trainPbt({ data, settings, space, population, interval, seed });
  const pbtSeconds = (performance.now() - clock) / 1000;
  clock = performance.now();
  const random = await randomSearch(data, seed);
  const randomSeconds = (performance.now() - clock) / 1000;
  records.push({ seed, pbt: pbt.bestValidationLoss, random, pbtSeconds, randomSeconds });
  console.log(`| ${seed} | ${pbt.bestValidationLoss.toFixed(4)} | ${random.toFixed(4)} | ${pbt.bestValidationLoss <= random ? 'yes' : 'no'} |`);
}
const wins = records.filter((record) => record.pbt <= record.random).length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const seconds = (performance.now() - started) / 1000;
console.log(`\nPBT at least as good in ${wins} of ${records.length} seeds; medians PBT ${median(records.map((r) => r.pbt)).toFixed(4)}, random ${median(records.map((r) => r.random)).toFixed(4)}; ${seconds.toFixed(0)} s`);
if (seedCount === 10) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, TF.js cpu`;
  const result = { date: new Date().toISOString(), machine, options: { population, interval, epochs: settings.epochs, space }, wins, seconds, records };
  writeFileSync(new URL('./results/pbt.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
}
