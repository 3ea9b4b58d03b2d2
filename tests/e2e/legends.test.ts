/**
 * Charts a teacher can read: legends on every chart, human numbers, replay that redraws the
 * model and its reasons step by step, a teaching pace, and a picture of data with many features.
 * Uses the WASM backend (fast and steady here; the skeleton test covers WebGPU).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage as openAnyPage, type Session, sessionPerFile } from './harness';
import { rememberWasm } from './layoutChecks';

const session = sessionPerFile({ results: true });

/** A page that starts on WASM (remembered before it loads), so it measures no backend first. */
const openPage = (from: Session) => openAnyPage(from, { initScript: rememberWasm });

/** Waits until the page trains on WASM. */
const onWasm = (page: Page) => page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });

/** The search tab on WASM with a tiny problem: 100 spiral points, 3 epochs per trial, the given settings searched too. */
async function openSearch(page: Page, extra: string[] = []): Promise<void> {
  await page.goto(session.url);
  await onWasm(page);
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill('3');
  await page.getByTestId('tab-search').click();
  for (const name of extra) await page.getByTestId(`search-dimension-${name}`).check();
}

async function runSearch(page: Page, strategy: string, budget: number): Promise<void> {
  await page.getByTestId('strategy-select').selectOption(strategy);
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('seed-input').fill('7');
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
}

/** The underlay's pixels, to tell whether it was redrawn from another model. */
const underlayPixels = (page: Page) => page.getByTestId('surrogate-underlay').evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());

