// npm run bench:ui — main-thread responsiveness of the search page, in Chromium against the
// built app: the longest main-thread tasks (PerformanceObserver 'longtask') during a 50-trial
// Bayesian search, and the time to redraw the search-space map with 200 trials on it.
// Trials train on the WASM backend with 1 epoch on 100 points, so the search itself is quick;
// the page's own work (GP asks, charts) is what is measured. Writes bench/results/ui.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args });

async function searchPage({ strategy, budget, parallel }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  page.on('console', (message) => process.env.BENCH_VERBOSE && console.error('page:', message.text()));
  await page.goto(url);
  await page.getByTestId('backend').waitFor();
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor();
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill('1');
  await page.getByTestId('tab-search').click();
  await page.getByTestId('strategy-select').selectOption(strategy);
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('parallel-input').fill(String(parallel));
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 600_000 });
  const tasks = await page.evaluate((since) => window.__longTasks.filter((task) => task.start >= since), startedAt);
  return { context, page, tasks };
}

const results = {};
try {
  // 1. Long tasks during a 50-trial Bayesian search (sequential asks: the worst case for the GP).
  if (!process.env.BENCH_SKIP_SEARCH) {
    const { context, tasks } = await searchPage({ strategy: 'bayesian', budget: 50, parallel: 1 });
    const durations = tasks.map((task) => task.duration).sort((a, b) => b - a);
    results.bayesian50 = { longTasks: durations.length, over100ms: durations.filter((d) => d > 100).length, longestMs: durations[0] ?? 0, top5Ms: durations.slice(0, 5) };
    console.error('bayesian 50:', JSON.stringify(results.bayesian50));
    await context.close();
  }
  // 2. Redraw of the map with 200 trials: switch the y axis and wait for two animation frames.
  {
    const { context, page } = await searchPage({ strategy: 'random', budget: 200, parallel: 16 });
    const points = await page.locator('[data-testid=trial-point]').count();
    const timings = await page.evaluate(async () => {
      const select = document.querySelectorAll('.search-view .controls select')[1];
      const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Work of one redraw: Svelte's update (flushed in a microtask) plus style and layout,
      // forced by reading a layout property; painting is left to the compositor.
      const measured = [];
      for (let i = 0; i < 12; i++) {
        await frames();
        const start = performance.now();
        select.value = i % 2 === 0 ? '' : select.options[1].value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        // Svelte flushes its updates in a microtask queued by the change handler; this one runs after it.
        await new Promise((resolve) => queueMicrotask(resolve));
        await new Promise((resolve) => queueMicrotask(resolve));
        const updated = performance.now();
        void document.querySelector('[data-testid=search-space-view]').getBoundingClientRect().height;
        measured.push(performance.now() - start);
        window.__split = [...(window.__split ?? []), [updated - start, performance.now() - updated]];
      }
      console.log(JSON.stringify(window.__split));
      return measured;
    });
    const sorted = [...timings].sort((a, b) => a - b);
    results.redraw200 = { points, medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted.at(-1), note: 'from the change event to the DOM updated with style and layout done (Svelte flush + forced layout); paint excluded' };
    console.error('redraw 200:', JSON.stringify(results.redraw200));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0].toFixed(1)}, Chromium headless`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/ui.json', JSON.stringify({ machine, date: new Date().toISOString(), ...results }, null, 2) + '\n');
console.log(`Machine: ${machine}\n`);
console.log('| measure | value |\n| --- | ---: |');
if (results.bayesian50) {
  console.log(`| 50-trial Bayesian search: long tasks (> 50 ms) | ${results.bayesian50.longTasks} |`);
  console.log(`| … of which over 100 ms | ${results.bayesian50.over100ms} |`);
  console.log(`| … longest (ms) | ${results.bayesian50.longestMs.toFixed(0)} |`);
}
console.log(`| map with ${results.redraw200.points} trials: redraw (update + style + layout), median ms | ${results.redraw200.medianMs.toFixed(1)} |`);
console.log(`| … slowest of 12 (ms) | ${results.redraw200.maxMs.toFixed(1)} |`);
