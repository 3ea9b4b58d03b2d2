import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { defaultSettings } from '../../src/lib/core/settings';
import { parseStudyJson } from '../../src/lib/storage/exportStudy';
import { openPage, openSession, waitForBackend, type Session } from './harness';

let session: Session;
before(async () => {
  // None of these is about backends: pages start on WASM rather than calibrating WebGPU's software adapter.
  session = await openSession({ startOn: 'wasm' });
});
after(async () => {
  await session?.close();
});

/** The search form's values as a person sees them. */
async function searchForm(page: Page): Promise<Record<string, unknown>> {
  return {
    strategy: await page.getByTestId('strategy-select').inputValue(),
    budget: await page.getByTestId('budget-input').inputValue(),
    seed: await page.getByTestId('seed-input').inputValue(),
    parallel: await page.getByTestId('parallel-input').inputValue(),
    schedule: await page.getByTestId('schedule-select').inputValue(),
    searched: await page.locator('[data-testid^=search-dimension-]:checked').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-testid'))),
  };
}

/** Runs the search the page opened with on the WASM backend and returns the params of its trials, in order. */
async function proposedParams(page: Page): Promise<unknown[]> {
  await waitForBackend(page);
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const parsed = parseStudyJson(await readFile((await download.path()) as string, 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return parsed.study.trials.map((trial) => trial.params);
}

describe('links and embedding', () => {
  it('a link with a few settings opens with those settings in the form', async () => {
    const { page, context, log } = await openPage(session);
    await page.goto(`${session.url}#samples=150&tab=search&strategy=bayesian&budget=5&searchSeed=7&search=learningRate:log:0.01:0.5,dropout:real:0:0.4`);
    await waitForBackend(page);
    assert.equal(await page.getByTestId('samples-input').inputValue(), '150');
    assert.deepEqual(await searchForm(page), {
      strategy: 'bayesian', budget: '5', seed: '7', parallel: String(defaultSettings().parallelTrials), schedule: 'none',
      searched: ['search-dimension-learningRate', 'search-dimension-dropout'],
    });
    assert.equal(await page.getByLabel('dropout to').inputValue(), '0.4');
    assert.equal(await page.getByTestId('link-notice').count(), 0);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('a link with an unknown key and an out-of-range value shows notices and opens with the defaults', async () => {
    const { page, context, log } = await openPage(session);
    await page.goto(`${session.url}#bogus=1&budget=999&tab=search`);
    await waitForBackend(page);
    const notice = (await page.getByTestId('link-notice').textContent()) ?? '';
    assert.match(notice, /bogus/);
    assert.match(notice, /Budget/);
    assert.equal(await page.getByTestId('budget-input').inputValue(), '12');
    await page.getByTestId('dismiss-link-notice').click();
    assert.equal(await page.getByTestId('link-notice').count(), 0);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('markup in a link is shown as text and runs nothing', async () => {
    const { page, context, log } = await openPage(session);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const payload = '<img src=x onerror=alert(1)>';
    await page.goto(`${session.url}#lesson=${encodeURIComponent(payload)}`);
    await waitForBackend(page);
    assert.ok(((await page.getByTestId('link-notice').textContent()) ?? '').includes(payload));
    await page.waitForTimeout(500);
    assert.equal(await page.locator('img[src=x]').count(), 0);
    assert.equal(dialogs, 0);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('share-link copies a link that opens the same search form', async () => {
    const { page, context, log } = await openPage(session);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
    await page.goto(session.url);
    await waitForBackend(page);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('quasi-random');
    await page.getByTestId('budget-input').fill('9');
    await page.getByTestId('seed-input').fill('31');
    await page.getByTestId('search-dimension-hiddenLayers').check();
    await page.getByTestId('share-link').click();
    const copied = page.getByTestId('share-status');
    const field = page.getByTestId('share-link-field');
    await copied.or(field).waitFor();
    const link = (await copied.count()) > 0 ? await page.evaluate(() => navigator.clipboard.readText()) : await field.inputValue();
    assert.ok(link.startsWith(session.url), link);
    const before = await searchForm(page);

    const opened = await openPage(session);
    await opened.page.goto(link);
    await waitForBackend(opened.page);
    assert.deepEqual(await searchForm(opened.page), before);
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(opened.log.consoleErrors, []);
    await opened.context.close();
    await context.close();
  });

  it('two searches from the same link propose the same trials', async () => {
    const link = `${session.url}#samples=100&epochs=1&tab=search&strategy=random&budget=3&searchSeed=5`;
    const params: unknown[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const { page, context, log } = await openPage(session);
      await page.goto(link);
      params.push(await proposedParams(page));
      assert.deepEqual(log.consoleErrors, []);
      await context.close();
    }
    assert.equal(params[0].length, 3);
    assert.deepEqual(params[1], params[0]);
  });

  it('the Embed dialog gives an iframe snippet whose page fits 800x600 without scrollbars', async () => {
    const { page, context, log } = await openPage(session);
    await page.goto(`${session.url}#tab=search`);
    await waitForBackend(page);
    await page.getByTestId('embed-button').click();
    await page.getByTestId('embed-dialog').waitFor();
    for (const name of ['data', 'model', 'curves', 'trials', 'posterior', 'lesson']) await page.getByTestId(`embed-view-${name}`).uncheck();
    const snippet = await page.getByTestId('embed-snippet').inputValue();
    const match = /<iframe src="([^"]+)" width="800" height="600"/.exec(snippet);
    assert.ok(match, snippet);
    const source = match[1].replace(/&amp;/g, '&');
    assert.ok(source.startsWith(`${session.url}#embed&`), source);
    assert.match(source, /views=search,space/);

    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(source);
    await page.reload();
    await waitForBackend(page);
    assert.equal(await page.locator('h1').count(), 0);
    assert.equal(await page.getByTestId('strategy-select').count(), 1);
    assert.equal(await page.getByTestId('best-trial').count(), 0);
    const size = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
    assert.ok(size.height <= 600 && size.width <= 800, JSON.stringify(size));
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/embed-800x600.png' });

    // The bare flag: the train tab with every view fits too.
    await page.goto(`${session.url}#embed`);
    await page.reload();
    await waitForBackend(page);
    const trainSize = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
    assert.ok(trainSize.height <= 600 && trainSize.width <= 800, JSON.stringify(trainSize));
    await page.screenshot({ path: 'test-results/embed-train-800x600.png' });
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
