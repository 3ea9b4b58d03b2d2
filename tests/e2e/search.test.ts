import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { parseStudyJson } from '../../src/lib/storage/exportStudy';
import { openPage, openSession, waitForBackend, type PageLog, type Session } from './harness';

let session: Session;
before(async () => {
  // None of these is about backends: pages start on WASM rather than calibrating WebGPU's software adapter.
  session = await openSession({ startOn: 'wasm' });
});
after(async () => {
  await session?.close();
});

/** Opens the search tab with a tiny problem: 100 spiral points, 2 epochs per trial. */
async function openSearch(page: Page): Promise<void> {
  await page.goto(session.url);
  await waitForBackend(page);
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill('2');
  await page.getByTestId('tab-search').click();
}

async function runSearch(page: Page, strategy: string, budget: number): Promise<void> {
  await page.getByTestId('strategy-select').selectOption(strategy);
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('seed-input').fill('7');
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
}

describe('running a search in the page', () => {
  // One finished 6-trial random search serves the three tests that read one (the brush and the replay change no trial).
  let page: Page;
  let context: BrowserContext;
  let log: PageLog;
  before(async () => {
    ({ page, context, log } = await openPage(session));
    await openSearch(page);
    await runSearch(page, 'random', 6);
  });
  after(async () => {
    await context?.close();
  });

  it('a 6-trial random search on the spiral ends with six completed trial points and a best trial', async () => {
    assert.equal(await page.locator('[data-testid=trial-point][data-state=complete]').count(), 6);
    assert.match((await page.getByTestId('best-trial').textContent()) ?? '', /Best: trial \d+, objective \d/);
    assert.equal(await page.getByTestId('trial-inspector').count(), 1);
    // The inspector retrains the selected trial with its seed to draw its decision boundary.
    await page.getByTestId('trial-boundary-button').click();
    await page.locator('[data-testid=boundary-canvas]:not([data-epoch="0"])').waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const parsed = parseStudyJson(await readFile((await download.path()) as string, 'utf8'));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.equal(parsed.study.trials.length, 6);
    assert.equal(parsed.study.strategy.name, 'random');
    assert.ok(parsed.study.trials.every((trial) => trial.state === 'complete' && trial.epochs.length === 2 && trial.diagnosis));
    assert.deepEqual(log.consoleErrors, []);
  });

  it('an 8-trial Bayesian search shows the surrogate underlay and explains its proposal', async () => {
    const { page, context } = await openPage(session);
    await openSearch(page);
    await runSearch(page, 'bayesian', 8);
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 8);
    const underlay = page.getByTestId('surrogate-underlay');
    assert.equal(await underlay.count(), 1);
    assert.equal(await underlay.getAttribute('data-kind'), 'mean');
    await page.getByTestId('underlay-select').selectOption('acquisition');
    assert.equal(await underlay.getAttribute('data-kind'), 'acquisition');
    assert.match((await page.getByTestId('proposal-reason').textContent()) ?? '', /acquisition|expected-improvement/);
    await context.close();
  });

  it('in manual mode a click on the map trains that point', async () => {
    const { page, context } = await openPage(session);
    await openSearch(page);
    await runSearch(page, 'random', 1);
    await page.getByTestId('manual-mode').check();
    const map = page.locator('[data-testid=search-space-view] svg');
    const box = await map.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await page.locator('[data-testid=trial-point]').nth(1).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=trial-point][data-state=complete]').nth(1).waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 2);
    await context.close();
  });

  it('a race of two strategies shows two best-so-far curves and a lane each', async () => {
    const { page, context } = await openPage(session);
    await openSearch(page);
    await page.getByTestId('budget-input').fill('3');
    await page.getByTestId('mode-race').check();
    await page.getByTestId('run-race').click();
    await page.locator('[data-testid=race-summary]', { hasText: '3/3' }).nth(1).waitFor({ timeout: 240_000 });
    assert.equal(await page.getByTestId('race-lane').count(), 2);
    const curves = page.locator('[data-testid=search-history] [data-testid=best-so-far]');
    assert.equal(await curves.count(), 2);
    for (const curve of await curves.all()) assert.ok(((await curve.getAttribute('d')) ?? '').length > 0);
    await context.close();
  });

  it('parallel coordinates filter trials by brushing an axis', async () => {
    const chart = page.getByTestId('parallel-coordinates');
    const scored = await page.locator('[data-testid=parallel-line]').count();
    assert.ok(scored >= 2, `only ${scored} trials with a value`);
    assert.equal(Number(await chart.getAttribute('data-brushed')), scored);
    await chart.scrollIntoViewIfNeeded();
    const axis = await page.getByTestId('brush-objective').boundingBox();
    assert.ok(axis);
    // Brush the bottom (low-loss) third of the objective axis.
    await page.mouse.move(axis.x + axis.width / 2, axis.y + axis.height - 1);
    await page.mouse.down();
    await page.mouse.move(axis.x + axis.width / 2, axis.y + axis.height * 0.66, { steps: 4 });
    await page.mouse.up();
    const brushed = Number(await chart.getAttribute('data-brushed'));
    assert.ok(brushed >= 1 && brushed < scored, `brushed ${brushed} of ${scored}`);
  });

  it('replay scrubs every view back to the state after trial k', async () => {
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 6);
    await page.getByTestId('replay-slider').fill('2');
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 2);
  });
});
