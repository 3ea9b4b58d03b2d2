// npm run bench:train — training throughput per TF.js backend in Chromium: the population
// trainer (K trials in one set of kernels) versus the same K trials one after another with
// tf.layers model.fit (2-16-16-2 MLP, 400 spiral points), and on WebGPU the fused trainer
// (src/lib/training/fused: one dispatch per epoch of all K trials) with its profile. Builds bench/train.html with
// bench/vite.bench.config.ts, serves it on localhost, writes bench/results/train.json and a
// markdown table, and appends the table to docs/BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const backends = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu').split(',');
const trialCounts = (process.env.BENCH_TRIALS ?? '1,8,64,256,1024').split(',').filter(Boolean).map(Number);
// Small on purpose: software WebGPU runs model.fit at about 9 steps per second.
const options = {
  trialCounts,
  epochs: Number(process.env.BENCH_EPOCHS ?? 3),
  maxSeconds: Number(process.env.BENCH_MAX_SECONDS ?? 8),
  sequentialTrials: Number(process.env.BENCH_SEQUENTIAL_TRIALS ?? 2),
  sequentialEpochs: Number(process.env.BENCH_SEQUENTIAL_EPOCHS ?? 2),
  fusedTrialCounts: (process.env.BENCH_FUSED_TRIALS ?? '1,8,64,256,1024').split(',').filter(Boolean).map(Number),
  fusedEpochs: Number(process.env.BENCH_FUSED_EPOCHS ?? 20),
  fusedProfileTrials: Number(process.env.BENCH_FUSED_PROFILE_TRIALS ?? 64),
};
const updateDocs = process.env.BENCH_NO_DOCS !== '1';

execFileSync('npx', ['vite', 'build', '-c', 'bench/vite.bench.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
mkdirSync('bench/dist/wasm', { recursive: true });
const wasmFolder = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
for (const file of readdirSync(wasmFolder).filter((name) => name.endsWith('.wasm'))) {
  copyFileSync(`${wasmFolder}/${file}`, `bench/dist/wasm/${file}`);
}

const { server, url } = await startServer({ root: 'bench/dist', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args });
const results = [];
try {
  for (const backend of backends) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(0);
    await page.goto(url + 'train.html');
    await page.waitForFunction(() => typeof window.runTrainBench === 'function');
    const started = Date.now();
    const result = await page
      .evaluate((benchOptions) => window.runTrainBench(benchOptions), { ...options, backend })
      .catch((error) => ({ error: String(error.message ?? error).split('\n')[0] }));
    await context.close();
    console.error(`${backend}: ${((Date.now() - started) / 1000).toFixed(0)} s ${result.error ?? ''}`);
    results.push({ requested: backend, ...result });
  }
} finally {
  await browser.close();
  server.close();
}

const records = results.flatMap((result) => result.records ?? []);
const round = (value, digits = 1) => Number(value.toFixed(digits));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium headless (${chromiumPath}), WebGPU via SwiftShader (software)`;
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/train.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      options,
      records: records.map((record) => ({
        ...record,
        trialEpochsPerSecond: round(record.trialEpochsPerSecond, 2),
        msPerStep: round(record.msPerStep, 2),
        kernelsPerStep: round(record.kernelsPerStep, 1),
      })),
      checks: results.map(({ requested, error, maxRelativeDifference, structure }) => ({ backend: requested, error, maxRelativeDifference, structure })),
      fusedProfiles: results.filter((result) => result.fusedProfile).map(({ backend, fusedProfile }) => ({ backend, ...fusedProfile })),
    },
    null,
    2,
  ) + '\n',
);

const table = [
  '| backend | K | population trial-epochs/s | sequential model.fit trial-epochs/s | speed-up | ms/step (pop / fit) | kernels/step (pop / fit) | readbacks/epoch (pop / fit) | peak tensors (pop / fit) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const result of results) {
  if (result.error) {
    table.push(`| ${result.requested} | — | failed: ${result.error} | | | | | | |`);
    continue;
  }
  for (const count of trialCounts) {
    const population = records.find((record) => record.backend === result.backend && record.trials === count && record.mode === 'population');
    const sequential = records.find((record) => record.backend === result.backend && record.trials === count && record.mode === 'sequential');
    if (!population || !sequential) continue;
    table.push(
      `| ${result.backend} | ${count} | ${round(population.trialEpochsPerSecond)} | ${round(sequential.trialEpochsPerSecond, 2)} | ${round(population.trialEpochsPerSecond / sequential.trialEpochsPerSecond)}× | ${round(population.msPerStep)} / ${round(sequential.msPerStep)} | ${round(population.kernelsPerStep)} / ${round(sequential.kernelsPerStep)} | ${round(population.readbacksPerEpoch, 2)} / ${round(sequential.readbacksPerEpoch, 2)} | ${population.peakTensors} / ${sequential.peakTensors} |`,
    );
  }
}
const fusedTable = [
  '| backend | K | fused trial-epochs/s | TF.js population trial-epochs/s | model.fit trial-epochs/s | fused ÷ population | fused ÷ model.fit | fused ms/step | readbacks/epoch |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const fused of records.filter((record) => record.mode === 'fused')) {
  const population = records.find((record) => record.backend === fused.backend && record.trials === fused.trials && record.mode === 'population');
  const sequential = records.find((record) => record.backend === fused.backend && record.mode === 'sequential');
  const ratio = (other) => (other ? `${round(fused.trialEpochsPerSecond / other.trialEpochsPerSecond)}×` : '—');
  fusedTable.push(
    `| ${fused.backend} | ${fused.trials} | ${round(fused.trialEpochsPerSecond)} | ${population ? round(population.trialEpochsPerSecond) : '—'} | ${sequential ? round(sequential.trialEpochsPerSecond, 2) : '—'} | ${ratio(population)} | ${ratio(sequential)} | ${round(fused.msPerStep, 3)} | ${round(fused.readbacksPerEpoch, 2)} |`,
  );
}
const profileLines = results
  .filter((result) => result.fusedProfile)
  .map(({ backend, fusedProfile: p }) => {
    const share = (ms) => `${round(ms, 1)} ms (${Math.round((100 * ms) / p.totalMs)}%)`;
    return `Fused profile (${backend}, K = ${p.trials}, per epoch of all K trials): total ${round(p.totalMs, 1)} ms; forward passes and output gradients ${share(p.forwardMs)}; delta propagation ${share(p.deltaMs)}; batch-gradient sums and optimiser step ${share(p.gradientAndUpdateMs)}; end-of-epoch losses on both splits ${share(p.evaluationMs)}. The same epoch with weights and scratch in storage buffers instead of workgroup memory: ${round(p.storageBuffersMs, 1)} ms. Measured by leaving parts out of the shader (differences of timed runs, so a part's figure carries the noise of two runs).`;
  });
