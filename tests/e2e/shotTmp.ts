import { openPage, openSession } from './harness';
const session = await openSession();
const { page, context, log } = await openPage(session);
await page.setViewportSize({ width: 1366, height: 768 });
await page.goto(session.url);
await page.getByTestId('backend-select').selectOption('wasm');
await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 180_000 });
for (const id of ['regularisation', 'batch-size']) {
  await page.goto(`${session.url}#lesson=${id}`);
  const panel = page.locator(`[data-testid=lesson-panel][data-lesson=${id}]`);
  await panel.waitFor({ timeout: 30_000 });
  for (const card of await panel.getByTestId('prediction').all()) {
    await card.getByTestId('prediction-choice').nth(1).check();
    await card.getByTestId('commit-prediction').click();
  }
  const started = Date.now();
  await panel.getByTestId('lesson-run').click();
  await panel.getByTestId('reveal').nth(1).or(panel.getByTestId('lesson-error')).first().waitFor({ timeout: 400_000 });
  console.log(id, 'reveal after', (Date.now() - started) / 1000, 's');
  for (const text of await panel.getByTestId('reveal').allTextContents()) console.log('  ', text);
  console.log('  seconds:', await panel.getByTestId('lesson-seconds-per-epoch').allTextContents());
  for (const [w, h] of [[800, 600], [1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width: w, height: h });
    await panel.getByTestId('lesson-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/${id}-${w}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
console.log('console errors', log.consoleErrors);
await context.close();
await session.close();
