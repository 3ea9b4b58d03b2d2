import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { startOnScript, waitForBackend, sessionPerFile } from './harness';
import { openAt } from './layoutChecks';
import { exported, useWasm } from './searchReload';

const session = sessionPerFile();

describe('saved and imported studies in the full views', () => {
  it('a saved Bayesian search reopens as a map with its surrogate, curves, parallel coordinates and replay, on the remembered backend', async () => {
    const { page, context, errors } = await openAt(session.browser, { width: 1366, height: 768 });
    // Starts on CPU (as if chosen before, so nothing is measured first); choosing WASM below is what the reload must remember.
    await context.addInitScript(startOnScript('cpu'));
    await page.goto(session.url);
    assert.equal(await waitForBackend(page), 'cpu');
    await useWasm(page);
    await page.getByTestId('samples-input').fill('100');
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('bayesian');
    await page.getByTestId('budget-input').fill('5');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    const study = await exported(page);
    await page.locator('[data-testid=saved-study-trials]', { hasText: '5 trials' }).waitFor({ timeout: 10_000 });

    await page.reload();
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
    assert.equal(await page.getByTestId('backend-select').inputValue(), 'wasm');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('show-study').first().click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 5);
    await page.getByTestId('surrogate-underlay').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=trial-inspector] [data-testid=learning-curves]').waitFor();
    assert.ok((await page.locator('[data-testid=parallel-line]').count()) >= 5);
    assert.equal(await page.getByTestId('replay-slider').getAttribute('max'), '5');
    // Nothing trained again: the trials are the saved ones, with their own values.
    const shown = await exported(page);
    assert.deepEqual(shown.trials.map((trial) => trial.value), study.trials.map((trial) => trial.value));
    // Shown, not saved again as a second study.
    await page.waitForTimeout(800);
    assert.equal(await page.getByTestId('saved-study').count(), 1);

    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/shown-study.json', JSON.stringify({ ...study, dataset: { ...study.dataset } }));
    await page.getByTestId('import-json').setInputFiles('test-results/shown-study.json');
    await page.getByTestId('opened-study').waitFor();
    // The import opens at once and joins the saved list when storage has written it.
    const importedName = page.locator('[data-testid=saved-study-name]', { hasText: /^bayesian on spiral, shown-study \(imported\)/ });
    await importedName.waitFor({ timeout: 10_000 });
    assert.match((await page.getByTestId('saved-study-name').first().textContent()) ?? '', /^bayesian on spiral, shown-study \(imported\)/);
    await page.getByTestId('show-opened-study').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 30_000 });
    // The message may still be the study shown before: wait for the import's fifth point, then count.
    await page.locator('[data-testid=trial-point]').nth(4).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=trial-point]').count(), 5);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
