// Re-checks reproductions of issue 15 in the built page (dist/, or $TEST_DIST), printing what it saw.
// Usage: npx vite build && node --import tsx bench/issue15Checks.ts A B E   (C: a CSV search resumed; slow)
// A: 40k and 100k studies import, compare, close, reopen after a reload (1, 2). B: saves failing from
// the 3rd put, then a reload: no resume banner (4). C: a CSV search resumed after a reload (5).
// E: decimal commas get a hint (8). Files go to $TMPDIR.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, openSession } from '../tests/e2e/harness';
import { largeStudy } from '../tests/e2e/scaleScenario';
import { useWasm, withoutWebGPU } from '../tests/e2e/searchReload';
const which = process.argv.slice(2);
const session = await openSession();
const report = (name: string, value: unknown) => console.log(name, JSON.stringify(value));
try {
  if (which.includes('A')) {
    // #1 (40k vs 100k compare) and #2 (100k: freeze, DOM, reopen, close).
    await writeFile(join(tmpdir(), 's40k.json'), largeStudy(40_000));
    await writeFile(join(tmpdir(), 's100k.json'), largeStudy(100_000));
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU + `window.__lt=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__lt.push(Math.round(e.duration))}).observe({type:'longtask',buffered:true});` });
    await page.goto(session.url);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('saved-studies').waitFor();
    let t = Date.now();
    await page.getByTestId('import-json').setInputFiles(join(tmpdir(), 's40k.json'));
    await page.locator('[data-testid=trial-table][data-rows="40000"]').waitFor({ timeout: 120_000 });
    report('A 40k import ms', Date.now() - t);
    t = Date.now();
    await page.getByTestId('import-json').setInputFiles(join(tmpdir(), 's100k.json'));
    await page.locator('[data-testid=trial-table][data-rows="100000"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('opened-trial').first().waitFor();
    report('A 100k import ms', Date.now() - t);
    await page.locator('[data-testid=saved-study]').nth(1).waitFor();
    report('A DOM nodes with 100k open', await page.evaluate(() => document.getElementsByTagName('*').length));
    await page.evaluate(() => ((window as unknown as { __lt: number[] }).__lt = []));
    t = Date.now();
    await page.getByTestId('compare-study').nth(0).check();
    await page.getByTestId('compare-study').nth(1).check();
    await page.getByTestId('compare-chart').locator('[data-testid=canvas-dots]').waitFor({ timeout: 60_000 });
    report('A compare 40k+100k ms', Date.now() - t);
    report('A compare edf curves', await page.getByTestId('compare-chart').locator('[data-testid=edf-curve]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-count'), e.getAttribute('data-final'), (e.getAttribute('d') ?? '').length])));
    t = Date.now();
    await page.getByTestId('opened-study').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('opened-study').waitFor({ state: 'detached' });
    report('A close ms', Date.now() - t);
    await page.reload();
    await page.getByTestId('tab-search').click();
    t = Date.now();
    await page.locator('[data-testid=saved-study]').nth(1).waitFor();
    await page.getByTestId('open-study').first().click();
    await page.locator('[data-testid=trial-table][data-rows="100000"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('opened-trial').first().waitFor();
    report('A reopen 100k after reload ms', Date.now() - t);
    report('A DOM nodes', await page.evaluate(() => document.getElementsByTagName('*').length));
    report('A long tasks during compare..reopen (ms)', await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt));
    report('A page errors', log.consoleErrors);
    await context.close();
  }
  if (which.includes('B')) {
    // #4: put() failing from its 3rd call; the search finishes; after a reload, no offer to resume.
    const failing = `{ const put = IDBObjectStore.prototype.put; let calls = 0; IDBObjectStore.prototype.put = function (...args) { calls++; if (calls >= 3) throw new DOMException('full (test)', 'QuotaExceededError'); return put.apply(this, args); }; }`;
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU + failing });
    await page.goto(session.url);
    await useWasm(page);
    await page.getByTestId('samples-input').fill('100');
    await page.getByTestId('epochs-input').fill('5');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('6');
    await page.getByTestId('parallel-input').fill('1');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
    await page.getByTestId('storage-notice').waitFor({ timeout: 30_000 });
    report('B notice', (await page.getByTestId('storage-notice').textContent())?.slice(0, 120));
    await page.reload();
    await page.getByTestId('tab-search').click();
    await page.locator('[data-testid=saved-study]').first().waitFor({ timeout: 30_000 });
    report('B saved list', await page.getByTestId('saved-study-trials').allTextContents());
    // The banner is derived from the list and the settled ids, both ready once the list shows.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    report('B resume banners after reload (want 0)', await page.getByTestId('resume-banner').count());
    report('B page errors', log.consoleErrors);
    await context.close();
  }
  if (which.includes('C')) {
    // #5: a CSV search interrupted by a reload: banner counts ended trials only, resumes, can be dismissed for good.
    const lines = ['h,w,kind']; for (let i = 0; i < 120; i++) lines.push(`${150 + (i % 50)},${50 + (i % 7)},${i % 2 ? 'tall' : 'short'}`);
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('csv-input').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
    await page.locator('[data-testid=csv-summary]', { hasText: 'In use: people' }).waitFor();
    await page.getByTestId('epochs-input').fill('200');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('4');
    await page.getByTestId('parallel-input').fill('1');
    await page.getByTestId('run-search').click();
    await page.locator('[data-testid=trial-point][data-state=complete]').nth(0).waitFor({ timeout: 300_000 });
    await page.locator('[data-testid=saved-study-trials]').first().waitFor({ timeout: 60_000 });
    const endedBefore = await page.locator('[data-testid=trial-point][data-state=complete]').count();
    await page.reload();
    await page.getByTestId('tab-search').click();
    await page.getByTestId('resume-banner').waitFor({ timeout: 30_000 });
    report('C banner (ended before reload: ' + endedBefore + ')', (await page.getByTestId('resume-banner').textContent())?.replace(/\s+/g, ' ').slice(0, 200));
    await page.getByTestId('resume-interrupted').click();
    await page.getByTestId('search-message').filter({ hasText: /Finished|could not|cannot/ }).waitFor({ timeout: 400_000 });
    report('C after resume', await page.getByTestId('search-message').textContent());
    report('C resume error', await page.getByTestId('resume-error').count());
    await page.reload();
    await page.getByTestId('tab-search').click();
    await page.locator('[data-testid=saved-study]').first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    report('C banners after the resumed search finished (want 0)', await page.getByTestId('resume-banner').count());
    report('C page errors', log.consoleErrors);
    await context.close();
  }
  if (which.includes('E')) {
    // #8: decimal commas get a hint.
    const { page, context } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await page.getByTestId('dataset-select').selectOption('csv');
    await page.getByTestId('csv-input').setInputFiles({ name: 'comma.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b;kind\n1,5;2,5;x\n3,5;4,5;y\n1,25;2,75;x\n3,25;4,75;y\n') });
    await page.getByTestId('error-message').waitFor({ timeout: 30_000 });
    report('E message', (await page.getByTestId('error-message').textContent())?.replace(/\s+/g, ' ').slice(0, 400));
    await context.close();
  }
} finally {
  await session.close();
}
