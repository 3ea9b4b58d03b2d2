/**
 * `npm run bench:models`: training time of the classic models in src/lib/models on 2,000-point
 * sets, in plain Node (one thread), median of BENCH_REPEATS runs (default 3) after one warm-up.
 * Reports wall-clock seconds and the process's CPU seconds (user + system), which a busy shared
 * machine inflates far less. Prints a markdown table and writes bench/results/models.json.
 * Not part of `npm test`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRandom } from '../src/lib/core/random';
import { generateDataset } from '../src/lib/datasets';
import { decodeDigits } from '../src/lib/datasets/realData';
import type { ClassicModelKind } from '../src/lib/models/fittedModel';
import { fitNearestNeighbors } from '../src/lib/models/nearestNeighbors';
import { type FeatureTable, tableFromDataset } from '../src/lib/models/table';
import { trainModel } from '../src/lib/models/trainModel';

const repeats = process.env.BENCH_REPEATS ? Number(process.env.BENCH_REPEATS) : 3;

/** 2,000 rows of 64 standard-normal features; the class is the sign of a fixed random projection of the first 16, plus noise. */
function wideTable(): FeatureTable {
  const random = createRandom(64);
  const size = 2000;
  const featureCount = 64;
  const features = new Float32Array(size * featureCount);
  const targets = new Float32Array(size);
  const direction = Array.from({ length: 16 }, () => random.normal());
  for (let row = 0; row < size; row++) {
    let projection = 0;
    for (let feature = 0; feature < featureCount; feature++) {
      const value = random.normal();
      features[row * featureCount + feature] = value;
      if (feature < 16) projection += direction[feature] * value;
    }
    targets[row] = projection + 0.5 * random.normal() > 0 ? 1 : 0;
  }
  return { task: 'classification', size, featureCount, classCount: 2, features, targets };
}

const spiral = tableFromDataset(generateDataset('spiral', { samples: 2000, noise: 0.2, seed: 1 }));
const digits = tableFromDataset(decodeDigits(JSON.parse(readFileSync(new URL('../public/data/digits.json', import.meta.url), 'utf8'))));
const wide = wideTable();
const sine = tableFromDataset(generateDataset('sine', { samples: 2000, noise: 0.2, seed: 1 }));

interface Case { label: string; data: string; run: () => void }
const train = (kind: ClassicModelKind, table: FeatureTable, options: object) => () => {
  trainModel(kind, table, table, options, 1);
};
const cases: Case[] = [
  { label: 'random forest, 100 trees, √features per split, bootstrap', data: 'spiral 2,000 × 2', run: train('forest', spiral, { treeCount: 100 }) },
  { label: 'random forest, 100 trees, √features per split, bootstrap', data: 'wide 2,000 × 64', run: train('forest', wide, { treeCount: 100 }) },
  { label: 'random forest, 100 trees, √features per split, bootstrap', data: 'digits 1,797 × 64, 10 classes', run: train('forest', digits, { treeCount: 100 }) },
  { label: 'random forest, 100 trees (regression, all features)', data: 'sine 2,000 × 1', run: train('forest', sine, { treeCount: 100 }) },
  { label: 'decision tree, fully grown, all features', data: 'wide 2,000 × 64', run: train('tree', wide, {}) },
  { label: 'decision tree, fully grown, all features', data: 'digits 1,797 × 64, 10 classes', run: train('tree', digits, {}) },
  { label: 'gradient boosting, 100 rounds, depth 3', data: 'spiral 2,000 × 2', run: train('boosting', spiral, { rounds: 100 }) },
  { label: 'gradient boosting, 100 rounds, depth 3', data: 'wide 2,000 × 64', run: train('boosting', wide, { rounds: 100 }) },
  { label: 'gradient boosting, 100 rounds, depth 3 (1,000 trees)', data: 'digits 1,797 × 64, 10 classes', run: train('boosting', digits, { rounds: 100 }) },
  { label: 'k-NN, k = 5: predict all 2,000 rows', data: 'wide 2,000 × 64', run: () => { fitNearestNeighbors(wide, { k: 5, weighting: 'uniform' }).predict(wide.features); } },
  { label: 'logistic regression, L1, 200 proximal-gradient steps', data: 'digits 1,797 × 64, 10 classes', run: train('linear', digits, { penalty: 'l1', alpha: 0.001, maxIterations: 200, tolerance: 1e-12 }) },
  { label: 'Lasso, degree-9 polynomial, coordinate descent to 1e-6', data: 'sine 2,000 × 1', run: train('linear', sine, { penalty: 'l1', alpha: 0.001, degree: 9 }) },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`;
console.log(`Machine: ${machine}; median of ${repeats} runs after a warm-up.\n`);
console.log('| model | data | wall s | CPU s |');
console.log('| --- | --- | ---: | ---: |');
const results: { label: string; data: string; seconds: number; cpuSeconds: number; runs: number[] }[] = [];
for (const { label, data, run } of cases) {
  run();
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    run();
    const cpu = process.cpuUsage(cpuStarted);
    runs.push((performance.now() - started) / 1000);
    cpuRuns.push((cpu.user + cpu.system) / 1e6);
  }
  results.push({ label, data, seconds: median(runs), cpuSeconds: median(cpuRuns), runs });
  console.log(`| ${label} | ${data} | ${median(runs).toFixed(2)} | ${median(cpuRuns).toFixed(2)} |`);
}
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/models.json', import.meta.url), `${JSON.stringify({ machine, repeats, results }, null, 2)}\n`);
