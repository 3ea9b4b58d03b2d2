/**
 * Records the README's animated capture: a 16-trial Bayesian search on the spiral, finished on
 * WASM, then replayed step by step (the map's GP underlay is the one the strategy had after n
 * results), one frame per step, joined into docs/bayesian-search.gif by ImageMagick's `convert` (Debian package imagemagick).
 * Usage: npx vite build && node scripts/captureSearch.mjs [--out docs/bayesian-search.gif]
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : 'docs/bayesian-search.gif';
const budget = 16;
const frames = await mkdtemp(join(tmpdir(), 'capture-'));
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => localStorage.setItem('tuning-playground:backend', 'wasm'));
  await page.goto(`${url}#tab=search`);
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('strategy-select').selectOption('bayesian');
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
  const slider = page.getByTestId('replay-slider');
  for (let step = 1; step <= budget; step++) {
    await slider.fill(String(step));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(frames, `frame-${String(step).padStart(3, '0')}.png`) });
  }
  // Hold the last frame: the finished search.
  const delays = Array.from({ length: budget }, (_, i) => ['-delay', i === budget - 1 ? '300' : '70', join(frames, `frame-${String(i + 1).padStart(3, '0')}.png`)]).flat();
  execFileSync(process.env.CONVERT_PATH ?? '/usr/bin/convert', ['-loop', '0', ...delays, '-resize', '960x', '-colors', '64', '-layers', 'Optimize', out]);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
  await rm(frames, { recursive: true, force: true });
}
