/**
 * `npx vite build && node --import tsx bench/watchOverheadPage.ts`: the cost of watching a running
 * trial in the page. Runs the same search (3 trials side by side, 200 spiral points, 150 epochs, WASM)
 * with the network view following a running trial and with nothing watched, alternating
 * (BENCH_PAIRS, default 2), and prints each search's wall time and the ratio of the medians.
 */
import type { Page } from 'playwright-core';
import { openSession } from '../tests/e2e/harness';
import { openAt } from '../tests/e2e/layoutChecks';
import { useWasm } from '../tests/e2e/searchReload';

const pairs = Number(process.env.BENCH_PAIRS ?? 2);

/** Wall time (ms) of one search, from Run to Finished, with or without a watched running trial. */
async function search(page: Page, url: string, watch: boolean): Promise<number> {
  await page.goto(url);
  await useWasm(page);
  await page.locator('input[type=number]').first().fill('200');
  await page.getByTestId('epochs-input').fill('150');
  await page.getByTestId('tab-search').click();
  await page.getByTestId('strategy-select').selectOption('random');
  await page.getByTestId('schedule-select').selectOption('none');
  await page.getByTestId('budget-input').fill('3');
  await page.getByTestId('parallel-input').fill('3');
  await page.getByTestId('seed-input').fill('11');
  const started = Date.now();
  await page.getByTestId('run-search').click();
  const running = page.locator('[data-testid=curve-cell][title*=": running"]').first();
  await running.waitFor({ timeout: 90_000 });
  if (watch) {
    await running.click();
    await page.getByTestId('analysis-tab-network').click();
  }
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 600_000 });
  return Date.now() - started;
}

const session = await openSession();
try {
  const plain: number[] = [];
  const watched: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    for (const watch of [false, true]) {
      const { page, context } = await openAt(session.browser, { width: 1366, height: 768 }, { wasm: true });
      const ms = await search(page, session.url, watch);
      await context.close();
      (watch ? watched : plain).push(ms);
      console.log(`pair ${pair + 1}, ${watch ? 'watched' : 'unwatched'}: ${ms} ms`);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`median unwatched ${median(plain)} ms, watched ${median(watched)} ms, ratio ${(median(watched) / median(plain)).toFixed(3)}`);
} finally {
  await session.close();
}
