import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, sessionPerFile } from './harness';
import { ended, exported, savedEndedTrials, useWasm, withoutWebGPU } from './searchReload';

const session = sessionPerFile({ startOn: 'wasm' });

describe('a search interrupted by a reload', () => {
  it('resumes keeping every trial that had ended, trains the interrupted one again, and runs no trial twice', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    // Long enough trials (a few seconds each on WASM) that the reload lands mid-search.
    await page.getByTestId('samples-input').fill('300');
    await page.getByTestId('epochs-input').fill('150');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('5');
    await page.getByTestId('parallel-input').fill('1');
    await page.getByTestId('seed-input').fill('11');
    await page.getByTestId('run-search').click();
    await page.locator('[data-testid=trial-point][data-state=complete]').nth(1).waitFor({ timeout: 180_000 });
    const before = await exported(page);
    // The autosave is debounced and asynchronous: reload mid-search once it holds what `before` holds.
    await savedEndedTrials(page, ended(before).length);
    assert.ok(ended(before).length >= 2 && ended(before).length < 5, `${ended(before).length} trials had ended`);
    await page.reload();
    await useWasm(page);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('resume-interrupted').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    const after = await exported(page);

    assert.deepEqual(after.trials.map((trial) => trial.id), [1, 2, 3, 4, 5]);
    assert.ok(after.trials.every((trial) => trial.state !== 'running' && trial.state !== 'queued'));
    // Trials that had ended come back exactly as they were: not trained again (same duration too).
    for (const trial of ended(before)) assert.deepEqual(after.trials[trial.id - 1], trial);
    // No configuration trained twice: five trials, five distinct proposals.
    assert.equal(new Set(after.trials.map((trial) => JSON.stringify(trial.params))).size, 5);
    // The same seed without a reload proposes the same five trials.
    assert.deepEqual(
      after.trials.map((trial) => trial.params),
      [...before.trials.map((trial) => trial.params), ...after.trials.slice(before.trials.length).map((trial) => trial.params)],
    );
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
