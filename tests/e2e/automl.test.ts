import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openSession, waitForBackend, type Session } from './harness';
import { openAt, seriousViolations, sidewaysOverflow, viewports } from './layoutChecks';
import { useWasm } from './searchReload';

let session: Session;
let page: Page;
let context: BrowserContext;
let errors: string[];

before(async () => {
  session = await openSession();
  ({ page, context, errors } = await openAt(session.browser, viewports[1], { wasm: true }));
  await page.goto(`${session.url}#dataset=moons&samples=150&noise=0.3`);
  await waitForBackend(page);
  await useWasm(page);
  await page.getByTestId('tab-search').click();
  await page.getByTestId('mode-automl').check();
});
after(async () => {
  await context?.close();
  await session?.close();
});

describe('AutoML in the page', () => {
  it('says what is missing when there is no data to train on', async () => {
    // The search form and its Run button are not AutoML's: the rail says what AutoML reads instead.
    await page.getByTestId('automl-rail-note').waitFor();
    assert.equal(await page.getByTestId('run-search').count(), 0);
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('automl-run').click();
    assert.match((await page.getByTestId('automl-problem').textContent()) ?? '', /Pick a CSV file first/);
    assert.equal(await page.getByTestId('automl-decision').count(), 0);
    await page.getByTestId('dataset-select').selectOption('moons');
  });

  it('races the families on the moons, explains each decision, and names a winner that opens in the Train tab', async () => {
    await page.getByTestId('automl-budget').selectOption('quick');
    await page.getByTestId('automl-run').click();
    assert.equal(await page.getByTestId('automl-problem').count(), 0);
    await page.locator('[data-testid=automl-standing][data-status=dropped]').first().waitFor({ timeout: 60_000 });
    for (const { width, height } of viewports) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/automl-running-${width}x${height}.png` });
    }
    await page.locator('[data-testid=automl-status][data-status=finished]').waitFor({ timeout: 120_000 });

    const decisions = await page.getByTestId('automl-decision').evaluateAll((nodes) => nodes.map((node) => ({ topic: node.getAttribute('data-topic'), because: node.querySelector('[data-testid=automl-because]')?.textContent ?? '' })));
    for (const topic of ['data', 'metric', 'family', 'space', 'strategy', 'budget', 'race', 'winner']) assert.ok(decisions.some((entry) => entry.topic === topic), `a ${topic} decision`);
    for (const entry of decisions) assert.ok(entry.because.length > 'Because '.length + 10, `a reason for every decision (${entry.topic})`);

    const standings = await page.getByTestId('automl-standing').evaluateAll((rows) => rows.map((row) => ({ family: row.getAttribute('data-family'), status: row.getAttribute('data-status'), trials: Number(row.getAttribute('data-trials')) })));
    assert.ok(standings.length >= 4, `${standings.length} families raced`);
    assert.equal(standings.filter((row) => row.status === 'winner').length, 1);
    assert.equal(standings.filter((row) => row.status === 'racing').length, 0);
    assert.ok(standings.every((row) => row.trials >= 1));
    const winner = standings.find((row) => row.status === 'winner');
    assert.ok(winner);
    assert.equal(await page.getByTestId('automl-winner').getAttribute('data-family'), winner.family);

    for (const { width, height } of viewports) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/automl-${width}x${height}.png` });
      assert.equal(await sidewaysOverflow(page), 0, `no sideways scrolling at ${width}×${height}`);
      assert.deepEqual(await seriousViolations(page), [], `axe at ${width}×${height}`);
    }

    await page.getByTestId('automl-open-train').click();
    assert.equal(await page.getByTestId('tab-train').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('model-kind-select').inputValue(), winner.family);
    await page.locator('[data-testid=train-view][data-trial-state=complete]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/automl-opened-in-train.png' });
    assert.deepEqual(errors, []);
  });
});
