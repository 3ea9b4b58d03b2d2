import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Download, Locator, Page } from 'playwright-core';
import { openPage, sessionPerFile } from './harness';

const session = sessionPerFile({ startOn: 'wasm' });

/** Hides WebGPU (its software adapter is slow to start) and records CSP violations from before any app script runs. */
const initScript = `
  Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
  delete Navigator.prototype.gpu;
  window.__cspViolations = [];
  addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.effectiveDirective + ' blocked ' + event.blockedURI);
  });
`;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function downloaded(page: Page, button: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { download, bytes: await readFile((await download.path()) as string) };
}

describe('exporting charts and code from the page', () => {
  it('saves the learning curves as SVG and PNG, and the best trial of a search as runnable TF.js code, with no CSP violation', async () => {
    const { page, context, log } = await openPage(session, { initScript });
    await page.goto(session.url);
    await page.getByTestId('backend-select').selectOption('wasm');
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
    await page.locator('input[type=number]').first().fill('100');
    await page.getByTestId('epochs-input').fill('1');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid=trial-summary]:not([data-state=running])').waitFor({ timeout: 120_000 });

    const curves = page.locator('[data-chart=learning-curves]');
    const svg = await downloaded(page, curves.getByTestId('save-svg'));
    assert.equal(svg.download.suggestedFilename(), 'learning-curves.svg');
    const svgText = svg.bytes.toString('utf8');
    assert.match(svgText, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svgText, /<rect[^>]*fill="white"/);
    const curvePaths = (svgText.match(/<path [^>]*>/g) ?? []).filter((path) => / d="M[\d.,]+/.test(path) && /stroke-width="2"/.test(path) && /fill="none"/.test(path));
    assert.ok(curvePaths.length >= 2, `expected the training and validation curves, found ${curvePaths.length} paths`);
    const parseError = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, svgText);
    assert.equal(parseError, null);

    const png = await downloaded(page, curves.getByTestId('save-png'));
    assert.equal(png.download.suggestedFilename(), 'learning-curves.png');
    assert.deepEqual(png.bytes.subarray(0, 8), pngSignature);
    assert.ok(png.bytes.length > 3000, `the PNG has only ${png.bytes.length} bytes`);
    const chartWidth = await curves.locator('svg').first().evaluate((element) => element.getBoundingClientRect().width);
    assert.equal(png.bytes.readUInt32BE(16), Math.ceil(chartWidth) * 2, 'the PNG is drawn at twice the CSS size');

    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('3');
    await page.getByTestId('seed-input').fill('7');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    const best = (await page.getByTestId('best-trial').textContent()) ?? '';
    const bestLearningRate = Number(/learningRate ([\d.e-]+)/.exec(best)?.[1]);
    assert.ok(Number.isFinite(bestLearningRate), `no learning rate in "${best}"`);

    const history = await downloaded(page, page.locator('[data-chart=search-history]').getByTestId('save-svg'));
    assert.match(history.bytes.toString('utf8'), /<path [^>]*data-testid="best-so-far"/);

    await page.getByTestId('export-code').click();
    const snippet = await page.getByTestId('code-snippet').inputValue();
    assert.ok(snippet.includes('tf.sequential'), snippet);
    const snippetLearningRate = Number(/tf\.train\.\w+\(([\d.e-]+)/.exec(snippet)?.[1]);
    assert.equal(+snippetLearningRate.toPrecision(3), bestLearningRate, 'the snippet trains with the best trial\'s learning rate');
    assert.match(snippet, /^\/\/ Trial \d+ from the Tuning Playground — validation loss/);

    assert.deepEqual(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