const checks = [
  '| backend | max relative loss difference, trial in K = 8 vs alone (2 epochs) | 32 trials of 4/8/16/32 units: one padded population | one population per width |',
  '| --- | ---: | ---: | ---: |',
  ...results
    .filter((result) => !result.error)
    .map((result) => `| ${result.backend} | ${result.maxRelativeDifference.toExponential(1)} | ${round(result.structure.maskedTrialEpochsPerSecond)} trial-epochs/s | ${round(result.structure.separateTrialEpochsPerSecond)} trial-epochs/s |`),
];
const notes = [
  `Model: 2-16-16-2 tanh MLP, Adam (learning rates log-uniform in [1e-3, 1e-1]), batch 32, 320 training and 80 validation spiral points (10 steps per epoch).`,
  `Population: one warm-up epoch, then up to ${options.epochs} timed epochs (at most ${options.maxSeconds} s); kernels and peak tensors from tf.profile of one epoch (validation included), divided by the steps.`,
  `Sequential: model.fit (validation each epoch) timed on ${options.sequentialTrials} trials × ${options.sequentialEpochs} epochs and, since trials run one after another, the same rate applies to every K (measured once per backend, not per K).`,
  'Readbacks count every data()/dataSync()/array()/arraySync() call during the timed epochs.',
];
const fusedNotes = [
  `Fused: the same trials with the fused WebGPU trainer on the device TF.js's WebGPU backend owns, one dispatch per epoch of all K trials, 5 epochs per command buffer and readback; one warm-up submit (shader compile), then up to ${options.fusedEpochs} timed epochs (at most ${options.maxSeconds} s). "kernels" for fused are dispatches.`,
];
const markdown = [table.join('\n'), '', fusedTable.join('\n'), '', ...profileLines, '', checks.join('\n'), '', ...[...notes, ...fusedNotes].map((note) => `- ${note}`)].join('\n');
writeFileSync('bench/results/train.md', markdown + '\n');
console.log(markdown);

if (updateDocs) {
  const heading = '## Training throughput (`npm run bench:train`)';
  const docs = readFileSync('docs/BENCHMARKS.md', 'utf8');
  if (docs.includes(heading)) {
    console.error(`docs/BENCHMARKS.md already has "${heading}": copy bench/results/train.md into it by hand.`);
  } else {
    appendFileSync('docs/BENCHMARKS.md', `\n${heading}\n\nMachine: ${machine}. Command: \`npm run bench:train\` (${new Date().toISOString().slice(0, 10)}).\n\n${markdown}\n`);
  }
}
