/**
 * The search charts' marks from the keyboard: the map's trial dots and the history's points are
 * one Tab stop each, the arrow keys move between trials with a visible focus ring, each mark is
 * named by its trial, settings and score, and Enter selects the trial as a click does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sessionPerFile } from './harness';
import { openAt, seriousViolations } from './layoutChecks';

const session = sessionPerFile();

/** What has focus: its test id, trial, accessible name, and whether a focus ring shows. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const ring = element?.querySelector('.focus-ring');
    const style = element ? getComputedStyle(element) : null;
    return {
      testid: element?.getAttribute('data-testid') ?? '',
      trial: Number(element?.getAttribute('data-trial')),
      name: element?.getAttribute('aria-label') ?? '',
      visible: element?.matches(':focus-visible') ?? false,
      ring: ring ? getComputedStyle(ring).display !== 'none' : style !== null && style.stroke !== 'none' && parseFloat(style.strokeWidth) >= 2,
    };
  });

/** Presses Tab until a mark with `testid` has focus (at most 400 presses); fails when none does. */
async function tabTo(page: Page, testid: string): Promise<void> {
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).testid === testid) return;
  }
  assert.fail(`Tab never reached a ${testid}`);
}

describe('chart marks from the keyboard', () => {
  it('Tab reaches the map and the history, the arrows move between trials with a focus ring, and Enter selects the trial', async () => {
    const { page, context, errors } = await openAt(session.browser, { width: 1366, height: 768 }, { wasm: true });
    await page.goto(session.url);
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('samples-input').fill('100');
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('4');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('[data-testid=trial-point][tabindex="0"]').count(), 1, 'one map mark in the Tab order');

    await page.getByTestId('tab-search').focus();
    await tabTo(page, 'trial-point');
    const first = await focused(page);
    assert.ok(first.visible && first.ring, `focus ring on the map mark: ${JSON.stringify(first)}`);
    assert.match(first.name, new RegExp(`^trial ${first.trial} \\((completed|pruned by the schedule|diverged)\\): (objective [\\d.e-]+|no objective); learningRate [\\d.e-]+`));
    await page.keyboard.press('ArrowRight');
    const second = await focused(page);
    assert.equal(second.testid, 'trial-point');
    assert.notEqual(second.trial, first.trial, 'the arrow moved to another trial');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=trial-inspector][data-trial="${second.trial}"]`).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator(`[data-testid=trial-point][data-trial="${second.trial}"]`).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await seriousViolations(page), [], 'a map mark focused');

    await tabTo(page, 'history-point');
    const point = await focused(page);
    assert.ok(point.visible && point.ring, `focus ring on the history point: ${JSON.stringify(point)}`);
    assert.match(point.name, new RegExp(`^trial ${point.trial} \\(`));
    await page.keyboard.press('End');
    const last = await focused(page);
    assert.equal(last.testid, 'history-point');
    assert.notEqual(last.trial, point.trial, 'End moved to the last trial');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=trial-inspector][data-trial="${last.trial}"]`).waitFor({ timeout: 5_000 });
    assert.deepEqual(await seriousViolations(page), [], 'a history point focused');

    // In presentation mode ← / → scrub the replay, but not while a mark has focus: there they move between trials.
    await page.keyboard.press('p');
    assert.equal(await page.getByTestId('presentation-toggle').getAttribute('aria-pressed'), 'true');
    const slider = page.getByTestId('replay-slider');
    const live = await slider.inputValue();
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused(page)).testid, 'history-point');
    assert.notEqual((await focused(page)).trial, last.trial);
    assert.equal(await slider.inputValue(), live, 'the replay stayed where it was');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
