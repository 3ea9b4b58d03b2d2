import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, openSession, waitForBackend, type PageLog, type Session } from './harness';
import { useWasm, withoutWebGPU } from './searchReload';

let session: Session;
let page: Page;
let context: BrowserContext;
let log: PageLog;

before(async () => {
  session = await openSession({ startOn: 'wasm' });
  ({ page, context, log } = await openPage(session, { initScript: withoutWebGPU }));
  await page.goto(`${session.url}#dataset=moons&samples=300`);
  await waitForBackend(page);
  await useWasm(page);
});
after(async () => {
  await context?.close();
  await session?.close();
});

/** Presses Train and waits until that new trial (not an earlier one) has ended as expected. */
async function train(state = 'complete'): Promise<void> {
  const previousId = (await page.getByTestId('train-view').getAttribute('data-trial-id')) ?? '0';
  await page.getByTestId('train-button').click();
  await page.locator(`[data-testid=train-view][data-trial-state=${state}]:not([data-trial-id="${previousId}"])`).waitFor({ timeout: 120_000 });
}

/** The validation accuracy the metrics show, as a fraction. */
async function accuracy(): Promise<number> {
  await page.locator('[data-testid=metric-accuracy]').waitFor();
  return Number(((await page.getByTestId('metric-accuracy').textContent()) ?? '').replace('%', '')) / 100;
}

describe('the model families in the page', () => {
  it('the model selector offers the MLP and the five classic families', async () => {
    const options = await page.locator('[data-testid=model-kind-select] option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    assert.deepEqual(options, ['mlp', 'linear', 'tree', 'forest', 'boosting', 'knn']);
  });

  const families: [string, Record<string, string>][] = [
    ['mlp', { 'epochs-input': '5' }],
    ['linear', { 'penalty-input': 'l2', 'degree-input': '3', 'alpha-input': '0.001' }],
    ['tree', { 'max-depth-input': '6' }],
    ['forest', { 'tree-count-input': '20', 'max-depth-input': '8' }],
    ['boosting', { 'learning-rate-input': '0.3', 'epochs-input': '30', 'max-depth-input': '3' }],
    ['knn', { 'neighbors-input': '7', 'weighting-input': 'distance' }],
  ];
  for (const [kind, fields] of families) {
    it(`a ${kind} model trains by hand on the moons and draws its decision boundary`, async () => {
      await page.getByTestId('model-kind-select').selectOption(kind);
      for (const [testId, value] of Object.entries(fields)) {
        const field = page.getByTestId(testId);
        if ((await field.evaluate((node) => node.tagName)) === 'SELECT') await field.selectOption(value);
        else await field.fill(value);
      }
      await train();
      assert.ok(Number(await page.getByTestId('boundary-canvas').getAttribute('data-epoch')) >= 1);
      // Every family but a 5-epoch MLP separates the moons well above chance.
      if (kind !== 'mlp') assert.ok((await accuracy()) > 0.8, `${kind} validation accuracy ${await accuracy()}`);
      if (kind === 'boosting') assert.equal(await page.locator('[data-testid=trial-summary]').count(), 1);
      await page.screenshot({ path: `test-results/models-${kind}.png`, fullPage: true });
    });
  }

  it('a linear model shows its coefficients shrinking, L1 to exactly zero', async () => {
    await page.getByTestId('model-kind-select').selectOption('linear');
    await page.getByTestId('penalty-input').selectOption('l1');
    const path = page.getByTestId('coefficient-path');
    await path.waitFor();
    assert.ok(Number(await path.getAttribute('data-zero-at-strongest')) > 0, 'at the strongest L1 penalty every weight is zero');
    assert.ok(Number(await path.getAttribute('data-lines')) >= 2);
  });

  it('a small random search over tree depth runs and scores every trial', async () => {
    await page.getByTestId('model-kind-select').selectOption('tree');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('search-dimension-maxDepth').check();
    assert.equal(await page.getByTestId('search-dimension-units').count(), 0, 'the search form hides settings a tree ignores');
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('5');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('[data-testid=trial-point][data-state=complete]').count(), 5);
    await page.screenshot({ path: 'test-results/models-tree-search.png', fullPage: true });
    await page.getByTestId('tab-train').click();
  });

  it('a forest of 100 fully grown trees on 2,000 points trains in the worker within seconds', async () => {
    await page.goto(`${session.url}#dataset=moons&samples=2000&kind=forest&treeCount=100&maxDepth=0`);
    await page.reload();
    await waitForBackend(page);
    await train();
    const seconds = Number(((await page.locator('[data-testid=trial-summary] dd').last().textContent()) ?? '').replace(' s', ''));
    process.stdout.write(`# forest of 100 trees on 2,000 moons points (1,200 training rows) in the trainer worker: ${seconds} s\n`);
    assert.ok(seconds > 0 && seconds < 15, `took ${seconds} s`);
  });

  it('an old polynomial ridge link opens as a linear model with an L2 penalty and fits the sine', async () => {
    await page.goto(`${session.url}#dataset=sine&kind=ridge&degree=5&alpha=0.001`);
    await page.reload();
    await waitForBackend(page);
    assert.equal(await page.getByTestId('model-kind-select').inputValue(), 'linear');
    assert.equal(await page.getByTestId('penalty-input').inputValue(), 'l2');
    assert.equal(await page.getByTestId('degree-input').inputValue(), '5');
    await train();
    await page.getByTestId('model-curve').waitFor();
    assert.ok(Number(await page.getByTestId('metric-r2').textContent()) > 0.5);
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.foreignRequests, []);
  });

  it('the lesson on forests and boosting trains its three models in the page and reveals the answer', async () => {
    await page.getByTestId('lesson-menu').click();
    await page.locator('[data-testid=lesson-item][data-lesson=forests-boosting]').click();
    const panel = page.locator('[data-testid=lesson-panel][data-lesson=forests-boosting]');
    const prediction = panel.getByTestId('prediction').first();
    await prediction.getByTestId('prediction-choice').first().check();
    await prediction.getByTestId('commit-prediction').click();
    await panel.getByTestId('lesson-run').click();
    await prediction.getByTestId('reveal').or(panel.getByTestId('lesson-error')).first().waitFor({ timeout: 120_000 });
    assert.equal(await panel.getByTestId('lesson-error').count(), 0);
    assert.match((await prediction.getByTestId('reveal').textContent()) ?? '', /Validation losses: tree/);
    await page.screenshot({ path: 'test-results/models-lesson.png', fullPage: true });
    assert.deepEqual(log.consoleErrors, []);
  });
});