describe('charts a teacher can read', () => {
  it('a Bayesian search shows legends on the map, history, parallel coordinates and curves, with whole numbers for integer settings', async () => {
    const { page, context, log } = await openPage(session);
    await openSearch(page, ['hiddenLayers', 'activation']);
    await runSearch(page, 'bayesian', 8);
    for (const chart of ['search-space-map', 'search-history', 'parallel-coordinates', 'series']) {
      assert.ok((await page.locator(`[data-testid=legend][data-legend=${chart}] [data-testid=legend-item]`).count()) > 0, `legend of ${chart}`);
    }
    const mapLegend = (await page.locator('[data-legend=search-space-map]').getAttribute('aria-label')) ?? '';
    assert.match(mapLegend, /objective \(lower is better\)/);
    assert.match(mapLegend, /underlay: GP predicted loss/);
    assert.match(mapLegend, /best \(black ring\)/);
    // The ramp carries the values it spans.
    assert.match((await page.locator('[data-legend=search-space-map] [data-testid=legend-low]').first().textContent()) ?? '', /^\d/);
    const inspector = (await page.getByTestId('trial-inspector').textContent()) ?? '';
    assert.match(inspector, /hiddenLayers\s*\d(?!\.)/);
    assert.doesNotMatch(inspector + ((await page.getByTestId('best-trial').textContent()) ?? ''), /e\+|\de-?0\b|0\.00e/);
    const historyTicks = await page.locator('[data-testid=search-history] .axis').first().locator('text').allTextContents();
    assert.ok(historyTicks.filter((text) => /^\d/.test(text)).every((text) => /^\d+$/.test(text)), `trial ticks ${historyTicks.join(' ')}`);
    const names = await page.locator('[data-testid=parallel-coordinates] [data-testid=axis-name]').evaluateAll((elements) => elements.map((element) => (element as SVGGraphicsElement).getBBox()));
    for (let i = 1; i < names.length; i++) {
      const [a, b] = [names[i - 1], names[i]];
      const overlap = a.x + a.width > b.x && a.y < b.y + b.height && b.y < a.y + a.height;
      assert.ok(!overlap, `axis names ${i - 1} and ${i} overlap`);
    }
    assert.ok((await page.locator('[data-testid=parallel-coordinates] .tick text').count()) > 8, 'axis values on parallel coordinates');
    for (const [width, height] of [[800, 600], [1366, 768], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/legends-search-${width}.png` });
    }
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('replay at step n redraws the underlay and explains the next trial with the model after n results', async () => {
    const { page, context } = await openPage(session);
    await openSearch(page);
    await runSearch(page, 'bayesian', 9);
    const live = await underlayPixels(page);
    assert.match((await page.getByTestId('proposal-reason').textContent()) ?? '', /Latest proposal: Tried .* (exploring|exploiting|spread|at random)/);
    await page.getByTestId('replay-slider').fill('6');
    const reason = page.getByTestId('proposal-reason');
    await page.locator('[data-testid=proposal-reason][data-step="6"]').waitFor();
    const atSix = (await reason.textContent()) ?? '';
    assert.match(atSix, /Trial 7, chosen after 6 results: Tried learning rate [\d.e-]+, units[a-z ]* \d+ because the model .*: (exploring|exploiting)\./);
    assert.match((await reason.getAttribute('title')) ?? '', /^The acquisition \(expected improvement\) there: \d/);
    assert.equal(await page.getByTestId('next-mark').getAttribute('data-trial'), '7', 'the map marks where trial 7 goes');
    const six = await underlayPixels(page);
    assert.notEqual(six, live, 'the underlay at step 6 is not the final one');
    await page.getByTestId('replay-slider').fill('7');
    await page.locator('[data-testid=proposal-reason][data-step="7"]').waitFor();
    assert.notEqual((await reason.textContent()) ?? '', atSix);
    assert.notEqual(await underlayPixels(page), six, 'the underlay moves with the step');
    await context.close();
  });

  it('at teaching pace the views reveal results one by one while training runs ahead', async () => {
    const { page, context } = await openPage(session);
    await openSearch(page);
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('6');
    await page.getByTestId('seed-input').fill('7');
    // A teacher picks the pace once; it holds for the searches that follow. (A fast backend can end a
    // 6-trial search before a click on the pace lands, so the measured search is the second one.)
    await page.getByTestId('run-search').click();
    await page.getByTestId('pace-teaching').check();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    await page.getByTestId('run-search').click();
    // The first search's "Finished" goes as the second starts (unless that one is already over too).
    await page.waitForFunction(() => !document.querySelector('[data-testid=search-message]')?.textContent?.includes('Finished'), null, { timeout: 5_000 }).catch(() => undefined);
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    const shown = await page.locator('[data-testid=trial-point]').count();
    assert.ok(shown < 6, `${shown} of 6 shown right after the search ended`);
    assert.match((await page.getByTestId('pace-queue').textContent()) ?? '', /waiting/);
    await page.locator('[data-testid=search-space-view][data-trials="6"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('pace-step').check();
    await page.getByTestId('pace-live').check();
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 6);
    await context.close();
  });

  it('iris shows a labelled PCA projection with the predicted classes and class names in the confusion matrix', async () => {
    const { page, context, log } = await openPage(session);
    await page.goto(session.url);
    await onWasm(page);
    // The 2-D picture the page opens with names its classes and its filled and hollow points.
    const planeLegend = (await page.locator('[data-legend=data-view]').getAttribute('aria-label')) ?? '';
    assert.match(planeLegend, /^Legend: class 1, class 2, filled: training point, hollow: validation point$/);
    await page.getByTestId('dataset-select').selectOption('iris');
    const view = page.getByTestId('pca-view');
    await view.waitFor({ timeout: 30_000 });
    assert.equal(await view.getAttribute('data-rows'), '150');
    assert.equal(await page.locator('[data-testid=pca-point]').count(), 150);
    assert.match((await view.textContent()) ?? '', /projection/i);
    const [first, second] = ((await view.getAttribute('data-explained')) ?? '').split(',').map(Number);
    assert.ok(first > 0.6 && first + second > 0.9, `explained ${first}, ${second}`);
    await page.getByTestId('epochs-input').fill('5');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid=train-view][data-trial-state=complete]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid=pca-view]:not([data-predicted="0"])').waitFor({ timeout: 30_000 });
    const labels = await page.locator('[data-testid=confusion-label]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-label') ?? ''));
    assert.equal(labels.length, 3);
    assert.equal(new Set(labels).size, 3, `labels ${labels.join(' / ')}`);
    assert.ok(labels.includes('setosa'), `labels ${labels.join(' / ')}`);
    for (const [width, height] of [[800, 600], [1366, 768], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/legends-iris-${width}.png` });
    }
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
