/**
 * `npm run bench:pbt`: population-based training against random search with the same total
 * trial-epochs, on the spiral, TF.js's CPU backend. For each seed: PBT with K members for E
 * epochs (exploit/explore every `interval` epochs), and a random search of K trials of E epochs
 * each over the same space and fixed settings (the K trials train as one stacked population, as
 * the page's waves do). The score is the best final validation loss.
 * Writes bench/results/pbt.json (not when a partial run is asked for).
 *
 *   PBT_SEEDS=3   the first n of the 10 seeds (default 10)
 *   PBT_JOBS=4    seeds spread over 4 child processes (default 1)
 *   PBT_EPOCHS, PBT_INTERVAL, PBT_BURN_IN, PBT_MARGIN, PBT_FRACTION, PBT_RESAMPLE, PBT_SAMPLES, PBT_BATCH, PBT_PAIRED, PBT_FIRST: the setup (defaults below)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { defaultModelSettings, type ModelSettings } from '../src/lib/core/modelSettings';
import { appendAll } from '../src/lib/core/extent';
import type { Dimension, Params } from '../src/lib/core/space';
import type { TrialData } from '../src/lib/core/trialInputs';
import { spiral } from '../src/lib/datasets/spiral';
import { splitDataset } from '../src/lib/datasets/split';
import { createStrategy } from '../src/lib/search';
import { memberSettings, pbtMemberSeed, trainPbt } from '../src/lib/training/pbtPopulation';
import { createPopulation } from '../src/lib/training/population';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const seedCount = env('PBT_SEEDS', 10);
const firstSeed = env('PBT_FIRST', 1);
const population = 16;
const interval = env('PBT_INTERVAL', 5);
const fraction = env('PBT_FRACTION', 0.25);
const samples = env('PBT_SAMPLES', 400);
const resampleProbability = env('PBT_RESAMPLE', 0);
const margin = env('PBT_MARGIN', 0.05);
const burnIn = env('PBT_BURN_IN', 20);
const jobs = env('PBT_JOBS', 1);
/** 1: PBT starts from the random search's K points and member seeds (a paired comparison); 0: from its own draw. */
const paired = env('PBT_PAIRED', 1) === 1;
const settings: ModelSettings = {
  ...defaultModelSettings, kind: 'mlp', hiddenLayers: 2, units: 16, activation: 'relu', optimizer: 'adam',
  batchSize: env('PBT_BATCH', 16), epochs: env('PBT_EPOCHS', 60), l1: 0, dropout: 0, patience: 0,
};
const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 0.3 },
  { name: 'l2', type: 'log', low: 1e-6, high: 1e-2 },
];

function spiralData(seed: number): TrialData {
  const dataset = spiral({ samples, noise: 0.1, seed });
  const split = splitDataset(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, seed);
  return { features: dataset.features, targets: dataset.targets, featureCount: 2, classCount: 2, trainIndices: split.train, validationIndices: split.validation };
}

/** The random search's K proposals. */
function randomPoints(seed: number): Params[] {
  const strategy = createStrategy('random', space, { seed, budget: population });
  return Array.from({ length: population }, () => strategy.ask()!);
}

/** K random configurations, each trained for the full epochs: the best final validation loss. */
async function randomSearch(data: TrialData, seed: number): Promise<number> {
  const trials = randomPoints(seed).map((params, k) => ({ settings: memberSettings(settings, params), seed: pbtMemberSeed(seed, k) }));
  const stacked = createPopulation({ ...data, trials });
  const finals = new Array<number>(population).fill(NaN);
  try {
    while (!stacked.isFinished()) {
      const { trials: epoch } = await stacked.runEpoch();
      epoch.forEach((trial, k) => {
        if (trial) finals[k] = trial.state === 'diverged' ? NaN : trial.validationLoss;
      });
    }
  } finally {
    stacked.dispose();
  }
  return finals.reduce((best, value) => (Number.isFinite(value) && value < best ? value : best), Infinity);
}

