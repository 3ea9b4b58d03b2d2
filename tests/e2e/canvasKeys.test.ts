/**
 * The search history from the keyboard when its dots are painted on a canvas (past 2,000 trials):
 * one Tab stop, the keys move a highlighted trial with a visible ring, screen readers hear it
 * through one visually hidden option (never a node per trial), and Enter selects it. The chart
 * runs alone in Chromium (fixtures/canvasHistory.ts, bundled here): the app reaches canvas mode
 * only after replaying thousands of trials, which takes minutes.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { chromiumArgs, findChromium } from './harness';
import { seriousViolations } from './layoutChecks';
import { chromium, type Browser } from 'playwright-core';

const trialCount = 2500;
let browser: Browser;
let bundle = '';
let appCss = '';

before(async () => {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [svelte({ emitCss: false, compilerOptions: { css: 'injected' } })],
    build: { write: false, minify: false, lib: { entry: 'tests/e2e/fixtures/canvasHistory.ts', formats: ['iife'], name: 'canvasHistory' } },
  })) as Rollup.RollupOutput[];
  bundle = output[0].output[0].code;
  appCss = await readFile('src/app.css', 'utf8');
  await mkdir('test-results', { recursive: true });
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
});
after(async () => {
  await browser?.close();
});

/** What has focus: its test id, role, the highlighted trial, whether focus and the ring show, and the option that names the trial. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const activeId = element?.getAttribute('aria-activedescendant');
    const option = activeId ? document.getElementById(activeId) : null;
    return {
      testid: element?.getAttribute('data-testid') ?? '',
      role: element?.getAttribute('role') ?? '',
      trial: Number(element?.getAttribute('data-trial')),
      visible: element?.matches(':focus-visible') ?? false,
      ring: element?.querySelector('[data-testid=canvas-dot-ring]') !== null,
      option: option ? { role: option.getAttribute('role') ?? '', text: option.textContent ?? '', inside: element?.contains(option) ?? false } : null,
    };
  });

describe('canvas history from the keyboard', () => {
  it('a 2,500-trial history on canvas is one Tab stop whose keys move a named, ringed trial, and Enter selects it', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setContent(`<!doctype html><html lang="en"><head><title>History</title><style>${appCss}</style></head><body><main style="display: block; width: 700px"><button type="button" id="before">before</button><div id="app"></div></main></body></html>`);
    await page.evaluate((count) => ((window as unknown as { trialCount: number }).trialCount = count), trialCount);
    await page.addScriptTag({ content: bundle });
    const keys = page.getByTestId('canvas-dots-keys');
    await keys.waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('canvas-dots').getAttribute('data-count'), String(trialCount));
    assert.equal(await page.locator('[data-testid=history-point]').count(), 0, 'no SVG dot per trial');

    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.equal(first.testid, 'canvas-dots-keys');
    assert.equal(first.role, 'listbox');
    assert.ok(first.visible && first.ring, `focus and the highlighted dot show: ${JSON.stringify(first)}`);
    assert.equal(first.trial, 1);
    assert.ok(first.option?.inside && first.option.role === 'option', JSON.stringify(first.option));
    assert.match(first.option.text, /^trial 1 \(completed\): objective [\d.]+; learningRate [\d.e-]+$/);
    assert.equal(await page.locator('[role=option]').count(), 1, 'one option in the DOM, not one per trial');
    assert.equal(await page.evaluate(() => document.body.dataset.hovered), '1', 'the highlighted trial is hovered, so linked views show it');

    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).trial, 2);
    await page.keyboard.press('PageDown');
    assert.equal((await focused(page)).trial, 2 + trialCount / 20);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused(page)).trial, 1 + trialCount / 20);
    await page.keyboard.press('End');
    const last = await focused(page);
    assert.equal(last.trial, trialCount);
    assert.match(last.option?.text ?? '', new RegExp(`^trial ${trialCount} \\(pruned by the schedule\\): objective`));
    // The ring sits on the highlighted dot, the last one, at the right of the plot.
    const ring = await page.getByTestId('canvas-dot-ring').boundingBox();
    const canvas = await page.getByTestId('canvas-dots').boundingBox();
    assert.ok(ring && canvas && ring.x > canvas.x + canvas.width * 0.9, JSON.stringify({ ring, canvas }));
    await page.screenshot({ path: 'test-results/canvas-keys-800x600.png' });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.body.dataset.selected), String(trialCount));
    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    assert.equal(await page.evaluate(() => document.body.dataset.selected), '1');
    assert.deepEqual(await seriousViolations(page), [], 'the canvas history focused');

    // Leaving the chart hides the ring and clears the hover; a mouse click does not draw the ring.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.getByTestId('canvas-dot-ring').count(), 0);
    assert.equal(await page.evaluate(() => document.body.dataset.hovered), 'null');
    await keys.click({ position: { x: 5, y: 5 } });
    assert.equal((await focused(page)).ring, false);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
