/**
 * The strategies' own views in the page: TPE's densities along the map's x dimension. Trials run
 * on WASM (WebGPU hidden) with 100 spiral points and 2 epochs, so the test stays small.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, sessionPerFile } from './harness';
import { useWasm, withoutWebGPU } from './searchReload';

const session = sessionPerFile({ startOn: 'wasm' });

async function openSearch(page: Page): Promise<void> {
  await page.goto(session.url);
  await useWasm(page);
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill('2');
  await page.getByTestId('tab-search').click();
}

describe('strategy views in the page', () => {
  it('a TPE search shows l(x), g(x) and their ratio along the x dimension, with one tick per trial', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await openSearch(page);
    await page.getByTestId('strategy-select').selectOption('tpe');
    await page.getByTestId('budget-input').fill('5');
    await page.getByTestId('seed-input').fill('7');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    const figure = page.getByTestId('tpe-slice');
    assert.equal(await figure.count(), 1);
    for (const curve of ['tpe-good', 'tpe-bad', 'tpe-ratio']) {
      const path = (await page.getByTestId(curve).getAttribute('d')) ?? '';
      // A line over the 101-point grid (or one point per cell): many segments, all finite.
      assert.ok(path.split('L').length > 10, `${curve} has a drawn line`);
      assert.doesNotMatch(path, /NaN|Infinity/);
    }
    assert.equal(await figure.locator('.tick').count(), 5);
    // Optuna's split: the best ⌈0.1 · 5⌉ = 1 result is "good".
    assert.equal(await figure.locator('.good-tick').count(), 1);
    assert.match((await figure.textContent()) ?? '', /the best 1 \(green\)/);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});

describe('population-based training in the page', () => {
  it('trains K members together and draws the lineage, the curves with their jumps and the schedules', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    await page.locator('input[type=number]').first().fill('100');
    await page.getByTestId('epochs-input').fill('6');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('mode-pbt').check();
    await page.getByTestId('pbt-population').fill('4');
    await page.getByTestId('pbt-interval').fill('2');
    await page.getByTestId('run-pbt').click();
    await page.locator('[data-testid=pbt-status][data-status=complete]').waitFor({ timeout: 240_000 });
    // Steps after epochs 2 and 4 (none after the last): 4 members × 3 stretches in the lineage.
    const lineage = page.getByTestId('pbt-lineage');
    assert.equal(await lineage.locator('.stretch').count(), 12);
    const copies = Number(await page.getByTestId('pbt-copies').textContent());
    assert.ok(copies >= 0 && copies <= 2, `at most one copy per step with 4 members, got ${copies}`);
    assert.equal(await lineage.getByTestId('pbt-copy').count(), copies);
    const curves = page.getByTestId('pbt-curve');
    assert.equal(await curves.count(), 4);
    for (let k = 0; k < 4; k++) {
      const path = (await curves.nth(k).getAttribute('d')) ?? '';
      // Six epochs: a line of six points, all finite.
      assert.equal(path.split('L').length, 6, `member ${k + 1} has six epochs`);
      assert.doesNotMatch(path, /NaN/);
    }
    assert.equal(await page.getByTestId('pbt-schedule').locator('.schedule').count(), 4);
    assert.match((await page.getByTestId('pbt-status').textContent()) ?? '', /Finished after 6 epochs.*Best: member #\d, validation loss \d/s);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
