/**
 * Per-layer widths and Adam's β's in the page: the model form sets layer 2's width and β1, a search
 * varies the units of layers 1 and 2 over 1–2 hidden layers and β1 over the optimizers, and
 * every place that shows a trial says "not used" where the trial lacked a setting; the link
 * reproduces the form; the network a trial trained has the widths it was given. Trials run on
 * WASM with 100 spiral points and 2 epochs.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hiddenWidths, trialSettings, type ModelSettings } from '../../src/lib/core/modelSettings';
import { isActive } from '../../src/lib/core/space';
import { openPage, waitForBackend, sessionPerFile } from './harness';
import { exported, useWasm, withoutWebGPU } from './searchReload';

/** Where to save screenshots, when set (each at 800×600, 1366×768 and 1920×1080). */
const screenshots = process.env.LAYER_SCREENSHOTS;

const session = sessionPerFile({ startOn: 'wasm' });

/** The model and search form as a person sees them: layer widths, β's, checked rows and their ranges. */
async function form(page: Page): Promise<Record<string, unknown>> {
  await page.getByTestId('tab-train').click();
  const model = {
    layers: await page.getByTestId('layers-input').inputValue(),
    units: await page.getByTestId('units-input').inputValue(),
    units2: await page.getByTestId('units2-input').inputValue(),
    beta1: await page.getByTestId('beta1-input').inputValue(),
    beta2: await page.getByTestId('beta2-input').inputValue(),
  };
  await page.getByTestId('tab-search').click();
  const searched = await page.locator('[data-testid^=search-dimension-]:checked').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-testid')));
  const ranges = await page.locator('.dimensions input[type=text]').evaluateAll((boxes) => boxes.map((box) => `${box.getAttribute('aria-label')}=${(box as HTMLInputElement).value}`));
  return { ...model, searched, ranges };
}

