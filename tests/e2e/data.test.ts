import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, openSession, waitForBackend, type PageLog, type Session } from './harness';

let session: Session;
let page: Page;
let context: BrowserContext;
let log: PageLog;

before(async () => {
  session = await openSession({ startOn: 'wasm' });
  ({ page, context, log } = await openPage(session));
  await page.goto(session.url);
  await waitForBackend(page);
  // WebGPU here is a slow software adapter and the skeleton test covers it; these tests are about data.
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 60_000 });
});
after(async () => {
  await context?.close();
  await session?.close();
});

/** Sets the epochs, presses Train and waits until that new trial (not an earlier one) completes. */
async function trainTrial(epochs: number): Promise<void> {
  const view = page.getByTestId('train-view');
  const previousId = (await view.getAttribute('data-trial-id')) ?? '0';
  await page.getByTestId('epochs-input').fill(String(epochs));
  await page.getByTestId('train-button').click();
  await page.locator(`[data-testid=train-view][data-trial-state=complete]:not([data-trial-id="${previousId}"])`).waitFor({ timeout: 90_000 });
}

/** A CSV of 40 rows: two numeric features and a text class that depends on the first. */
function smallCsv(): string {
  const lines = ['height,weight,kind'];
  for (let row = 0; row < 40; row++) {
    const height = ((row * 37) % 40) / 4 - 5;
    const weight = ((row * 11) % 40) / 8;
    lines.push(`${height},${weight},${height > 0 ? 'tall' : 'short'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The text of the element with this test id, whitespace collapsed as a reader sees it. */
async function text(testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function errorText(): Promise<string> {
  return text('error-message');
}

describe('datasets, models and views in Chromium', () => {
  it('trains a trial on an uploaded CSV and shows the validation confusion matrix', async () => {
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('csv-input').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(smallCsv()) });
    await page.getByTestId('csv-summary').waitFor();
    assert.match(await text('csv-summary'), /people, 40 rows, 2 features, 2 classes/);
    assert.equal(await page.getByTestId('csv-target-select').inputValue(), 'kind');
    await trainTrial(2);
    const cells = page.locator('[data-testid=confusion-matrix] [data-testid=confusion-cell]');
    assert.equal(await cells.count(), 4);
    const counts = await cells.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-count'))));
    // 40 rows split 0.6 / 0.2 / 0.2: the matrix counts the 8 validation rows.
    assert.equal(counts.reduce((sum, count) => sum + count, 0), 8);
    assert.match(await text('metric-accuracy'), /%$/);
  });

  it('names the line of a ragged CSV in the error message and keeps the previous data', async () => {
    await page.getByTestId('csv-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,label\n1,2,x\n3\n4,5,y\n') });
    await page.getByTestId('error-message').waitFor();
    assert.match(await errorText(), /Line 3 does not have 3 values/);
    assert.match(await text('csv-summary'), /people, 40 rows/);
  });

  it('says which feature column is not numeric', async () => {
    const contents = 'size,colour,label\n1,red,a\n2,blue,b\n3,red,a\n';
    await page.getByTestId('csv-input').setInputFiles({ name: 'colours.csv', mimeType: 'text/csv', buffer: Buffer.from(contents) });
    await page.locator('[data-testid=error-message]', { hasText: 'colour' }).waitFor();
    assert.match(await errorText(), /Feature column "colour" is not numeric/);
    assert.match(await text('csv-summary'), /people, 40 rows/);
  });

  it('trains on six drawn points (three per class), using all of them with a note, and removes a clicked point', async () => {
    await page.getByTestId('dataset-select').selectOption('drawn');
    const plane = page.getByTestId('data-plane');
    const spots = [[[90, 90], [130, 80], [100, 130]], [[260, 250], [300, 270], [250, 300]]];
    for (const [label, positions] of spots.entries()) {
      await page.locator(`[data-testid=class-button][data-class="${label}"]`).click();
      for (const [x, y] of positions) await plane.click({ position: { x, y } });
    }
    assert.equal(await page.locator('[data-testid=data-point][data-class="0"]').count(), 3);
    assert.equal(await page.locator('[data-testid=data-point][data-class="1"]').count(), 3);
    await plane.click({ position: { x: 90, y: 90 } });
    assert.equal(await page.getByTestId('data-point').count(), 5);
    await page.locator('[data-testid=class-button][data-class="0"]').click();
    await plane.click({ position: { x: 90, y: 90 } });
    assert.equal(await page.getByTestId('data-point').count(), 6);
    assert.match(await text('split-note'), /Only 6 points/);
    await trainTrial(3);
    assert.ok(Number(await page.getByTestId('boundary-canvas').getAttribute('data-epoch')) >= 1);
    assert.equal(await page.getByTestId('error-message').count(), 0);
  });

  it('trains one epoch on the two moons', async () => {
    await page.getByTestId('dataset-select').selectOption('moons');
    await page.getByTestId('samples-input').fill('100');
    await trainTrial(1);
    assert.equal(await page.getByTestId('data-point').count(), 100);
    assert.equal(await page.getByTestId('boundary-canvas').getAttribute('data-epoch'), '1');
  });

  it('trains one epoch on the noisy sine and draws the fitted curve with RMSE and R²', async () => {
    await page.getByTestId('dataset-select').selectOption('sine');
    await page.getByTestId('samples-input').fill('100');
    await trainTrial(1);
    await page.getByTestId('model-curve').waitFor();
    assert.equal(await page.getByTestId('true-curve').count(), 1);
    assert.ok(Number(await page.getByTestId('metric-rmse').textContent()) > 0);
    assert.equal(await page.getByTestId('confusion-matrix').count(), 0);
  });

  it('loads the shipped digits, shows them as images and labels them with predictions after training', async () => {
    await page.getByTestId('dataset-select').selectOption('digits');
    await page.getByTestId('digits-gallery').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=digits-gallery] canvas').count(), 30);
    await trainTrial(1);
    assert.equal(await page.getByTestId('digit-prediction').count(), 30);
    assert.equal(await page.locator('[data-testid=confusion-matrix] [data-testid=confusion-cell]').count(), 100);
    await page.screenshot({ path: 'test-results/data-digits.png', fullPage: true });
    await page.getByTestId('dataset-select').selectOption('sine');
  });

  it('trains a polynomial linear model with an L2 penalty (ridge) on the sine', async () => {
    await page.getByTestId('model-kind-select').selectOption('linear');
    await page.getByTestId('penalty-input').selectOption('l2');
    await page.getByTestId('degree-input').fill('5');
    await page.getByTestId('alpha-input').fill('0.001');
    const previousId = (await page.getByTestId('train-view').getAttribute('data-trial-id')) ?? '0';
    await page.getByTestId('train-button').click();
    await page.locator(`[data-testid=train-view][data-trial-state=complete]:not([data-trial-id="${previousId}"])`).waitFor({ timeout: 90_000 });
    await page.getByTestId('model-curve').waitFor();
    const r2 = Number(await page.getByTestId('metric-r2').textContent());
    assert.ok(Number.isFinite(r2), `R² should be a number, got ${r2}`);
    await page.screenshot({ path: 'test-results/data-ridge-sine.png', fullPage: true });
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.foreignRequests, []);
  });
});
