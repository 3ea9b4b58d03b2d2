/**
 * Learning curves in the page: the sweeps over training-set size and over one setting draw
 * bands, the test split is evaluated once, presets get the diagnosis they are meant to show,
 * and a diverging learning rate ends one trial without ending the search. The GPU is not the
 * point here, so the tests train on the WASM backend, which is faster here than software WebGPU.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, sessionPerFile } from './harness';

const session = sessionPerFile({ startOn: 'wasm' });

/** Hides WebGPU from the page, so no test here waits for the slow software adapter to start. */
const withoutWebGPU = 'Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined, configurable: true }); delete Navigator.prototype.gpu;';

/** Opens a page on the WASM backend. */
async function openOnWasm(): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(session, { initScript: withoutWebGPU });
  const { page } = opened;
  await page.goto(session.url);
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
  return opened;
}

/** Applies a preset on the Diagnose tab, trains it on the Train tab and returns the diagnosis label. */
async function trainPreset(page: Page, preset: string): Promise<string | null> {
  await page.getByTestId('tab-diagnose').click();
  await page.getByTestId(`preset-${preset}`).click();
  await page.getByTestId('tab-train').click();
  await page.getByTestId('train-button').click();
  await page.locator('[data-testid=trial-summary]:not([data-state=running])').waitFor({ timeout: 120_000 });
  return page.getByTestId('diagnosis').getAttribute('data-label');
}

describe('learning curves and their diagnosis in the page', () => {
  it('the learning curve over training-set size and the validation curve render with bands, and the test split is used once', async () => {
    const { page, context, log } = await openOnWasm();
    await page.getByTestId('samples-input').fill('80');
    await page.getByTestId('epochs-input').fill('4');
    await page.getByTestId('tab-diagnose').click();
    await page.getByTestId('sweep-seeds-input').fill('2');
    assert.equal(await page.getByTestId('evaluate-test').isDisabled(), true, 'no test evaluation before a validation curve');

    await page.getByTestId('size-count-input').fill('3');
    await page.getByTestId('run-size-curve').click();
    await page.locator('[data-testid=size-curve-status][data-status=done]').waitFor({ timeout: 120_000 });
    const sizeCurve = page.getByTestId('learning-curve-size');
    assert.equal(await sizeCurve.getAttribute('data-bands'), '3');
    assert.equal(await sizeCurve.getByTestId('band').count(), 2);
    for (const band of await sizeCurve.getByTestId('band').all()) assert.match((await band.getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+L/);

    await page.getByTestId('sweep-setting-select').selectOption('units');
    await page.getByTestId('sweep-values-input').fill('2, 16');
    await page.getByTestId('run-validation-curve').click();
    await page.locator('[data-testid=validation-curve-status][data-status=done]').waitFor({ timeout: 120_000 });
    const validationCurve = page.getByTestId('validation-curve');
    assert.equal(await validationCurve.getAttribute('data-bands'), '2');
    assert.equal(await validationCurve.getByTestId('band').count(), 2);
    const cells = page.getByTestId('curve-cell');
    assert.equal(await cells.count(), 4);
    const labels = await cells.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-label')));
    for (const label of labels) assert.match(label ?? '', /^(underfit|overfit|good fit|diverged|not converged|unstable|stuck|pruned)$/);
    await cells.first().click();
    await page.getByTestId('learning-curves').waitFor();

    await page.getByTestId('evaluate-test').click();
    const result = page.getByTestId('test-result');
    await result.waitFor({ timeout: 60_000 });
    assert.match((await result.textContent()) ?? '', /best validation loss\s*\d[\s\S]*test loss\s*\d[\s\S]*gap/);
    assert.match((await page.locator('.test-evaluation').textContent()) ?? '', /winner's\s+curse/);
    assert.equal(await page.getByTestId('evaluate-test').isDisabled(), true);
    assert.match((await page.getByTestId('evaluate-test').textContent()) ?? '', /once per study/);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('the overfit preset (few noisy points, a large network, no regularisation, many epochs) is labelled overfit', async () => {
    const { page, context } = await openOnWasm();
    assert.equal(await trainPreset(page, 'overfit'), 'overfit');
    const curves = page.locator('[data-testid=learning-curves] svg').first();
    await curves.hover();
    await page.getByTestId('hover-rule').waitFor({ state: 'attached', timeout: 5_000 });
    assert.match((await page.getByTestId('hover-readout').textContent()) ?? '', /epoch \d+: training loss \d[\d.]*, validation loss \d[\d.]*; accuracy/);
    assert.equal(await page.getByTestId('hover-rule').count(), 1);
    assert.equal(await page.getByTestId('metric-curve').getAttribute('data-metric'), 'accuracy');
    await context.close();
  });

  it('a linear model (no hidden layer) on the spiral is labelled underfit', async () => {
    const { page, context } = await openOnWasm();
    assert.equal(await trainPreset(page, 'underfit'), 'underfit');
    assert.equal(await page.getByTestId('layers-input').inputValue(), '0');
    await context.close();
  });

  it('a model trained with a learning rate of 10 is labelled diverged', async () => {
    const { page, context } = await openOnWasm();
    assert.equal(await trainPreset(page, 'diverged'), 'diverged');
    assert.equal(await page.getByTestId('trial-summary').getAttribute('data-state'), 'diverged');
    await context.close();
  });

  it('a learning rate of 10 gives a diverged trial, and the search goes on to the next trial', async () => {
    const { page, context } = await openOnWasm();
    await page.getByTestId('samples-input').fill('100');
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('search-dimension-units').uncheck();
    // A 3-level grid over 0.01 … 10 000 on a log scale tries 0.1, 10 and 1000, in that order.
    await page.getByLabel('learningRate from').fill('0.01');
    await page.getByLabel('learningRate to').fill('10000');
    await page.getByTestId('strategy-select').selectOption('grid');
    await page.getByTestId('budget-input').fill('3');
    // One trial at a time: the runner's own path from a diverged trial to the next one.
    await page.getByTestId('parallel-input').fill('1');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    assert.match((await page.getByTestId('search-message').textContent()) ?? '', /all 3 trials ran/);

    await page.locator('[data-testid=trial-point][data-trial="2"]').click();
    const inspector = page.locator('[data-testid=trial-inspector][data-trial="2"]');
    await inspector.waitFor();
    assert.match((await inspector.textContent()) ?? '', /learningRate\s*10(\.0+)?\s/);
    assert.match((await page.getByTestId('inspector-state').textContent()) ?? '', /^diverged/);
    assert.equal(await page.locator('[data-testid=trial-point][data-trial="3"]').count(), 1);
    assert.notEqual(await page.locator('[data-testid=trial-point][data-trial="3"]').getAttribute('data-state'), 'running');
    await context.close();
  });
});
