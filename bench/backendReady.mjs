// node bench/backendReady.mjs [dist folder …] — time from navigation to the first ready backend
// (the page's performance mark 'backend-ready') and the JavaScript the page and its workers
// downloaded by then (the service worker's background precache not counted), with the backend remembered as WASM, WebGPU or CPU (no calibration) and
// with "fastest available" on a first visit (calibration) and a second one (cached calibration).
// BENCH_READY_REPEATS (default 3) fresh browser contexts per case; prints medians as a table.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist'];
const repeats = Number(process.env.BENCH_READY_REPEATS ?? 3);
const allCases = ['wasm', 'webgpu', 'cpu', 'auto (first visit)', 'auto (cached)'];
// BENCH_READY_CASES: a comma-separated subset of allCases.
const cases = process.env.BENCH_READY_CASES ? process.env.BENCH_READY_CASES.split(',') : allCases;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({ executablePath: chromiumPath, args });
console.log('| build | backend | navigation → backend ready ms (median) | JS downloaded by then KB | runs |');
console.log('| --- | --- | ---: | ---: | ---: |');
try {
  for (const folder of folders) {
    const { server, url } = await startServer({ root: folder, port: 0 });
    try {
      for (const name of cases) {
        const times = [];
        const sizes = [];
        for (let run = 0; run < repeats; run++) {
          const context = await browser.newContext();
          const scripts = new Set();
          context.on('request', (request) => {
            // The service worker's precache fetches every file in the background; count only what the page and its workers asked for.
            if (request.serviceWorker()) return;
            const path = new URL(request.url()).pathname;
            if (path.endsWith('.js')) scripts.add(path);
          });
          const page = await context.newPage();
          const backend = name.startsWith('auto') ? 'auto' : name;
          await page.addInitScript((choice) => localStorage.setItem('tuning-playground:backend', choice), backend);
          if (name === 'auto (cached)') {
            // A first visit fills the calibration cache; the timed one is the reload.
            await page.goto(url);
            await page.getByTestId('auto-hand').waitFor({ timeout: 600_000 });
            scripts.clear();
            await page.reload();
          } else {
            await page.goto(url);
          }
          await page.waitForFunction(() => performance.getEntriesByName('backend-ready').length > 0, null, { timeout: 600_000 });
          times.push(await page.evaluate(() => performance.getEntriesByName('backend-ready')[0].startTime));
          let bytes = 0;
          for (const path of scripts) {
            if (path === '/sw.js') continue;
            try {
              bytes += statSync(join(folder, decodeURIComponent(path))).size;
            } catch {
              // Not a file of the build.
            }
          }
          sizes.push(bytes / 1000);
          await context.close();
        }
        console.log(`| ${folder} | ${name} | ${median(times).toFixed(0)} | ${median(sizes).toFixed(0)} | ${repeats} |`);
      }
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
}
