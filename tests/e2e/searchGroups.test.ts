/**
 * The search form folds the later layers' widths and Adam's β's: with hidden layers and the
 * optimizer searched, units2… and beta1/beta2 sit in two closed disclosures that open on a click
 * (their rows keep their test ids), say how many of their rows are searched, and open by
 * themselves when a link searches one; photographed as test-results/search-groups-*.png.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionPerFile } from './harness';
import { openAt, sidewaysOverflow, viewports } from './layoutChecks';

const session = sessionPerFile({ results: true });

describe('folded rows in the search form', () => {
  it('shows the later layers\' widths and the β\'s as one closed row each that opens, and open when a link searches them', async () => {
    const { page, context, errors } = await openAt(session.browser, viewports[1], { wasm: true });
    await page.goto(session.url);
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('tab-search').click();
    for (const name of ['hiddenLayers', 'optimizer']) await page.getByTestId(`search-dimension-${name}`).check();
    const widths = page.getByTestId('search-group-layer-widths');
    const betas = page.getByTestId('search-group-adam-betas');
    assert.match((await widths.locator('summary').textContent()) ?? '', /^per-layer widths… \(units2, units3\)$/);
    assert.match((await betas.locator('summary').textContent()) ?? '', /^Adam β's… \(beta1, beta2\)$/);
    for (const name of ['units2', 'units3', 'beta1', 'beta2']) assert.equal(await page.getByTestId(`search-dimension-${name}`).isVisible(), false, `${name} folded away`);
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await page.getByTestId('search-dimension-hiddenLayers').scrollIntoViewIfNeeded();
      assert.equal(await sidewaysOverflow(page), 0);
      await page.screenshot({ path: `test-results/search-groups-${viewport.width}x${viewport.height}.png` });
    }

    await widths.locator('summary').click();
    await page.getByTestId('search-dimension-units2').check();
    await page.getByLabel('units2 to', { exact: true }).fill('8');
    assert.equal(await widths.locator('summary').textContent(), 'per-layer widths… (units2, units3) · 1 searched');
    await betas.locator('summary').click();
    assert.equal(await page.getByTestId('search-dimension-beta1').isVisible(), true);
    await page.getByTestId('search-dimension-beta1').check();
    assert.equal(await page.getByTestId('search-condition-beta1').textContent(), 'only when optimizer is adam or adam-hd');
    await page.setViewportSize(viewports[0]);
    await page.getByTestId('search-group-adam-betas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/search-groups-open-800x600.png' });
    // Closed by hand, a searched row stays searched and the summary says so.
    await betas.locator('summary').click();
    assert.equal(await page.getByTestId('search-dimension-beta1').isVisible(), false);
    assert.equal(await betas.locator('summary').textContent(), "Adam β's… (beta1, beta2) · 1 searched");
    assert.equal(await page.getByTestId('search-dimension-beta1').isChecked(), true);

    await page.goto(`${session.url}#tab=search&search=hiddenLayers:int:0:3,units2:int:2:8`);
    await page.getByTestId('search-dimension-units2').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('search-dimension-units2').isChecked(), true);
    assert.equal(await page.getByTestId('search-group-layer-widths').evaluate((element) => (element as HTMLDetailsElement).open), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
