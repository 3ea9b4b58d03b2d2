// npm run bench:scale [-- <build> <build> …] — the size-limit study check (tests/e2e/scaleScenario.ts)
// run against builds side by side in one process: each round runs every build once, in turn (the
// order alternating), so load from other work falls on all of them alike. Builds default to dist/;
// pass others made with `npx vite build --outDir <folder>` (e.g. one of the commit before a change).
// SCALE_ROUNDS (default 3), SCALE_WAIT_MS (default 120000, for a loaded machine). Prints each run
// and the medians, with each build's ratio to the first; writes bench/results/scale.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { chromiumArgs, findChromium } from '../tests/e2e/harness';
import { largeStudy, recordLongTasks, scaleScenario, type ScaleFigures } from '../tests/e2e/scaleScenario';

const builds = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist'];
const rounds = Number(process.env.SCALE_ROUNDS ?? 3);
const waitMs = Number(process.env.SCALE_WAIT_MS ?? 120_000);

const folder = await mkdtemp(join(tmpdir(), 'scale-bench-'));
const file = join(folder, 'large.json');
const copy = join(folder, 'large copy.json');
const text = largeStudy(200_000);
await writeFile(file, text);
await writeFile(copy, text);
const servers = await Promise.all(builds.map((root) => startServer({ root, port: 0 })));
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });

type Run = ScaleFigures & { build: string; round: number; loadAverage: number; error?: string };
const runs: Run[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const order = builds.map((_, index) => index);
    if (round % 2 === 0) order.reverse();
    for (const index of order) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(recordLongTasks);
      const page = await context.newPage();
      try {
        await page.goto(servers[index].url);
        const figures = await scaleScenario(page, file, copy, waitMs);
        runs.push({ build: builds[index], round, loadAverage: loadavg()[0], ...figures });
      } catch (error) {
        runs.push({ build: builds[index], round, loadAverage: loadavg()[0], error: String(error).split('\n')[0] } as Run);
      }
      console.error(JSON.stringify(runs.at(-1)));
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const { server } of servers) (server as Server).close();
  await rm(folder, { recursive: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const measures: [string, (run: Run) => number][] = [
  ['first view (ms)', (run) => run.firstViewMs],
  ['every trial read (ms)', (run) => run.allReadMs],
  ['worst task after first view (ms)', (run) => run.worstTaskAfterFirstViewMs],
  ['tasks > 200 ms after first view', (run) => run.tasksOver200MsAfterFirstView],
  ['worst task CPU time after first view (ms)', (run) => run.worstTaskCpuAfterFirstViewMs],
  ['tasks > 200 ms CPU after first view', (run) => run.tasksOverCpu200MsAfterFirstView],
  ['worst task after both imports (ms)', (run) => run.worstTaskAfterImportsMs],
  ['open (ms)', (run) => run.steps.open],
  ['compare (ms)', (run) => run.steps.compare],
];
const summary = builds.map((build) => {
  const done = runs.filter((run) => run.build === build && !run.error);
  return { build, runs: done.length, failed: runs.filter((run) => run.build === build && run.error).length, medians: Object.fromEntries(measures.map(([name, of]) => [name, median(done.map(of))])) };
});
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0].toFixed(1)} at the end, Chromium headless`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/scale.json', JSON.stringify({ machine, date: new Date().toISOString(), rounds, builds, summary, runs }, null, 2) + '\n');
console.log(`Machine: ${machine}; ${rounds} rounds; load average during the runs ${Math.min(...runs.map((run) => run.loadAverage)).toFixed(1)}–${Math.max(...runs.map((run) => run.loadAverage)).toFixed(1)}\n`);
console.log(`| median of the runs | ${builds.join(' | ')} |${builds.length > 1 ? ' ratio to the first |'.repeat(builds.length - 1) : ''}`);
console.log(`| --- |${' ---: |'.repeat(builds.length * 2 - 1)}`);
for (const [name] of measures) {
  const values = summary.map((entry) => entry.medians[name]);
  const ratios = values.slice(1).map((value) => (values[0] > 0 ? `${(value / values[0]).toFixed(2)}×` : '—'));
  console.log(`| ${name} | ${values.join(' | ')} |${ratios.map((ratio) => ` ${ratio} |`).join('')}`);
}
console.log(`| runs completed (failed) | ${summary.map((entry) => `${entry.runs} (${entry.failed})`).join(' | ')} |${' |'.repeat(builds.length - 1)}`);
