/**
 * A search on data no seed regenerates (the shipped iris set) resumes after a reload: its data is
 * saved with the study, and the banner counts only the trials that had ended.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, sessionPerFile } from './harness';
import { ended, exported, savedEndedTrials, useWasm, withoutWebGPU } from './searchReload';

const session = sessionPerFile({ startOn: 'wasm' });

describe('a search on shipped data interrupted by a reload', () => {
  it('resumes from the data saved with it, keeping every trial that had ended', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    await page.getByTestId('dataset-select').selectOption('iris');
    await page.getByTestId('epochs-input').fill('200');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('4');
    await page.getByTestId('parallel-input').fill('1');
    await page.getByTestId('seed-input').fill('5');
    await page.getByTestId('run-search').click();
    await page.locator('[data-testid=trial-point][data-state=complete]').nth(1).waitFor({ timeout: 180_000 });
    const before = await exported(page);
    await savedEndedTrials(page, ended(before).length);
    assert.equal(await page.getByTestId('storage-notice').count(), 0, 'the study with its data was saved');
    await page.reload();
    await useWasm(page);
    await page.getByTestId('tab-search').click();
    const banner = page.getByTestId('resume-banner');
    await banner.waitFor({ timeout: 30_000 });
    assert.match((await banner.textContent()) ?? '', /\d of 4 trials ended/);
    assert.equal(await banner.getByTestId('resume-dismiss').count(), 1);
    await page.getByTestId('resume-interrupted').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    assert.equal(await page.getByTestId('resume-error').count(), 0);
    const after = await exported(page);
    assert.equal(after.dataset.name, 'iris');
    assert.deepEqual(after.trials.map((trial) => trial.id), [1, 2, 3, 4]);
    for (const trial of ended(before)) assert.deepEqual(after.trials[trial.id - 1], trial);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
