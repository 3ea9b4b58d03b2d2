import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, openSession, waitForBackend, type Session } from './harness';
import { withoutWebGPU } from './searchReload';

let session: Session;
let page: Page;
let context: BrowserContext;

before(async () => {
  session = await openSession({ startOn: 'wasm' });
  ({ page, context } = await openPage(session, { initScript: withoutWebGPU }));
  await page.goto(`${session.url}#dataset=moons&samples=300&kind=forest&treeCount=30&maxDepth=6`);
  await waitForBackend(page);
});
after(async () => {
  await context?.close();
  await session?.close();
});

describe('the code view of a classic family', () => {
  it('offers scikit-learn code for a forest, saying why there is no TF.js code', async () => {
    const button = page.getByTestId('export-code');
    assert.equal(((await button.textContent()) ?? '').trim(), 'Copy scikit-learn code');
    await button.click();
    const code = await page.getByTestId('code-snippet').inputValue();
    assert.match(code, /TF\.js has no random forests/);
    assert.match(code, /RandomForestClassifier\(n_estimators=30, max_depth=6,/);
    const shots = process.env.SCREENSHOTS;
    if (shots) {
      await mkdir(shots, { recursive: true });
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByTestId('code-snippet').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/classic-code-1366.png` });
    }
  });
});
