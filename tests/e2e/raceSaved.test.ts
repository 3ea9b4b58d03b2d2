/**
 * Saved studies as race lanes: two small saved searches raced read-only (their trial counts and
 * best values are the saved ones, nothing trains again), one added beside a live race, and a study
 * on another problem refused with the difference in words; the lanes' maps share one colour range;
 * axe finds nothing serious, and the view is photographed at the three viewports
 * (test-results/race-saved-*.png).
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sessionPerFile } from './harness';
import { openAt, seriousViolations, sidewaysOverflow, viewports } from './layoutChecks';
import { exported } from './searchReload';
import type { StudyExport } from '../../src/lib/storage/exportStudy';

const session = sessionPerFile();

/** Runs a search with `strategy` and `budget` trials and returns its export once its last trial is saved. */
async function savedSearch(page: Page, strategy: string, budget: number): Promise<StudyExport> {
  await page.getByTestId('strategy-select').selectOption(strategy);
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('run-search').click();
  await page.locator('[data-testid=saved-study-trials]', { hasText: `${budget} trials` }).waitFor({ timeout: 120_000 });
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 30_000 });
  return exported(page);
}

/** The lowest objective among a study's completed trials. */
const bestOf = (study: StudyExport) => study.trials.reduce((best, trial) => (trial.state === 'complete' && trial.value !== null ? Math.min(best, trial.value) : best), Infinity);

/** Each lane's name, trial count, best value and whether it is saved, as the page shows them. */
const lanes = (page: Page) =>
  page.locator('[data-testid=race-lane]').evaluateAll((elements) =>
    elements.map((element) => ({ name: element.getAttribute('data-name') ?? '', trials: Number(element.getAttribute('data-trials')), best: Number(element.getAttribute('data-best')), saved: element.getAttribute('data-saved') === 'true' })),
  );

/** Each lane's objective colour range as its map's legend states it ("low–high"). */
const legendRanges = (page: Page) =>
  page.locator('[data-testid=race-lane] [data-legend=search-space-map]').evaluateAll((legends) =>
    legends.map((legend) => `${legend.querySelector('[data-testid=legend-low]')?.textContent ?? ''}–${legend.querySelector('[data-testid=legend-high]')?.textContent ?? ''}`),
  );

/** Ticks exactly the saved studies whose names start with `prefixes` in the race's picker. */
async function choose(page: Page, prefixes: string[]): Promise<void> {
  const items = page.locator('[data-testid=race-saved-picker] li');
  for (let index = 0; index < (await items.count()); index++) {
    const name = (await items.nth(index).locator('.name').textContent()) ?? '';
    await items.nth(index).getByTestId('race-saved-choice').setChecked(prefixes.some((prefix) => name.startsWith(prefix)));
  }
}

