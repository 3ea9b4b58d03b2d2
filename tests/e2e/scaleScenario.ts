/**
 * The steps of the size-limit study check, shared by tests/e2e/scale.test.ts (which asserts on them)
 * and bench/studyScale.ts (which runs them against builds side by side): import a 200,000-trial
 * study, scroll its table, import a copy, close, open, compare the two, close; record main-thread
 * long tasks (PerformanceObserver 'longtask'), each main-thread task's CPU time (a Chromium trace:
 * what a task costs the page on a quiet machine, where wall time on a shared one is mostly waiting
 * for a core) and each step's time.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTaskTrace, stopTaskTrace } from './taskTrace';

/** A valid study@1 file of `count` minimal trials, as compact JSON. */
export function largeStudy(count: number): string {
  const trials: string[] = [];
  for (let id = 1; id <= count; id++) {
    // Deterministic, varied values (no Math.random): a slow drift with a wobble.
    const value = 0.2 + ((id * 7919) % 1000) / 2000 + 1 / id;
    const learningRate = 10 ** (-4 + ((id * 104729) % 4000) / 1000);
    trials.push(`{"id":${id},"params":{"learningRate":${learningRate.toPrecision(1)}},"state":"${id % 5 === 0 ? 'pruned' : 'complete'}","value":${value.toPrecision(3)},"durationMs":${id % 10},"epochs":[]}`);
  }
  const head = {
    format: 'tuning-playground/study@1',
    seed: 1,
    backend: 'cpu',
    dataset: { name: 'spiral', samples: 200, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 1, classes: 2 },
    model: { hiddenLayers: 1 },
    space: [{ name: 'learningRate', type: 'log', low: 0.0001, high: 1 }],
    strategy: { name: 'random' },
    objective: { metric: 'validationLoss', direction: 'minimize' },
  };
  return `${JSON.stringify(head).slice(0, -1)},"trials":[${trials.join(',')}]}`;
}

/** Init script recording main-thread long tasks (over 50 ms) as [start, duration] in the page's clock. */
export const recordLongTasks = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask', buffered: true });
`;

/** What one run of the scenario measured (ms, wall clock). */
export interface ScaleFigures {
  firstViewMs: number;
  /** From the import to every trial read and shown (the same as the first view where a build shows nothing before). */
  allReadMs: number;
  worstTaskAfterFirstViewMs: number;
  tasksOver200MsAfterFirstView: number;
  worstTaskAfterImportsMs: number;
  /** From the trace: the most CPU time of one main-thread task after the first view, and how many took over 200 ms of CPU. */
  worstTaskCpuAfterFirstViewMs: number;
  tasksOverCpu200MsAfterFirstView: number;
  /** Each step after the imports: close, open, compare, uncompare and close. */
  steps: Record<string, number>;
  tableRows: number;
  domNodes: number;
}

/**
 * Runs the steps on `page` (already on the app, with recordLongTasks installed) with the study in
 * `file` and a copy in `copy`; `timeoutMs` bounds each wait (raise it on a loaded machine).
 */
export async function scaleScenario(page: Page, file: string, copy: string, timeoutMs = 30_000): Promise<ScaleFigures> {
  await page.getByTestId('tab-search').click();
  const browser = page.context().browser();
  if (browser) await startTaskTrace(browser, page);
  const importStart = await page.evaluate(() => performance.now());
  await page.getByTestId('import-json').setInputFiles(file);
  await page.getByTestId('opened-study').waitFor({ timeout: timeoutMs });
  await page.getByTestId('canvas-dots').waitFor({ timeout: timeoutMs });
  const firstView = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.mark('scale-first-view').startTime))));

  // A large study opens before it is read to the end: wait for the rest (its table grows meanwhile).
  await page.getByTestId('opened-reading').waitFor({ state: 'detached', timeout: timeoutMs });
  const allRead = await page.evaluate(() => performance.now());
  // Afterwards: scroll the table, import a copy, close, open again, compare the two, close.
  const table = page.getByTestId('trial-table');
  await table.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await page.locator('[data-testid=opened-trial][data-id="100001"]').waitFor({ timeout: timeoutMs });
  const tableRows = await page.getByTestId('opened-trial').count();
  const steps: Record<string, number> = {};
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const start = Date.now();
    await work();
    steps[name] = Date.now() - start;
  };
  await page.getByTestId('import-json').setInputFiles(copy);
  await page.getByTestId('saved-study').nth(1).waitFor({ timeout: timeoutMs });
  const afterImportsAt = await page.evaluate(() => performance.now());
  const opened = page.getByTestId('opened-study');
  await timed('close', () => opened.getByRole('button', { name: 'Close' }).click().then(() => opened.waitFor({ state: 'detached', timeout: timeoutMs })));
  await timed('open', () => page.getByTestId('open-study').first().click().then(() => opened.waitFor({ timeout: timeoutMs })));
  await timed('compare', async () => {
    await page.getByTestId('compare-study').nth(0).check();
    await page.getByTestId('compare-study').nth(1).check();
    await page.getByTestId('compare-chart').locator('[data-testid=canvas-dots]').waitFor({ timeout: timeoutMs });
  });
  await timed('uncompare and close', async () => {
    await page.getByTestId('compare-study').nth(0).uncheck();
    await opened.getByRole('button', { name: 'Close' }).click();
    await opened.waitFor({ state: 'detached', timeout: timeoutMs });
  });
  // Let the last step's own tasks end before reading the record: wait for the page to be idle.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 10_000 })));
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks);
  assert.ok(Array.isArray(longTasks), 'recordLongTasks was not installed');
  const traced = browser ? await stopTaskTrace(browser) : { tasks: [], marks: new Map<string, number>() };
  const firstViewAt = traced.marks.get('scale-first-view') ?? Infinity;
  const cpuAfterFirstView = traced.tasks.filter((task) => task.start >= firstViewAt).map((task) => task.cpuMs);
  const worstOf = (tasks: [number, number][]) => tasks.reduce((worst, [, duration]) => Math.max(worst, duration), 0);
  const afterFirstView = longTasks.filter(([start]) => start >= firstView);
  return {
    firstViewMs: Math.round(firstView - importStart),
    allReadMs: Math.round(allRead - importStart),
    worstTaskAfterFirstViewMs: Math.round(worstOf(afterFirstView)),
    tasksOver200MsAfterFirstView: afterFirstView.filter(([, duration]) => duration > 200).length,
    worstTaskAfterImportsMs: Math.round(worstOf(longTasks.filter(([start]) => start >= afterImportsAt))),
    worstTaskCpuAfterFirstViewMs: Math.round(cpuAfterFirstView.reduce((worst, cpu) => Math.max(worst, cpu), 0)),
    tasksOverCpu200MsAfterFirstView: cpuAfterFirstView.filter((cpu) => cpu > 200).length,
    steps,
    tableRows,
    domNodes,
  };
}