type SeedRecord = { seed: number; pbt: number; random: number; pbtSeconds: number; randomSeconds: number };

async function runSeed(seed: number): Promise<SeedRecord> {
  const data = spiralData(seed);
  let clock = performance.now();
  const pbt = await trainPbt({ data, settings, space, population, interval, seed: paired ? seed : seed + 100, fraction, resampleProbability, margin, burnIn, initial: paired ? randomPoints(seed) : undefined });
  const pbtSeconds = (performance.now() - clock) / 1000;
  clock = performance.now();
  const random = await randomSearch(data, seed);
  return { seed, pbt: pbt.bestValidationLoss, random, pbtSeconds, randomSeconds: (performance.now() - clock) / 1000 };
}

/** Runs the seeds in `jobs` child processes (each seed is independent), so a many-core machine finishes sooner. */
function runInChildren(seeds: number[]): Promise<SeedRecord[]> {
  const groups = Array.from({ length: jobs }, (_, job) => seeds.filter((_, i) => i % jobs === job)).filter((group) => group.length > 0);
  return Promise.all(
    groups.map(
      (group) =>
        new Promise<SeedRecord[]>((resolve, reject) => {
          const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
            env: { ...process.env, PBT_JOBS: '1', PBT_CHILD_SEEDS: group.join(',') },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.on('exit', (code) => {
            if (code !== 0) reject(new Error(`a child run of seeds ${group.join(',')} exited with ${code}`));
            else resolve(output.split('\n').filter((line) => line.startsWith('RECORD ')).map((line) => JSON.parse(line.slice(7)) as SeedRecord));
          });
        }),
    ),
  ).then((parts) => parts.flat().sort((a, b) => a.seed - b.seed));
}

await tf.setBackend('cpu');
await tf.ready();
if (process.env.PBT_CHILD_SEEDS) {
  for (const seed of process.env.PBT_CHILD_SEEDS.split(',').map(Number)) console.log(`RECORD ${JSON.stringify(await runSeed(seed))}`);
  process.exit(0);
}
const started = performance.now();
console.log(`PBT (K = ${population}, ${settings.epochs} epochs, every ${interval}, fraction ${fraction}, resample ${resampleProbability}, margin ${margin}, burn-in ${burnIn}, ${paired ? 'paired' : 'unpaired'}) vs random search (${population} trials × ${settings.epochs} epochs), spiral ${samples} points, best final validation loss\n`);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
const records: SeedRecord[] = [];
if (jobs > 1) appendAll(records, await runInChildren(seeds));
else for (const seed of seeds) records.push(await runSeed(seed));
console.log('| seed | PBT | random | PBT at least as good |');
console.log('| --- | --- | --- | --- |');
for (const record of records) console.log(`| ${record.seed} | ${record.pbt.toFixed(4)} | ${record.random.toFixed(4)} | ${record.pbt <= record.random ? 'yes' : 'no'} |`);
const wins = records.filter((record) => record.pbt <= record.random).length;
const strictWins = records.filter((record) => record.pbt < record.random).length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const seconds = (performance.now() - started) / 1000;
console.log(`\nPBT at least as good in ${wins} of ${records.length} seeds (strictly better in ${strictWins}); medians PBT ${median(records.map((r) => r.pbt)).toFixed(4)}, random ${median(records.map((r) => r.random)).toFixed(4)}; ${seconds.toFixed(0)} s`);
if (seedCount === 10 && firstSeed === 1) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, TF.js cpu, load ${os.loadavg()[0].toFixed(1)}`;
  const options = { population, interval, burnIn, fraction, resampleProbability, margin, paired, samples, epochs: settings.epochs, batchSize: settings.batchSize, hiddenLayers: settings.hiddenLayers, units: settings.units, optimizer: settings.optimizer, space };
  const result = { date: new Date().toISOString(), machine, options, wins, strictWins, seconds, records };
  writeFileSync(new URL('./results/pbt.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
}
