/**
 * Inputs built to break the page (issue 15), in Chromium: a link with 100,000 unknown keys, studies
 * with values of ±1e308 or a million nested lists, a CSV with an id column and one of 20,000 rows,
 * and CSV columns left out kept through a reload and a saved study.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { studyToJson, type StudyExport } from '../../src/lib/storage/exportStudy';
import { openPage, sessionPerFile } from './harness';

const session = sessionPerFile({ startOn: 'wasm' });

const withoutWebGPU = 'Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined, configurable: true }); delete Navigator.prototype.gpu;';

function extremeStudy(): StudyExport {
  const values = [1e308, -1e308, 0.5, Number.MAX_VALUE, -Number.MAX_VALUE];
  return {
    format: 'tuning-playground/study@2', seed: 1, backend: 'wasm',
    dataset: { name: 'spiral', samples: 100, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 } },
    model: {}, space: [{ name: 'learningRate', type: 'log', low: 0.0001, high: 1 }], strategy: { name: 'random' },
    objective: { metric: 'validationLoss', direction: 'minimize' },
    trials: values.map((value, index) => ({ id: index + 1, params: { learningRate: 0.01 }, state: 'complete', value, durationMs: 5, epochs: [] })),
  };
}

function rowsCsv(rows: number): string {
  const lines = ['id,height,weight,kind'];
  for (let i = 0; i < rows; i++) lines.push(`p${i},${150 + (i % 50)},${50 + (i % 7)},${i % 2 ? 'tall' : 'short'}`);
  return `${lines.join('\n')}\n`;
}

describe('inputs built to break the page', () => {
  it('a link with 100,000 unknown keys shows at most twenty notices and a count of the rest', async () => {
    const { page, context } = await openPage(session, { initScript: withoutWebGPU });
    const keys = Array.from({ length: 100_000 }, (_, index) => `k${index}=1`).join('&');
    await page.goto(`${session.url}#${keys}`, { timeout: 120_000 });
    await page.getByTestId('link-notice').waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('[data-testid=link-notice] li').count()) <= 21);
    assert.match((await page.getByTestId('link-notice').textContent()) ?? '', /99,990 more/);
    await context.close();
  });

  it('a study with values of ±1e308 opens with a finite best-so-far line and no console error', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('saved-studies').waitFor();
    await page.getByTestId('import-json').setInputFiles({ name: 'extreme.json', mimeType: 'application/json', buffer: Buffer.from(studyToJson(extremeStudy())) });
    const opened = page.getByTestId('opened-study');
    await opened.locator('[data-testid=best-so-far]').first().waitFor({ timeout: 15_000 });
    const paths = await opened.locator('[data-testid=best-so-far]').evaluateAll((elements) => elements.map((element) => element.getAttribute('d') ?? ''));
    assert.ok(paths.length > 0 && paths.every((d) => d.startsWith('M') && !/NaN|Infinity|undefined/.test(d)), paths.join(' | '));
    assert.deepEqual(log.consoleErrors.filter((message) => /NaN|Infinity/.test(message)), []);
    await context.close();
  });

  it('a study of a million nested lists is refused with a short message', async () => {
    const { page, context } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('saved-studies').waitFor();
    const deep = `{"format":"tuning-playground/study@1","strategy":${'['.repeat(1_000_000)}{"__proto__":1}${']'.repeat(1_000_000)}}`;
    await page.getByTestId('import-json').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 15_000 });
    const text = (await error.textContent()) ?? '';
    assert.match(text, /nested more than 32 levels/);
    assert.ok(text.length < 600, `${text.length} characters`);
    await context.close();
  });

  it('a CSV with an id column builds once the id is left out, and 20,000 rows draw a sample of points with a note', async () => {
    const { page, context } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('csv-input').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(rowsCsv(40)) });
    await page.locator('[data-testid=error-message]', { hasText: '"id" is not numeric' }).waitFor();
    await page.locator('[data-testid=csv-ignore-checkbox][data-column=id]').check();
    // The build runs in a worker: wait for its result, not for any summary.
    await page.locator('[data-testid=csv-summary]', { hasText: 'In use: people' }).waitFor();
    assert.match((await page.getByTestId('csv-summary').textContent())?.replace(/\s+/g, ' ') ?? '', /In use: people, 40 rows, 2 features, 2 classes/);
    assert.equal(await page.getByTestId('error-message').count(), 0);

    // A file that fails to build is not in use yet; the one in use stays named as such.
    const named = `name,height,kind\n${Array.from({ length: 20 }, (_, i) => `n${i},${150 + i},${i % 2 ? 'tall' : 'short'}`).join('\n')}\n`;
    await page.getByTestId('csv-input').setInputFiles({ name: 'named.csv', mimeType: 'text/csv', buffer: Buffer.from(named) });
    await page.locator('[data-testid=csv-pending]', { hasText: 'named.csv is not in use yet' }).waitFor();
    await page.locator('[data-testid=csv-summary]', { hasText: 'Still in use: people' }).waitFor();

    // The id stays left out: a new file with an id column builds at once.
    await page.getByTestId('csv-input').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(rowsCsv(20_000)) });
    await page.locator('[data-testid=csv-summary]', { hasText: 'many, 20000 rows' }).waitFor();
    assert.equal(await page.locator('[data-testid=csv-ignore-checkbox][data-column=id]').isChecked(), true);
    await page.getByTestId('points-note').waitFor();
    assert.equal(await page.getByTestId('data-point').count(), 2000);
    assert.match((await page.getByTestId('points-note').textContent()) ?? '', /Showing 2,000 of 20,000 points/);
    await context.close();
  });

  it('keeps a CSV column left out through a reload (the link) and in the saved study, which names it when opened again', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('csv-input').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(rowsCsv(40)) });
    await page.locator('[data-testid=csv-ignore-checkbox][data-column=id]').check();
    await page.locator('[data-testid=csv-ignore-checkbox][data-column=weight]').check();
    await page.locator('[data-testid=csv-summary]', { hasText: 'people, 40 rows, 1 features' }).waitFor();
    // Both names, not just the first: under load the link can be written between the two clicks.
    await page.waitForFunction(() => /csvIgnored=[^&]*id[^&]*weight/.test(decodeURIComponent(location.hash)));

    await page.reload();
    await page.getByTestId('csv-input').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(rowsCsv(40)) });
    await page.locator('[data-testid=csv-summary]', { hasText: 'people, 40 rows, 1 features' }).waitFor();
    assert.equal(await page.locator('[data-testid=csv-ignore-checkbox][data-column=id]').isChecked(), true);
    assert.equal(await page.locator('[data-testid=csv-ignore-checkbox][data-column=weight]').isChecked(), true);
    assert.equal(await page.getByTestId('error-message').count(), 0);

    // A one-trial search on it is saved with the columns left out; opening it again names them.
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('budget-input').fill('1');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    // "Finished" can show while the save is still being written, and a reload would abort it: wait for the list to hold it.
    await page.locator('[data-testid=saved-study-trials]', { hasText: '1 trials' }).waitFor({ timeout: 30_000 });
    await page.reload();
    await page.getByTestId('tab-search').click();
    await page.getByTestId('open-study').first().click();
    await page.locator('[data-testid=opened-left-out]', { hasText: 'id, weight' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
