import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { viewNames } from '../../src/lib/core/settings';
import { waitForBackend, sessionPerFile } from './harness';
import { embedProblems, inWindow, openAt, seriousViolations, sidewaysOverflow, viewports } from './layoutChecks';

const session = sessionPerFile();

/** Opens the page (from openAt with `wasm`) on WASM with a small problem (100 points, 40 epochs per trial). */
async function openSmall(page: Page): Promise<void> {
  await page.goto(session.url);
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
  await page.getByTestId('samples-input').fill('100');
  await page.getByTestId('epochs-input').fill('40');
}

/** Starts a 12-trial search and waits until a trial has epochs on screen. */
async function startSearch(page: Page): Promise<void> {
  await page.getByTestId('tab-search').click();
  await page.getByTestId('budget-input').fill('12');
  await page.getByTestId('run-search').click();
  await page.locator('[data-testid=trial-inspector] [data-testid=learning-curves]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=trial-point]').first().waitFor({ timeout: 60_000 });
}

describe('the page layout at 800×600, 1366×768 and 1920×1080', () => {
  for (const viewport of viewports) {
    it(`at ${viewport.width}×${viewport.height} no tab scrolls sideways and axe finds no serious or critical violation`, async () => {
      const { page, context, errors } = await openAt(session.browser, viewport, { wasm: true });
      await openSmall(page);
      for (const tab of ['train', 'diagnose', 'search'] as const) {
        await page.getByTestId(`tab-${tab}`).click();
        assert.equal(await sidewaysOverflow(page), 0, `${tab} tab scrolls sideways`);
        assert.deepEqual(await seriousViolations(page), [], `${tab} tab`);
      }
      // The search form writes a range's small end as the page writes numbers, not cut to "0.0000".
      assert.equal(await page.getByLabel('l2 from').inputValue(), '1e-5');
      await startSearch(page);
      assert.equal(await sidewaysOverflow(page), 0, 'search tab during a search scrolls sideways');
      assert.deepEqual(await seriousViolations(page), [], 'search tab during a search');
      await page.getByTestId('lesson-menu').click();
      await page.locator('[data-testid=lesson-item]').first().click();
      await page.locator('[data-testid=lesson-panel]').waitFor();
      assert.equal(await sidewaysOverflow(page), 0, 'an open lesson scrolls sideways');
      assert.deepEqual(await seriousViolations(page), [], 'an open lesson');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  for (const viewport of viewports.filter((entry) => entry.width >= 1366)) {
    it(`at ${viewport.width}×${viewport.height} the map, the history and the selected trial's curves are in view together during a search`, async () => {
      const { page, context } = await openAt(session.browser, viewport, { wasm: true });
      await openSmall(page);
      await startSearch(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const selector of ['[data-testid=search-space-view]', '[data-testid=search-history]', '[data-testid=trial-inspector] [data-testid=learning-curves]', '[data-testid=run-search], [data-testid=resume-search]']) {
        const { inside, box } = await inWindow(page, selector);
        assert.ok(inside, box);
      }
      await context.close();
    });
  }
});

describe('presentation mode', () => {
  it('hides the settings, enlarges type and ticks, runs, pauses, steps and scrubs from the keyboard, and Esc leaves it', async () => {
    const { page, context } = await openAt(session.browser, { width: 1366, height: 768 }, { wasm: true });
    await openSmall(page);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('budget-input').fill('6');
    await page.getByTestId('parallel-input').fill('1');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    assert.equal(await page.getByTestId('presentation-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.rail').isVisible(), false);
    await page.keyboard.press(' ');
    await page.locator('[data-testid=trial-point]').first().waitFor({ timeout: 60_000 });
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.best, .empty, p') as Element).fontSize));
    assert.ok(body >= 18, `body text is ${body} px`);
    const tick = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid=search-space-view] text') as Element).fontSize));
    assert.ok(tick >= 14, `ticks are ${tick} px`);
    await page.keyboard.press(' ');
    await page.getByTestId('resume-search').waitFor({ state: 'attached', timeout: 60_000 });
    const ended = await page.locator('[data-testid=trial-point]').count();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=trial-point]').length > count, ended, { timeout: 60_000 });
    await page.getByTestId('resume-search').waitFor({ state: 'attached', timeout: 60_000 });
    const slider = page.getByTestId('replay-slider');
    const live = Number(await slider.inputValue());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(Number(await slider.inputValue()), live - 2);
    await page.keyboard.press('ArrowRight');
    assert.equal(Number(await slider.inputValue()), live - 1);
    assert.deepEqual(await seriousViolations(page), [], 'presentation mode');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('presentation-toggle').getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('.rail').isVisible(), true);
    await context.close();
  });
});