describe('saved studies in the race', () => {
  it('races two saved searches as read-only lanes with their saved trials and best values, adds one beside a live race, and refuses another problem', async () => {
    const { page, context, errors } = await openAt(session.browser, { width: 1366, height: 768 }, { wasm: true });
    await page.goto(session.url);
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('samples-input').fill('100');
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('tab-search').click();
    const random = await savedSearch(page, 'random', 3);
    const bayesian = await savedSearch(page, 'bayesian', 4);
    assert.equal(await page.getByTestId('saved-study').count(), 2, (await page.getByTestId('saved-study').allTextContents()).join(' / '));

    // The same search on 150 samples: another problem.
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/other-problem.json', JSON.stringify({ ...random, dataset: { ...random.dataset, samples: 150 } }));
    await page.getByTestId('import-json').setInputFiles('test-results/other-problem.json');
    await page.locator('[data-testid=saved-study-name]', { hasText: 'other-problem (imported)' }).waitFor({ timeout: 10_000 });

    await page.getByTestId('mode-race').check();
    await choose(page, ['random on spiral, 2', 'bayesian on spiral, 2']);
    await page.getByTestId('race-saved').click();
    await page.locator('[data-testid=race-winner]', { hasText: 'Winner' }).waitFor({ timeout: 30_000 });
    const raced = await lanes(page);
    assert.equal(raced.length, 2);
    const randomLane = raced.find((lane) => lane.name.startsWith('random on spiral'));
    const bayesianLane = raced.find((lane) => lane.name.startsWith('bayesian on spiral'));
    assert.ok(randomLane && bayesianLane, JSON.stringify(raced));
    assert.deepEqual([randomLane.trials, randomLane.best, randomLane.saved], [3, bestOf(random), true]);
    assert.deepEqual([bayesianLane.trials, bayesianLane.best, bayesianLane.saved], [4, bestOf(bayesian), true]);
    // The names tell them apart by strategy, dataset, time and best value.
    assert.match(randomLane.name, /^random on spiral, \d{4}-\d\d-\d\d \d\d:\d\d · best [\d.]+$/);
    const winner = bestOf(random) <= bestOf(bayesian) ? randomLane : bayesianLane;
    const winnerText = (await page.getByTestId('race-winner').textContent()) ?? '';
    assert.ok(winnerText.includes(`Winner: ${winner.name}, with the lowest objective`), winnerText);
    assert.equal(await page.locator('[data-testid=race-view] [data-testid=search-history] [data-testid=best-so-far]').count(), 2);
    // One colour scale over both lanes: their legends state the same range.
    const ranges = await legendRanges(page);
    assert.equal(ranges.length, 2, JSON.stringify(ranges));
    assert.equal(new Set(ranges).size, 1, `one objective colour range for every lane: ${JSON.stringify(ranges)}`);
    // Read-only: racing them saved nothing new.
    assert.equal(await page.getByTestId('saved-study').count(), 3);
    assert.deepEqual(await seriousViolations(page), [], 'the race of saved studies');

    await page.getByTestId('race-lane').first().scrollIntoViewIfNeeded();
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await page.getByTestId('race-winner').scrollIntoViewIfNeeded();
      assert.equal(await sidewaysOverflow(page), 0, `no sideways scrolling at ${viewport.width}×${viewport.height}`);
      await page.screenshot({ path: `test-results/race-saved-${viewport.width}x${viewport.height}.png` });
      await page.locator('[data-testid=race-lane] [data-legend=search-space-map]').last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/race-saved-lanes-${viewport.width}x${viewport.height}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // Another problem is refused, and the lanes shown stay.
    await choose(page, ['random on spiral, 2', 'random on spiral, other-problem']);
    await page.getByTestId('race-saved').click();
    const refusal = (await page.getByTestId('race-saved-error').textContent()) ?? '';
    assert.match(refusal, /random on spiral, other-problem \(imported\) · best [\d.]+ is on a different problem from random on spiral, .*, so they cannot race: the number of samples is 150 in .* but 100 in /);
    assert.equal((await lanes(page)).length, 2);

    // One saved study beside a live race on the same problem.
    await page.getByTestId('race-saved-clear').click();
    await page.getByTestId('budget-input').fill('2');
    await page.getByTestId('run-race').click();
    await page.locator('[data-testid=race-summary]', { hasText: '2/2 trials' }).nth(1).waitFor({ timeout: 120_000 });
    await choose(page, ['bayesian on spiral, 2']);
    await page.getByTestId('race-saved').click();
    await page.locator('[data-testid=race-lane][data-saved=true]').waitFor({ timeout: 30_000 });
    const mixed = await lanes(page);
    assert.deepEqual(mixed.map((lane) => [lane.saved, lane.trials]), [[false, 2], [false, 2], [true, 4]]);
    assert.equal(mixed[2].best, bestOf(bayesian));
    const mixedRanges = await legendRanges(page);
    assert.equal(mixedRanges.length, 3, JSON.stringify(mixedRanges));
    assert.equal(new Set(mixedRanges).size, 1, `live and saved lanes share one colour range: ${JSON.stringify(mixedRanges)}`);
    assert.deepEqual(await seriousViolations(page), [], 'a live race with a saved lane');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
