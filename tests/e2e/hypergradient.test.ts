import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, openSession, waitForBackend, type Session } from './harness';
import { useWasm, withoutWebGPU } from './searchReload';

let session: Session;
let page: Page;
let context: BrowserContext;

before(async () => {
  session = await openSession({ startOn: 'wasm' });
  ({ page, context } = await openPage(session, { initScript: withoutWebGPU }));
  await page.goto(`${session.url}#dataset=moons&samples=300&hiddenLayers=1&optimizer=adam-hd&learningRate=0.001&epochs=30`);
  await waitForBackend(page);
  await useWasm(page);
});
after(async () => {
  await context?.close();
  await session?.close();
});

describe('hypergradient descent in the page', () => {
  it('trains adam-hd by hand and charts its learning rate rising from a too-small start', async () => {
    assert.equal(await page.getByTestId('learning-rate-chart').count(), 0, 'no chart before a hypergradient trial');
    assert.equal(await page.getByTestId('hypergradient-rate-input').inputValue(), '0.001', 'the form shows β for a hypergradient optimiser');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid=train-view][data-trial-state=complete]').waitFor({ timeout: 180_000 });
    const chart = page.getByTestId('learning-rate-chart');
    await chart.waitFor();
    const caption = (await chart.locator('figcaption').textContent()) ?? '';
    const match = /started at ([\d.e-]+) \(dashed\), ([\d.e-]+) after epoch 30/.exec(caption);
    assert.ok(match, caption);
    assert.ok(Number(match[2]) > 10 * Number(match[1]), caption);
    const shots = process.env.SCREENSHOTS;
    if (shots) {
      await mkdir(shots, { recursive: true });
      for (const [width, height] of [[800, 600], [1366, 768], [1920, 1080]]) {
        await page.setViewportSize({ width, height });
        await chart.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${shots}/hd-${width}.png` });
      }
    }
  });
});