describe('embedding at 800×600', () => {
  /** Every non-empty set of views, as the link spells them. */
  const combinations = Array.from({ length: 2 ** viewNames.length - 1 }, (_, index) => viewNames.filter((_name, bit) => ((index + 1) >> bit) & 1));
  const needsSearch = ['search', 'space', 'trials', 'curves', 'posterior', 'data', 'model'];
  // One page for both tabs: each combination is a new fragment, which the page opens as a fresh link.
  let embed: Awaited<ReturnType<typeof openAt>>;
  before(async () => {
    embed = await openAt(session.browser, { width: 800, height: 600 }, { wasm: true });
    await embed.page.goto(`${session.url}#embed&tab=search`);
    await waitForBackend(embed.page);
  });
  after(async () => {
    await embed?.context.close();
  });

  for (const tab of ['search', 'train'] as const) {
    it(`every combination of views on the ${tab} tab fits the frame, and Run or Train is in view whenever a chosen view needs it`, async () => {
      const { page } = embed;
      const button = tab === 'search' ? '[data-testid=run-search]' : '[data-testid=train-button]';
      const cases = combinations.map((views) => ({
        hash: `#embed&tab=${tab}&views=${views.join(',')}`,
        views: views.join(' '),
        button: tab === 'train' || views.some((name) => needsSearch.includes(name)) ? button : null,
      }));
      // All 255 in one round trip: the fragment changes in the page and the geometry is read there.
      assert.deepEqual(await embedProblems(page, cases), []);
      for (const views of [viewNames, ['space'], ['trials', 'space'], ['search', 'space']]) {
        const [problem] = await embedProblems(page, [{ hash: `#embed&tab=${tab}&views=${views.join(',')}`, views: views.join(' '), button: null }]);
        assert.equal(problem, undefined);
        assert.deepEqual(await seriousViolations(page), [], `embed of ${views.join(',')}`);
      }
      assert.deepEqual(embed.errors, []);
    });
  }

  it('the search form in the narrow embed rail shows every setting name whole, its range boxes below it', async () => {
    const { page } = embed;
    await embedProblems(page, [{ hash: '#embed&tab=search&views=search,space', views: 'search space', button: null }]);
    const rows = page.locator('[data-testid^=search-dimension-]');
    await rows.first().waitFor();
    // A name wider than its box is covered by the range boxes beside it.
    const clipped = await rows.evaluateAll((boxes) => boxes.map((box) => box.closest('label')!).filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent?.trim()));
    assert.equal(await rows.count() > 5, true);
    assert.deepEqual(clipped, []);
  });

  it('the Embed dialog copies its snippet with a Copy button', async () => {
    const { page, context } = await openAt(session.browser, { width: 1366, height: 768 }, { wasm: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await page.goto(session.url);
    await page.getByTestId('embed-button').click();
    await page.getByTestId('embed-copy').click();
    await page.getByTestId('embed-copy-status').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.getByTestId('embed-snippet').inputValue());
    assert.deepEqual(await seriousViolations(page), [], 'the Embed dialog');
    await context.close();
  });
});