async function shoot(page: Page, name: string, inView?: string): Promise<void> {
  if (!screenshots) return;
  await mkdir(screenshots, { recursive: true });
  for (const [width, height] of [[800, 600], [1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    if (inView) await page.getByTestId(inView).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

async function setRange(page: Page, name: string, low: string, high: string): Promise<void> {
  await page.getByLabel(`${name} from`, { exact: true }).fill(low);
  await page.getByLabel(`${name} to`, { exact: true }).fill(high);
}

describe('per-layer widths and Adam\'s β\'s in the page', () => {
  it('searches layer widths and β1 as conditional settings, shows "not used", keeps them in the link, and trains the widths it was given', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(session.url);
    await useWasm(page);
    await page.locator('input[type=number]').first().fill('100');
    await page.getByTestId('epochs-input').fill('2');

    // The model form: layer 2's box appears with two layers, empty (as wide as layer 1) until typed in.
    assert.equal(await page.getByTestId('units2-input').inputValue(), '');
    assert.equal(await page.getByTestId('units2-input').getAttribute('placeholder'), '16');
    assert.equal(await page.getByTestId('units3-input').count(), 0);
    await page.getByTestId('layers-input').fill('6');
    assert.equal(await page.getByTestId('layer-widths').locator('input').count(), 5);
    await page.getByTestId('layers-input').blur();
    await shoot(page, 'model-six-layers', 'layer-widths');
    await page.getByTestId('layers-input').fill('2');
    await page.getByTestId('units2-input').fill('5');
    assert.equal(await page.getByTestId('beta1-input').inputValue(), '0.9');
    await page.getByTestId('beta1-input').fill('0.85');
    await page.getByTestId('optimizer-select').selectOption('sgd');
    assert.equal(await page.getByTestId('adam-betas').count(), 0);
    await page.getByTestId('optimizer-select').selectOption('adam');
    assert.equal(await page.getByTestId('beta1-input').inputValue(), '0.85');
    await page.getByTestId('beta1-input').blur();
    await shoot(page, 'model-betas', 'adam-betas');

    // The search form: layer 2's units only with ≥ 2 layers, β1 only with Adam.
    await page.getByTestId('tab-search').click();
    assert.equal(await page.getByTestId('search-dimension-units3').count(), 0);
    await page.getByTestId('search-dimension-learningRate').uncheck();
    // Layer 2's width and the β's are folded into disclosures (searchRowGroups.ts): open them first.
    for (const group of ['layer-widths', 'adam-betas']) await page.getByTestId(`search-group-${group}`).locator('summary').click();
    for (const name of ['hiddenLayers', 'units2', 'optimizer', 'beta1']) await page.getByTestId(`search-dimension-${name}`).check();
    await setRange(page, 'hiddenLayers', '1', '2');
    await setRange(page, 'units', '2', '8');
    await setRange(page, 'units2', '2', '8');
    assert.equal(await page.getByTestId('search-condition-units2').textContent(), 'only when hiddenLayers ≥ 2');
    assert.equal(await page.getByTestId('search-condition-beta1').textContent(), 'only when optimizer is adam or adam-hd');
    assert.equal(await page.getByTestId('search-dimension-units3').count(), 0);
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('8');
    await page.getByTestId('seed-input').fill('3');
    await shoot(page, 'search-form');

    // The link opens the same form in a fresh page.
    const before = await form(page);
    await page.getByTestId('share-link').click();
    const copied = page.getByTestId('share-status');
    const field = page.getByTestId('share-link-field');
    await copied.or(field).waitFor();
    const link = (await copied.count()) > 0 ? await page.evaluate(() => navigator.clipboard.readText()) : await field.inputValue();
    assert.match(link, /units2=5/);
    assert.match(link, /beta1=0.85/);
    const opened = await openPage(session, { initScript: withoutWebGPU });
    await opened.page.goto(link);
    await waitForBackend(opened.page);
    assert.deepEqual(await form(opened.page), before);
    assert.deepEqual(opened.log.consoleErrors, []);
    await opened.context.close();

    await page.getByTestId('tab-search').click();
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    const study = await exported(page);
    assert.deepEqual(study.space.find((dimension) => dimension.name === 'units2')?.when, { dimension: 'hiddenLayers', atLeast: 2 });
    assert.deepEqual(study.space.find((dimension) => dimension.name === 'beta1')?.when, { dimension: 'optimizer', in: ['adam', 'adam-hd'] });
    assert.equal(study.model.units2, 5);
    assert.equal(study.model.beta1, 0.85);
    for (const trial of study.trials) {
      for (const dimension of study.space) assert.equal(Object.hasOwn(trial.params, dimension.name), isActive(dimension, trial.params), `trial ${trial.id}: ${dimension.name}`);
    }
    const withoutUnits2 = study.trials.filter((trial) => !Object.hasOwn(trial.params, 'units2'));
    const withoutBeta1 = study.trials.filter((trial) => !Object.hasOwn(trial.params, 'beta1'));
    const twoLayers = study.trials.filter((trial) => trial.state === 'complete' && trial.params.hiddenLayers === 2 && trial.params.units2 !== trial.params.units);
    assert.ok(withoutUnits2.length > 0 && withoutBeta1.length > 0 && twoLayers.length > 0, 'the seed gives trials with and without each conditional setting');

    // Parallel coordinates and the map: trials without a setting sit at its "not used" position, none dropped.
    const inactive = study.trials.reduce((count, trial) => count + study.space.filter((dimension) => !isActive(dimension, trial.params)).length, 0);
    const parallel = page.getByTestId('parallel-coordinates');
    assert.equal(await parallel.getByTestId('not-used-tick').count(), 3);
    assert.equal(Number(await parallel.getAttribute('data-not-used')), inactive);
    await page.locator('select', { has: page.locator('option', { hasText: 'objective' }) }).first().selectOption('units2');
    const map = page.getByTestId('search-space-view');
    assert.equal(Number(await map.getAttribute('data-not-used')), withoutUnits2.length);
    assert.equal(Number(await map.getAttribute('data-trials')), 8);

    // The inspector of a one-layer trial says units2 was not used.
    await page.locator(`[data-testid=parallel-line][aria-label="Trial ${withoutUnits2[0].id}"]`).dispatchEvent('click');
    await page.locator(`[data-testid=trial-inspector][data-trial="${withoutUnits2[0].id}"]`).waitFor();
    assert.ok((await page.getByTestId('param-not-used').count()) >= 1);

    // The network a two-layer trial trained in the search has its own widths: 2·w1 + w1·w2 + w2·2 weights.
    const chosen = twoLayers[0];
    const widths = hiddenWidths(trialSettings({ ...study.model } as ModelSettings, chosen.params, 2));
    assert.deepEqual(widths, [chosen.params.units, chosen.params.units2]);
    await page.locator(`[data-testid=parallel-line][aria-label="Trial ${chosen.id}"]`).dispatchEvent('click');
    const view = page.getByTestId('analysis-view');
    await view.getByTestId('analysis-tab-network').click();
    await view.locator('[data-testid=network-source][data-source=search]').waitFor({ timeout: 30_000 });
    assert.equal(Number(await view.getByTestId('network-view').getAttribute('data-edges')), 2 * widths[0] + widths[0] * widths[1] + widths[1] * 2);
    await shoot(page, 'search-done');

    // The study file, imported: its table says "not used" for each trial that lacked a setting.
    const path = join(tmpdir(), `layer-study-${process.pid}.json`);
    await writeFile(path, JSON.stringify(study));
    await page.getByTestId('import-json').setInputFiles(path);
    await page.getByTestId('opened-study').waitFor({ timeout: 10_000 });
    const rows = page.getByTestId('opened-trial');
    await rows.first().waitFor();
    assert.equal(await rows.filter({ hasText: 'units2 not used' }).count(), withoutUnits2.length);
    assert.equal(await rows.filter({ hasText: 'beta1 not used' }).count(), withoutBeta1.length);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
