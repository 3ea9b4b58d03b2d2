/**
 * "Fastest available" in the page, with Chromium's software WebGPU adapter (SwiftShader, as in
 * CI): the worker measures every backend on the workload, the status names the measured winner
 * with its reason, the measurements are cached per browser, and a search wave decides apart.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { decideBackend, type Measurement } from '../../src/lib/core/backendDecision';
import { defaultModelSettings } from '../../src/lib/core/modelSettings';
import { openPage, sessionPerFile } from './harness';

const session = sessionPerFile();

const cached = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('tuning-playground:calibrations') ?? '{}') as Record<string, Measurement[]>);

describe('fastest available, measured', () => {
  it('shows the measured winner for hand-training with its reason, then reuses the cached measurement after a reload', async () => {
    const { page, context, log } = await openPage(session);
    await page.goto(session.url);
    const hand = page.getByTestId('auto-hand');
    await hand.waitFor({ timeout: 180_000 });
    const calibrations = await cached(page);
    const keys = Object.keys(calibrations);
    assert.equal(keys.length, 1, `one calibration cached: ${keys.join(', ')}`);
    assert.match(keys[0], /^k1-.*\|google swiftshader/);
    // The page's choice is the pure rule applied to what it measured, not a fixed order.
    const measurements = calibrations[keys[0]];
    assert.deepEqual(measurements.map((entry) => entry.candidate), ['wasm', 'cpu', 'webgl', 'webgpu']);
    const expected = decideBackend(measurements, { trials: 1, trialEpochs: defaultModelSettings.epochs, softwareAdapter: true });
    assert.equal(await page.getByTestId('backend').textContent(), expected.backend);
    assert.match((await page.getByTestId('backend-reason').textContent()) ?? '', new RegExp(expected.reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // The reason is said once, on the status line; the note names the choice and keeps the rates.
    assert.match((await hand.textContent()) ?? '', /^Hand-training: \w+$/);
    // On this software adapter WebGPU must not win hand-training, and the reason says why.
    assert.notEqual(expected.backend, 'webgpu');
    if (measurements.find((entry) => entry.candidate === 'webgpu')?.rate) assert.match(expected.reason, /^WebGPU here is a software adapter: \w+ is ([\d.]+× )?faster for hand-training/);

    await page.reload();
    await hand.waitFor({ timeout: 60_000 });
    await page.getByTestId('calibration').evaluate((element) => ((element as HTMLDetailsElement).open = true));
    assert.match((await page.getByTestId('calibration').textContent()) ?? '', /measured on an earlier visit/);
    assert.equal(await page.getByTestId('backend').textContent(), expected.backend);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('decides a search wave apart from hand-training and says which won it and by how much', async () => {
    const { page, context, log } = await openPage(session);
    await page.goto(session.url);
    await page.getByTestId('auto-hand').waitFor({ timeout: 180_000 });
    await page.getByTestId('epochs-input').fill('5');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('4');
    await page.getByTestId('parallel-input').fill('4');
    await page.getByTestId('run-search').click();
    const search = page.getByTestId('auto-search');
    await search.waitFor({ timeout: 180_000 });
    const calibrations = await cached(page);
    const key = Object.keys(calibrations).find((name) => name.startsWith('k4-'));
    assert.ok(key, `a 4-trial calibration is cached: ${Object.keys(calibrations).join(', ')}`);
    const measurements = calibrations[key];
    // WebGPU measured the fused kernel for this search (supportsFused accepts the default MLP).
    assert.ok(measurements.some((entry) => entry.candidate === 'fused'), JSON.stringify(measurements));
    const expected = decideBackend(measurements, { trials: 4, trialEpochs: 4 * 5, softwareAdapter: true });
    assert.match((await search.textContent()) ?? '', /for this search \(4 trials at once\)/);
    assert.ok(((await search.textContent()) ?? '').includes(expected.reason), `${await search.textContent()} vs ${expected.reason}`);
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
