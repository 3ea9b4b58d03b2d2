/**
 * Pictures of data with more than two features: Iris and a CSV with text classes on their two
 * principal components, shaded by the trained model's class on the PC1–PC2 plane (the MLP and
 * classic families), and a CSV regression coloured by its target with the prediction on that
 * plane. Each at the three viewports, with axe. Uses the WASM backend.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openSession, type Session } from './harness';
import { openAt, seriousViolations, sidewaysOverflow, viewports } from './layoutChecks';

let session: Session;
let page: Page;
let context: BrowserContext;
let errors: string[];

before(async () => {
  session = await openSession();
  mkdirSync('test-results', { recursive: true });
  ({ page, context, errors } = await openAt(session.browser, viewports[1], { wasm: true }));
  await page.goto(session.url);
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
});
after(async () => {
  await context?.close();
  await session?.close();
});

/** Presses Train and waits until that new trial (not an earlier one) completes. */
async function train(): Promise<void> {
  const previousId = (await page.getByTestId('train-view').getAttribute('data-trial-id')) ?? '0';
  await page.getByTestId('train-button').click();
  await page.locator(`[data-testid=train-view][data-trial-state=complete]:not([data-trial-id="${previousId}"])`).waitFor({ timeout: 90_000 });
}

/** How many distinct colours the region canvas holds (0 when it is blank). */
function regionColours(): Promise<number> {
  return page.getByTestId('pca-regions').evaluate((canvas) => {
    const element = canvas as HTMLCanvasElement;
    const data = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
    const colours = new Set<string>();
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return colours.size;
  });
}

/** Screenshots at the three viewports, each checked for sideways scrolling and axe's serious and critical violations. */
async function atEveryViewport(name: string, chart: string): Promise<void> {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.getByTestId(chart).scrollIntoViewIfNeeded();
    assert.equal(await sidewaysOverflow(page), 0, `sideways at ${viewport.width}`);
    assert.deepEqual(await seriousViolations(page), [], `axe at ${viewport.width}×${viewport.height}`);
    await page.screenshot({ path: `test-results/pca-${name}-${viewport.width}.png` });
  }
  await page.setViewportSize(viewports[1]);
}

/** Legend labels of one chart. */
function legendLabels(chart: string): Promise<string[]> {
  return page.locator(`[data-legend=${chart}] [data-testid=legend-item] > text:last-child`).allTextContents();
}

/** Leaves the column out of the features (or puts it back), opening the list of columns first. */
async function leaveOut(column: string, out = true): Promise<void> {
  const box = page.locator(`[data-testid=csv-ignore-checkbox][data-column=${column}]`);
  await box.evaluate((element) => {
    const details = element.closest('details');
    if (details) details.open = true;
  });
  await box.setChecked(out);
}

