/**
 * Checks by hand that the network view follows a running trial on the fused WebGPU trainer (the
 * browser test networkWatch runs on WASM): a 3-trial, 400-epoch search forced onto WebGPU, one
 * running trial watched; prints each distinct state of the view (source|state|epoch|Σw).
 * Usage: npx vite build && node bench/fusedWatchCheck.mjs
 */
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--enable-unsafe-webgpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await page.addInitScript(() => { localStorage.setItem('tuning-playground:backend', 'webgpu'); });
await page.goto(url);
await page.locator('[data-testid=backend]', { hasText: 'webgpu' }).waitFor({ timeout: 120000 });
await page.locator('input[type=number]').first().fill('200');
await page.getByTestId('epochs-input').fill('400');
await page.getByTestId('tab-search').click();
await page.getByTestId('strategy-select').selectOption('random');
await page.getByTestId('schedule-select').selectOption('none');
await page.getByTestId('budget-input').fill('3');
await page.getByTestId('parallel-input').fill('3');
await page.getByTestId('seed-input').fill('11');
await page.getByTestId('run-search').click();
const running = page.locator('[data-testid=curve-cell][title*=": running"]').first();
await running.waitFor({ timeout: 120000 });
await running.click();
await page.getByTestId('analysis-tab-network').click();
const seen = [];
const t0 = Date.now();
while (Date.now() - t0 < 240000) {
  const s = await page.evaluate(() => { const v = document.querySelector('[data-testid=network-view]'); const s = document.querySelector('[data-testid=network-source]'); return v && s ? [s.getAttribute('data-source'), s.getAttribute('data-state'), v.getAttribute('data-epoch'), v.getAttribute('data-weight-sum')].join('|') : null; });
  if (s && seen.at(-1) !== s) seen.push(s);
  const done = await page.getByTestId('search-message').filter({ hasText: 'Finished' }).count();
  if (done) break;
  await page.waitForTimeout(20);
}
console.log(seen.length, JSON.stringify(seen.slice(0, 12)), seen.at(-1));
console.log(await page.getByTestId('search-message').textContent());
console.log(await page.locator('[data-testid=backend]').textContent());

await browser.close(); server.close();
