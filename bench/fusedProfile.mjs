// npm run bench:fused-profile — where the fused WebGPU trainer's time goes: times variants of its
// shader with parts left out (end-of-epoch losses, batch-gradient sums, the whole backward pass),
// one submit (5 epochs) of each variant in turn for several rounds in one page, so load drifts hit
// every variant alike, and splits the epoch by differences of medians. BENCH_PROFILE_VARIANTS=compare
// instead times the unrolled row-per-thread kernel against the looped one. Prints JSON; appends to
// bench/results/fused-profile.json unless BENCH_NO_WRITE=1. Options: BENCH_PROFILE_TRIALS (64),
// BENCH_PROFILE_REPEATS (rounds, 5).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const trials = Number(process.env.BENCH_PROFILE_TRIALS ?? 64);
const repeats = Number(process.env.BENCH_PROFILE_REPEATS ?? 5);
const mode = process.env.BENCH_PROFILE_VARIANTS ?? 'profile';
const variants = mode === 'compare'
  ? [{ name: 'rowwise' }, { name: 'looped', rowwise: false }]
  : [
      { name: 'whole epoch' },
      { name: 'without losses', omit: ['evaluation'] },
      { name: 'without gradient sums', omit: ['evaluation', 'gradients'] },
      { name: 'forward only', omit: ['evaluation', 'backward'] },
    ];

if (process.env.BENCH_NO_BUILD !== '1') execFileSync('npx', ['vite', 'build', '-c', 'bench/vite.bench.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
const { server, url } = await startServer({ root: 'bench/dist', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args });
let samples;
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.goto(url + 'train.html');
  await page.waitForFunction(() => typeof window.compareFusedVariants === 'function');
  samples = await page.evaluate(([count, list, rounds]) => window.compareFusedVariants(count, list, rounds), [trials, variants, repeats]);
} finally {
  await browser.close();
  server.close();
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medians = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
const minima = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, Math.min(...values)]));
const result = { date: new Date().toISOString(), trials, repeats, epochsPerSample: 5, mode, samples, medians, minima };
if (mode !== 'compare') {
  const total = medians['whole epoch'];
  const parts = {
    'forward passes and output gradients': medians['forward only'],
    'delta propagation': medians['without gradient sums'] - medians['forward only'],
    'batch-gradient sums and optimiser step': medians['without losses'] - medians['without gradient sums'],
    'end-of-epoch losses on both splits': total - medians['without losses'],
  };
  result.shares = Object.fromEntries(Object.entries(parts).map(([name, ms]) => [name, { ms: Number(ms.toFixed(2)), share: Number((ms / total).toFixed(3)) }]));
}
console.log(JSON.stringify(result, null, 2));
if (process.env.BENCH_NO_WRITE !== '1') {
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/fused-profile.json';
  let runs;
  try {
    runs = JSON.parse(readFileSync(file, 'utf8')).runs ?? [];
  } catch {
    runs = [];
  }
  runs.push(result);
  writeFileSync(file, JSON.stringify({ runs }, null, 2) + '\n');
}
