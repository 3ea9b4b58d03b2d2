// npm run bench:backends — per TF.js backend, in Chromium against the built app's own worker:
// time until the backend is ready, and model.fit steps per second for a 2-16-16-2 MLP on 400
// spiral points (the baseline later training work must beat). Prints a markdown table and
// writes bench/results/backends.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const backends = ['webgpu', 'webgl', 'wasm', 'cpu'];
// Software WebGPU and WebGL are slow here, so they get fewer timed epochs than WASM and CPU.
const epochsFor = { webgpu: 3, webgl: 5, wasm: 15, cpu: 15 };
const repeats = Number(process.env.BENCH_REPEATS ?? 2);

const workerFile = readdirSync('dist/assets').find((name) => name.startsWith('trainer.worker') && name.endsWith('.js'));
if (!workerFile) throw new Error('no trainer worker in dist/assets: run vite build first');

const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args });
const rows = [];
try {
  for (const backend of backends) {
    for (let repeat = 0; repeat < repeats; repeat++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Any same-origin page will do: it gives the worker a secure context (localhost).
      await page.goto(url + 'index.html');
      const result = await page.evaluate(
        async ({ workerUrl, backend, epochs }) => {
          const started = performance.now();
          const worker = new Worker(workerUrl, { type: 'module' });
          const next = (type) =>
            new Promise((resolve) => {
              const listener = (event) => {
                if (event.data.type === type || event.data.type === 'backend-error') {
                  worker.removeEventListener('message', listener);
                  resolve(event.data);
                }
              };
              worker.addEventListener('message', listener);
            });
          const ready = next('backend');
          worker.postMessage({ type: 'init', backend, pageHasWebGPU: 'gpu' in navigator });
          const choice = await ready;
          const readyMs = performance.now() - started;
          if (choice.type !== 'backend') return { error: choice.message };
          const measured = next('benchmark-result');
          worker.postMessage({ type: 'benchmark-fit', epochs });
          const fit = await measured;
          worker.terminate();
          return { active: choice.choice.name, readyMs, initMs: choice.choice.readyMs, ...fit.result, error: fit.error };
        },
        { workerUrl: url + 'assets/' + workerFile, backend, epochs: epochsFor[backend] },
      );
      await context.close();
      rows.push({ requested: backend, repeat, ...result });
      console.error(`${backend} #${repeat + 1}: ${JSON.stringify(result)}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Chromium headless (${chromiumPath}), WebGPU via SwiftShader (software)`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const table = ['| backend | active | ready (ms, worker start to ready) | model.fit steps/s | ratio to CPU |', '| --- | --- | ---: | ---: | ---: |'];
const cpuSpeed = median(rows.filter((row) => row.requested === 'cpu' && row.stepsPerSecond).map((row) => row.stepsPerSecond));
for (const backend of backends) {
  const mine = rows.filter((row) => row.requested === backend && row.stepsPerSecond);
  if (mine.length === 0) {
    table.push(`| ${backend} | — | — | failed: ${rows.find((row) => row.requested === backend)?.error ?? '?'} | — |`);
    continue;
  }
  const speed = median(mine.map((row) => row.stepsPerSecond));
  table.push(`| ${backend} | ${mine[0].active} | ${median(mine.map((row) => row.readyMs)).toFixed(0)} | ${speed.toFixed(1)} | ${(speed / cpuSpeed).toFixed(2)} |`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/backends.json', JSON.stringify({ machine, epochsFor, repeats, date: new Date().toISOString(), rows }, null, 2) + '\n');
console.log(`Machine: ${machine}; timed epochs of 13 steps (batch 32) after one warm-up epoch: ${JSON.stringify(epochsFor)}; median of ${repeats} runs.\n`);
console.log(table.join('\n'));
