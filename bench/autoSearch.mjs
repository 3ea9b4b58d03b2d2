// npm run bench:auto — "fastest available" against each forced backend on the same random search,
// side by side in one run, in Chromium against the built app (WebGPU here: SwiftShader). Each mode
// gets a fresh browser context (empty localStorage, so 'auto' pays its calibration), sets the
// backend, runs the search and times it from the click to "Finished". Also records the time from
// navigation to the first ready backend (the page's performance mark 'backend-ready').
// BENCH_AUTO_MODES (default auto,webgpu,webgl,wasm,cpu), BENCH_AUTO_BUDGET (12), BENCH_AUTO_PARALLEL
// (4, the page's default), BENCH_AUTO_EPOCHS (50). Writes bench/results/auto-<budget>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const modes = (process.env.BENCH_AUTO_MODES ?? 'auto,webgpu,webgl,wasm,cpu').split(',');
const budget = Number(process.env.BENCH_AUTO_BUDGET ?? 12);
const parallel = Number(process.env.BENCH_AUTO_PARALLEL ?? 4);
const epochs = Number(process.env.BENCH_AUTO_EPOCHS ?? 50);
const timeoutMs = Number(process.env.BENCH_AUTO_TIMEOUT_S ?? 900) * 1000;

const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args });
const rows = [];
try {
  for (const mode of modes) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const load = loadavg()[0];
    try {
      await page.goto(url, { timeout: timeoutMs });
      if (mode === 'auto') await page.getByTestId('auto-hand').waitFor({ timeout: timeoutMs });
      else {
        await page.getByTestId('backend').waitFor({ timeout: timeoutMs });
        await page.getByTestId('backend-select').selectOption(mode);
        await page.locator('[data-testid=backend]', { hasText: mode }).waitFor({ timeout: timeoutMs });
      }
      const readyAfterNavigationMs = await page.evaluate(() => performance.getEntriesByName('backend-ready')[0]?.startTime ?? null);
      await page.getByTestId('epochs-input').fill(String(epochs));
      await page.getByTestId('tab-search').click();
      await page.getByTestId('strategy-select').selectOption('random');
      await page.getByTestId('budget-input').fill(String(budget));
      await page.getByTestId('parallel-input').fill(String(parallel));
      await page.getByTestId('seed-input').fill('3');
      const started = Date.now();
      await page.getByTestId('run-search').click();
      await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: timeoutMs });
      const searchSeconds = (Date.now() - started) / 1000;
      const backend = await page.getByTestId('backend').textContent();
      const search = mode === 'auto' ? await page.getByTestId('auto-search').textContent().catch(() => null) : null;
      const calibrations = await page.evaluate(() => localStorage.getItem('tuning-playground:calibrations'));
      rows.push({ mode, backend, searchSeconds, readyAfterNavigationMs, search, calibrations: calibrations ? JSON.parse(calibrations) : null, loadBefore: load });
    } catch (error) {
      rows.push({ mode, error: String(error).split('\n')[0], loadBefore: load });
    }
    console.error(JSON.stringify(rows.at(-1)));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Chromium headless (${chromiumPath}), WebGPU via SwiftShader (software)`;
const forced = rows.filter((row) => row.mode !== 'auto' && row.searchSeconds);
const best = forced.reduce((fastest, row) => (!fastest || row.searchSeconds < fastest.searchSeconds ? row : fastest), null);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/auto-${budget}.json`, JSON.stringify({ machine, budget, parallel, epochs, date: new Date().toISOString(), rows }, null, 2) + '\n');
console.log(`Machine: ${machine}; random search, ${budget} trials × ${epochs} epochs, ${parallel} in parallel, seed 3; one run per mode, fresh browser context each.\n`);
console.log('| mode | trained on | search wall s | ÷ best forced | navigation → backend ready ms |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const row of rows) {
  if (!row.searchSeconds) {
    console.log(`| ${row.mode} | — | failed: ${row.error} | — | — |`);
    continue;
  }
  const ratio = best ? (row.searchSeconds / best.searchSeconds).toFixed(2) : '—';
  console.log(`| ${row.mode} | ${row.backend} | ${row.searchSeconds.toFixed(1)} | ${ratio} | ${row.readyAfterNavigationMs?.toFixed(0) ?? '—'} |`);
}
const auto = rows.find((row) => row.mode === 'auto');
if (auto?.search) console.log(`\nauto's search decision: ${auto.search}`);
