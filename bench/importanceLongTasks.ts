/**
 * `node --import tsx bench/importanceLongTasks.ts [trials] [runs]`: the worst main-thread task
 * while the page's own importance view analyses a study of 2,000 trials (4 searched settings).
 * Builds bench/importance.html with bench/vite.importance.config.ts (IMPORTANCE_DIST: serve a
 * build made earlier instead, e.g. of an older commit), then in Chromium mounts ImportancePanel
 * on the study and records long tasks (PerformanceObserver 'longtask') from the mount until 2 s
 * after its bars appear, in a fresh page per run. Prints one line per run and the median.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { chromiumArgs, findChromium } from '../tests/e2e/harness';

const trialCount = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 3);
let root = process.env.IMPORTANCE_DIST;
if (!root) {
  execFileSync('npx', ['vite', 'build', '-c', 'bench/vite.importance.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  root = 'test-results/bench-importance';
}
const { server, url } = await startServer({ root, port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const worst: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${url}/importance.html`);
    await page.waitForFunction(() => 'runImportanceBench' in window);
    const result = await page.evaluate((count) => (window as unknown as { runImportanceBench(count: number): Promise<{ barsAfterMs: number; worstMs: number; tasks: [number, number][] }> }).runImportanceBench(count), trialCount);
    worst.push(result.worstMs);
    const listed = result.tasks.map(([at, duration]) => `${Math.round(duration)} ms at +${Math.round(at)}`).join(', ');
    console.log(`run ${run}: bars after ${Math.round(result.barsAfterMs)} ms; worst main-thread task ${Math.round(result.worstMs)} ms; long tasks: ${listed || 'none'}${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
worst.sort((a, b) => a - b);
console.log(`${trialCount} trials × 4 settings: median worst main-thread task ${Math.round(worst[Math.floor(worst.length / 2)])} ms over ${runs} runs (load average ${loadavg()[0].toFixed(1)})`);
