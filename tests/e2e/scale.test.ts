/**
 * A study at the size limit: 200,000 trials (about 20 MiB of JSON) imports, opens, compares and
 * closes with no page error and a DOM of bounded size (tables virtualised, dots on a canvas).
 * Records main-thread long tasks with PerformanceObserver('longtask') and prints the figures (first
 * view, worst task after it, each step); docs/RELIABILITY.md records them against the targets of 3 s
 * and 200 ms. The assertions are on errors and DOM size: times on a shared machine are figures.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { maxStudyCharacters } from '../../src/lib/storage/exportStudy';
import { openPage, openSession, type Session } from './harness';

let session: Session;
before(async () => {
  session = await openSession();
});
after(async () => {
  await session?.close();
});

const trialCount = 200_000;

/** A valid study@1 file of `count` minimal trials, as compact JSON. */
function largeStudy(count: number): string {
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

/** Records main-thread long tasks (over 50 ms) as [start, duration] in the page's clock. */
const recordLongTasks = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask', buffered: true });
`;

describe('a study at the size limit', () => {
  it('imports, opens, compares and closes 200,000 trials with no page error, a quick first view and no long task after it', async () => {
    const text = largeStudy(trialCount);
    assert.ok(text.length <= maxStudyCharacters, `${text.length} characters is over the limit`);
    const { page, context, log } = await openPage(session, { initScript: recordLongTasks });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    // Files on disk: the browser reads them directly (a 20 MB buffer over the protocol is slow).
    const folder = await mkdtemp(join(tmpdir(), 'scale-'));
    const file = join(folder, 'large.json');
    const copy = join(folder, 'large copy.json');
    await writeFile(file, text);
    await writeFile(copy, text);

    const importStart = await page.evaluate(() => performance.now());
    await page.getByTestId('import-json').setInputFiles(file);
    await page.getByTestId('opened-study').waitFor({ timeout: 30_000 });
    await page.getByTestId('canvas-dots').waitFor({ timeout: 30_000 });
    const firstView = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    const firstViewMs = firstView - importStart;

    // Afterwards: scroll the table, close, open again, compare with a second copy, close.
    const table = page.getByTestId('trial-table');
    await table.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
    await page.locator('[data-testid=opened-trial][data-id="100001"]').waitFor({ timeout: 10_000 });
    const rows = await page.getByTestId('opened-trial').count();
    assert.ok(rows < 100, `${rows} table rows rendered`);
    const timings: Record<string, number> = {};
    const timed = async (name: string, work: () => Promise<unknown>) => {
      const start = Date.now();
      await work();
      timings[name] = Date.now() - start;
    };
    await page.getByTestId('import-json').setInputFiles(copy);
    await page.getByTestId('saved-study').nth(1).waitFor({ timeout: 30_000 });
    const afterImportsAt = await page.evaluate(() => performance.now());
    await timed('close', () => page.getByTestId('opened-study').getByRole('button', { name: 'Close' }).click().then(() => page.getByTestId('opened-study').waitFor({ state: 'detached' })));
    await timed('open', () => page.getByTestId('open-study').first().click().then(() => page.getByTestId('opened-study').waitFor()));
    await timed('compare', async () => {
      await page.getByTestId('compare-study').nth(0).check();
      await page.getByTestId('compare-study').nth(1).check();
      await page.getByTestId('compare-chart').locator('[data-testid=canvas-dots]').waitFor({ timeout: 30_000 });
    });
    await timed('uncompare and close', async () => {
      await page.getByTestId('compare-study').nth(0).uncheck();
      await page.getByTestId('opened-study').getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('opened-study').waitFor({ state: 'detached' });
    });
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks);
    const worstOf = (tasks: [number, number][]) => tasks.reduce((worst, [, duration]) => Math.max(worst, duration), 0);
    const afterFirstView = longTasks.filter(([start]) => start >= firstView);
    const afterImports = longTasks.filter(([start]) => start >= afterImportsAt);
    // Figures for docs/RELIABILITY.md, with the machine's load (these are wall-clock times).
    console.log(JSON.stringify({
      characters: text.length, trials: trialCount, firstViewMs: Math.round(firstViewMs),
      worstTaskAfterFirstViewMs: Math.round(worstOf(afterFirstView)), tasksOver200MsAfterFirstView: afterFirstView.filter(([, duration]) => duration > 200).length,
      worstTaskAfterImportsMs: Math.round(worstOf(afterImports)), ...timings, domNodes, loadAverage: loadavg()[0].toFixed(1), cores: cpus().length,
    }));

    assert.deepEqual(log.consoleErrors, []);
    assert.ok(domNodes < 5000, `${domNodes} DOM nodes`);
    // Times are figures, not assertions, on a shared machine; SCALE_FIRST_VIEW_MS and SCALE_TASK_MS
    // assert them where the machine is quiet (e.g. 3000 and 200).
    if (process.env.SCALE_FIRST_VIEW_MS) assert.ok(firstViewMs < Number(process.env.SCALE_FIRST_VIEW_MS), `first view after ${Math.round(firstViewMs)} ms`);
    if (process.env.SCALE_TASK_MS) assert.ok(worstOf(afterFirstView) <= Number(process.env.SCALE_TASK_MS), `a main-thread task of ${Math.round(worstOf(afterFirstView))} ms after the first view`);
    await context.close();
    await rm(folder, { recursive: true });
  });
});