/** A CSV of 120 rows: three numeric features, a text class decided by their sum, and a numeric target. */
function threeFeatureCsv(): string {
  const lines = ['width,height,depth,kind,price'];
  for (let row = 0; row < 120; row++) {
    const width = ((row * 37) % 120) / 12 - 5;
    const height = ((row * 53) % 120) / 24;
    const depth = ((row * 17) % 120) / 30 - 2;
    const sum = width + height - depth;
    lines.push(`${width},${height},${depth},${sum < -1 ? 'small' : sum < 3 ? 'medium' : 'large'},${(2 * width - height + 0.5 * depth).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('pictures of data with more than two features', () => {
  it('iris: the trained MLP shades its classes on the PC1–PC2 plane, and the legend and caption say it is a projection', async () => {
    await page.getByTestId('dataset-select').selectOption('iris');
    const view = page.getByTestId('pca-view');
    await view.waitFor({ timeout: 30_000 });
    assert.equal(await view.getAttribute('data-regions'), 'none');
    assert.equal(await page.getByTestId('pca-regions').getAttribute('data-painted'), 'false');
    await page.getByTestId('epochs-input').fill('30');
    await train();
    await page.locator('[data-testid=pca-view]:not([data-regions=none])').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('pca-regions').getAttribute('data-painted'), 'true');
    assert.ok((await regionColours()) >= 2, 'the shading shows more than one class');
    assert.ok((await legendLabels('pca')).some((label) => /model's class on the PC1–PC2 plane through the mean/.test(label)));
    assert.match((await page.getByTestId('pca-caption').textContent()) ?? '', /off that plane, so\s+the model may classify it differently/);
    await atEveryViewport('iris-mlp', 'pca-view');
  });

  for (const kind of ['tree', 'forest', 'boosting', 'knn', 'linear']) {
    it(`iris: a ${kind} model shades its classes on the PC1–PC2 plane too`, async () => {
      await page.getByTestId('model-kind-select').selectOption(kind);
      const before = await page.getByTestId('train-view').getAttribute('data-trial-id');
      await train();
      const trialId = await page.getByTestId('train-view').getAttribute('data-trial-id');
      assert.notEqual(trialId, before);
      await page.locator(`[data-testid=pca-view][data-regions-trial="${trialId}"]`).waitFor({ timeout: 30_000 });
      // Every class of iris has a region on the plane: the classes separate along PC1.
      assert.equal(await regionColours() >= 3, true, `${kind} shades ${await regionColours()} colours`);
      if (kind === 'knn') await atEveryViewport(`iris-${kind}`, 'pca-view');
    });
  }

  it('a CSV with text classes and three features: the projection shades the classes and the confusion matrix names them', async () => {
    await page.getByTestId('model-kind-select').selectOption('knn');
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('csv-input').setInputFiles({ name: 'boxes.csv', mimeType: 'text/csv', buffer: Buffer.from(threeFeatureCsv()) });
    await page.getByTestId('csv-target-select').selectOption('kind');
    await leaveOut('price');
    await page.locator('[data-testid=pca-view][data-rows="120"]').waitFor({ timeout: 30_000 });
    await train();
    await page.locator('[data-testid=pca-regions][data-painted=true]').waitFor({ timeout: 30_000 });
    const labels = await page.locator('[data-testid=confusion-label]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-label') ?? ''));
    assert.deepEqual([...labels].sort(), ['large', 'medium', 'small']);
  });

  it('a CSV regression with three features: rows coloured by target with a ramp legend, then the prediction on the plane', async () => {
    await page.getByTestId('csv-target-select').selectOption('price');
    await leaveOut('kind');
    const regression = page.getByTestId('csv-regression-checkbox');
    if (!(await regression.isChecked())) await regression.check();
    const view = page.getByTestId('pca-values-view');
    await view.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=pca-value-point]').count(), 120);
    assert.equal(await page.locator('[data-legend=pca-values] [data-kind=ramp]').count(), 1);
    const low = Number(await page.locator('[data-legend=pca-values] [data-testid=legend-low]').textContent());
    const high = Number(await page.locator('[data-legend=pca-values] [data-testid=legend-high]').textContent());
    assert.ok(low < -5 && high > 5, `ramp ${low} … ${high}`);
    await atEveryViewport('regression-before', 'pca-values-view');
    await page.getByTestId('model-kind-select').selectOption('linear');
    await train();
    await page.locator('[data-testid=pca-values-view]:not([data-regions=none])').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('pca-regions').getAttribute('data-painted'), 'true');
    assert.ok((await regionColours()) > 10, 'the prediction varies over the plane');
    assert.ok((await legendLabels('pca-values')).some((label) => /prediction on the PC1–PC2 plane through the mean/.test(label)));
    await atEveryViewport('regression-linear', 'pca-values-view');
    await page.getByTestId('model-kind-select').selectOption('mlp');
    await page.getByTestId('epochs-input').fill('40');
    await train();
    const trialId = await page.getByTestId('train-view').getAttribute('data-trial-id');
    await page.locator(`[data-testid=pca-values-view][data-regions-trial="${trialId}"]`).waitFor({ timeout: 30_000 });
    assert.ok((await regionColours()) > 10, 'the MLP prediction varies over the plane');
    await atEveryViewport('regression-mlp', 'pca-values-view');
    assert.deepEqual(errors, []);
  });
});
