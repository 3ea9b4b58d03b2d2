import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parseStudyJson } from '../../src/lib/storage/exportStudy';
import { openPage, sessionPerFile } from './harness';

const session = sessionPerFile({ startOn: 'wasm' });

/** Hides WebGPU from the page, so no test here waits for the slow software adapter to start. */
const withoutWebGPU = 'Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined, configurable: true }); delete Navigator.prototype.gpu;';

/** Opens the search tab on the WASM backend with 100 spiral points and 1 epoch per trial. */
async function openSearch(page: Page): Promise<void> {
  await page.goto(session.url);
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill('1');
  await page.getByTestId('tab-search').click();
}

/** Runs a random search of `budget` trials and waits for it to finish. */
async function runSearch(page: Page, budget: number): Promise<void> {
  await page.getByTestId('strategy-select').selectOption('random');
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('seed-input').fill('7');
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
}

describe('saved studies', () => {
  it('a finished search is saved, survives a reload, and can be renamed and deleted', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await openSearch(page);
    await runSearch(page, 3);
    const rows = page.getByTestId('saved-study');
    await page.locator('[data-testid=saved-study-trials]', { hasText: '3 trials' }).waitFor({ timeout: 10_000 });

    await page.reload();
    await page.getByTestId('tab-search').click();
    await rows.first().waitFor({ timeout: 30_000 });
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().getByTestId('saved-study-trials').textContent()) ?? '', /^3 trials, best \d/);
    assert.equal(await page.getByTestId('storage-notice').count(), 0);

    await rows.first().getByTestId('rename-study').click();
    await rows.first().getByTestId('rename-input').fill('my <b>first</b> study');
    await rows.first().getByTestId('rename-save').click();
    // Names are text, never markup.
    await page.locator('[data-testid=saved-study-name]', { hasText: 'my <b>first</b> study' }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByTestId('tab-search').click();
    await page.locator('[data-testid=saved-study-name]', { hasText: 'my <b>first</b> study' }).waitFor({ timeout: 30_000 });

    await rows.first().getByTestId('delete-study').click();
    await page.getByTestId('saved-studies').getByText('No saved studies yet.').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByTestId('tab-search').click();
    await page.getByTestId('saved-studies').getByText('No saved studies yet.').waitFor({ timeout: 30_000 });
    assert.equal(await rows.count(), 0);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('an exported study imports back with the same trials, and two studies compare on one chart', async () => {
    const { page, context } = await openPage(session, { initScript: withoutWebGPU });
    await openSearch(page);
    await runSearch(page, 3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').first().click()]);
    const path = (await download.path()) as string;
    const exported = parseStudyJson(await readFile(path, 'utf8'));
    assert.ok(exported.ok, exported.ok ? '' : exported.message);

    await page.getByTestId('import-json').setInputFiles(path);
    const opened = page.getByTestId('opened-study');
    await opened.waitFor({ timeout: 10_000 });
    // The table fetches its rows after it appears (from the reader worker for large studies).
    await opened.getByTestId('opened-trial').nth(exported.study.trials.length - 1).waitFor({ timeout: 10_000 });
    const shown = await opened.getByTestId('opened-trial').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-id'), row.getAttribute('data-value')]));
    assert.deepEqual(
      shown,
      exported.study.trials.map((trial) => [String(trial.id), trial.value === null ? '' : String(trial.value)]),
    );
    await page.locator('[data-testid=saved-study]').nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('saved-study').count(), 2);

    await page.getByTestId('compare-study').nth(0).check();
    await page.getByTestId('compare-study').nth(1).check();
    await page.getByTestId('compare-chart').waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('an import of a __proto__ payload is refused with a message, changes nothing and pollutes nothing', async () => {
    const { page, context } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('saved-studies').waitFor();
    const before = await page.getByTestId('saved-study').count();
    await page.getByTestId('import-json').setInputFiles({
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"__proto__": {"polluted": 1}, "format": "tuning-playground/study@1"}'),
    });
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 10_000 });
    assert.match((await error.textContent()) ?? '', /__proto__/);
    assert.equal(await page.evaluate(() => (({}) as Record<string, unknown>).polluted), undefined);
    assert.equal(await page.getByTestId('saved-study').count(), before);
    assert.equal(await page.getByTestId('opened-study').count(), 0);
    await context.close();
  });

  it('without IndexedDB (private mode) the page says so, offers the export, and the search still finishes', async () => {
    const { page, context } = await openPage(session, { initScript: `${withoutWebGPU} Object.defineProperty(window, "indexedDB", { value: undefined });` });
    await openSearch(page);
    const notice = page.getByTestId('storage-notice');
    await notice.waitFor({ timeout: 10_000 });
    assert.match((await notice.textContent()) ?? '', /no storage for saved studies/);
    await runSearch(page, 3);
    assert.equal(await page.locator('[data-testid=trial-point][data-state=complete]').count(), 3);
    assert.equal(await notice.getByTestId('export-json').isEnabled(), true);
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByTestId('export-json').click()]);
    const exported = parseStudyJson(await readFile((await download.path()) as string, 'utf8'));
    assert.ok(exported.ok && exported.study.trials.length === 3);
    await context.close();
  });
});
