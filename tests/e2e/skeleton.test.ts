import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, waitForBackend, sessionPerFile } from './harness';

const session = sessionPerFile();

/**
 * Waits until a page opened on WebGPU (startOn 'webgpu': chosen as a person would, since "fastest
 * available" measures every backend first and picks WASM over a software adapter) trains there; returns the active backend.
 */
async function useWebGPU(page: Page): Promise<string> {
  await page.locator('[data-testid=backend]', { hasText: 'webgpu' }).waitFor({ timeout: 120_000 });
  return waitForBackend(page);
}

/**
 * Sets a tiny trial and trains it to the end; returns the learning-curves element. `samples` shrinks the data (fewer
 * steps an epoch on software WebGPU); left out on "fastest available", whose measurement of the default data is reused.
 */
async function trainTinyTrial(page: Page, epochs: number, samples?: number) {
  if (samples !== undefined) await page.getByTestId('samples-input').fill(String(samples));
  await page.getByTestId('epochs-input').fill(String(epochs));
  await page.getByTestId('train-button').click();
  await page.locator('[data-testid=trial-summary][data-state=complete]').waitFor({ timeout: 120_000 });
  return page.getByTestId('learning-curves');
}

describe('the walking skeleton in Chromium', () => {
  it('loads with zero console errors, trains on WebGPU, and draws a point per epoch for both curves', async () => {
    const { page, context, log } = await openPage(session, { startOn: 'webgpu' });
    await page.goto(session.url);
    assert.equal(await useWebGPU(page), 'webgpu');
    const curves = await trainTinyTrial(page, 3, 100);
    assert.equal(await curves.locator('[data-series=train][data-testid=curve-point]').count(), 3);
    assert.equal(await curves.locator('[data-series=validation][data-testid=curve-point]').count(), 3);
    // The decision boundary was drawn from the trained model.
    assert.ok(Number(await page.getByTestId('boundary-canvas').getAttribute('data-epoch')) >= 1);
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.foreignRequests, []);
    await context.close();
  });

  it('falls back without navigator.gpu, says why, and still trains', async () => {
    const { page, context, log } = await openPage(session, {
      initScript: 'Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined, configurable: true }); delete Navigator.prototype.gpu;',
    });
    await page.goto(session.url);
    const backend = await waitForBackend(page, 180_000);
    assert.ok(['webgl', 'wasm'].includes(backend), `expected webgl or wasm, got ${backend}`);
    assert.match((await page.getByTestId('backend-reason').textContent()) ?? '', /no WebGPU/);
    const curves = await trainTinyTrial(page, 2);
    assert.equal(await curves.locator('[data-series=validation][data-testid=curve-point]').count(), 2);
    assert.deepEqual(log.foreignRequests, []);
    await context.close();
  });

  it('switches to the WASM backend when a person chooses it, loading its .wasm from the app itself', async () => {
    // Starts on CPU (as if chosen before), so the switch is the first time the page loads WASM.
    const { page, context, log } = await openPage(session, { startOn: 'cpu' });
    await page.goto(session.url);
    assert.equal(await waitForBackend(page), 'cpu');
    await page.getByTestId('backend-select').selectOption('wasm');
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 60_000 });
    await trainTinyTrial(page, 1);
    assert.deepEqual(log.foreignRequests, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});

describe('a lost WebGPU device', () => {
  it('fails the running trial, re-initialises the backend, and trains the next trial', async () => {
    const { page, context } = await openPage(session, { startOn: 'webgpu' });
    await page.goto(session.url);
    assert.equal(await useWebGPU(page), 'webgpu');
    await page.getByTestId('epochs-input').fill('200');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid=learning-curves] [data-testid=curve-point]').first().waitFor({ timeout: 60_000 });
    await page.locator('summary', { hasText: 'GPU' }).click();
    await page.getByTestId('simulate-device-loss').click();
    await page.locator('[data-testid=trial-summary][data-state=failed]').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('notice').textContent()) ?? '', /GPU device was lost/);
    assert.equal(await waitForBackend(page), 'webgpu');
    await trainTinyTrial(page, 1, 100);
    await context.close();
  });
});
