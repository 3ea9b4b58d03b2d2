/**
 * A conditional search space in the page: the search form marks units as existing only with a
 * hidden layer and momentum only with the momentum optimizer; a search over them never sets a
 * setting its trial did not use, and the map, parallel coordinates, inspector and export show
 * those as "not used". Trials run on WASM with 100 spiral points and 2 epochs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isActive, type Params } from '../../src/lib/core/space';
import { parseStudyJson, studyToJson } from '../../src/lib/storage/exportStudy';
import { openPage, sessionPerFile } from './harness';
import { exported, useWasm, withoutWebGPU } from './searchReload';

const session = sessionPerFile({ startOn: 'wasm' });

describe('a conditional search in the page', () => {
  it('marks conditional settings, runs, and shows the trials that lacked them as not used', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    await page.locator('input[type=number]').first().fill('100');
    await page.getByTestId('epochs-input').fill('2');
    await page.getByTestId('tab-search').click();
    for (const name of ['hiddenLayers', 'optimizer', 'momentum']) await page.getByTestId(`search-dimension-${name}`).check();
    assert.equal(await page.getByTestId('search-condition-units').textContent(), 'only when hiddenLayers ≥ 1');
    assert.equal(await page.getByTestId('search-condition-momentum').textContent(), 'only when optimizer is momentum');
    assert.equal(await page.getByTestId('search-condition-learningRate').count(), 0);
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('8');
    await page.getByTestId('seed-input').fill('7');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });

    const study = await exported(page);
    assert.equal(study.format, 'tuning-playground/study@2');
    assert.deepEqual(study.space.find((dimension) => dimension.name === 'momentum')?.when, { dimension: 'optimizer', in: ['momentum'] });
    let inactive = 0;
    for (const trial of study.trials) {
      for (const dimension of study.space) {
        const active = isActive(dimension, trial.params);
        assert.equal(Object.hasOwn(trial.params, dimension.name), active, `trial ${trial.id}: ${dimension.name}`);
        if (!active) inactive++;
      }
    }
    assert.ok(inactive > 0, 'some trial lacked a conditional setting');

    // Parallel coordinates: a "not used" position on each conditional axis, lines through it.
    const parallel = page.getByTestId('parallel-coordinates');
    assert.equal(await parallel.getByTestId('not-used-tick').count(), 2);
    assert.equal(Number(await parallel.getAttribute('data-not-used')), inactive);
    assert.match((await parallel.getByTestId('not-used-note').textContent()) ?? '', /did not exist/);
    // The map with momentum on y: trials without it sit in the n/a strip, none are dropped.
    await page.locator('select', { has: page.locator('option', { hasText: 'objective' }) }).first().selectOption('momentum');
    const map = page.getByTestId('search-space-view');
    const withoutMomentum = study.trials.filter((trial) => !Object.hasOwn(trial.params, 'momentum')).length;
    assert.ok(withoutMomentum > 0);
    assert.equal(Number(await map.getAttribute('data-not-used')), withoutMomentum);
    assert.equal(Number(await map.getAttribute('data-trials')), 8);
    assert.equal(await map.getByTestId('map-not-used-y').count(), 1);
    assert.match((await map.getByTestId('map-not-used-note').textContent()) ?? '', /did not exist/);
    // The inspector of a trial without momentum says so.
    const lacking = study.trials.find((trial) => !Object.hasOwn(trial.params, 'momentum'))!;
    await page.locator(`[data-testid=parallel-line][aria-label="Trial ${lacking.id}"]`).dispatchEvent('click');
    await page.locator(`[data-testid=trial-inspector][data-trial="${lacking.id}"]`).waitFor();
    assert.ok((await page.getByTestId('param-not-used').count()) >= 1);
    await page.screenshot({ path: process.env.SHOT_DIR ? `${process.env.SHOT_DIR}/conditional.png` : '/tmp/conditional.png', fullPage: true });
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});

describe('old and conditional study files in the page', () => {
  it('a study@1 file exported by the old page imports with every trial, and a study@2 table says "not used"', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    const old = new URL('../unit/storage/fixtures/study1-exported.json', import.meta.url).pathname;
    await page.getByTestId('import-json').setInputFiles(old);
    const opened = page.getByTestId('opened-study');
    await opened.waitFor({ timeout: 10_000 });
    assert.equal(await opened.getByTestId('opened-trial').count(), 5);

    const parsed = parseStudyJson(await readFile(old, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const conditional = studyToJson({
      ...parsed.study,
      space: [
        { name: 'optimizer', type: 'choice', values: ['sgd', 'momentum'] },
        { name: 'momentum', type: 'real', low: 0, high: 0.95, when: { dimension: 'optimizer', in: ['momentum'] } },
      ],
      trials: parsed.study.trials.map((trial, i) => ({ ...trial, params: (i % 2 === 0 ? { optimizer: 'sgd' } : { optimizer: 'momentum', momentum: 0.5 }) as Params })),
    });
    const path = join(tmpdir(), `conditional-study-${process.pid}.json`);
    await writeFile(path, conditional);
    await page.getByTestId('import-json').setInputFiles(path);
    await page.locator('[data-testid=opened-trial]', { hasText: 'momentum not used' }).first().waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid=opened-trial]', { hasText: 'momentum not used' }).count(), 3);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});

describe('the quasi-random picture next to the strategy selector', () => {
  it('shows n points of random, Latin hypercube and Sobol designs with their discrepancies, and n follows the slider', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('sobol');
    await page.getByTestId('design-why').locator('summary').click();
    const picture = page.getByTestId('design-comparison');
    const counts = async () => {
      const squares = picture.getByTestId('design-square');
      assert.equal(await squares.count(), 3);
      return Promise.all([0, 1, 2].map((i) => squares.nth(i).getByTestId('design-point').count()));
    };
    assert.deepEqual(await counts(), [32, 32, 32]);
    await picture.getByTestId('design-n').fill('5');
    assert.equal(await picture.getAttribute('data-n'), '256');
    assert.deepEqual(await counts(), [256, 256, 256]);
    const discrepancy = async (kind: string) => Number(((await picture.locator(`[data-testid=design-discrepancy][data-design=${kind}]`).textContent()) ?? '').replace('CD² ', ''));
    assert.ok((await discrepancy('sobol')) < (await discrepancy('random')));
    await page.setViewportSize({ width: 1366, height: 768 });
    await picture.screenshot({ path: process.env.SHOT_DIR ? `${process.env.SHOT_DIR}/designs.png` : '/tmp/designs.png' });
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
