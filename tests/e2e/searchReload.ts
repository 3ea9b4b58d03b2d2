/**
 * Helpers shared by the browser tests that reload a running search: WebGPU hidden so trials run on
 * WASM, the study as the page exports it, and a wait for the debounced autosave.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { parseStudyJson, type StudyExport } from '../../src/lib/storage/exportStudy';

/** Hides WebGPU, so the test doesn't wait for the slow software adapter; trials run on WASM. */
export const withoutWebGPU = 'Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined, configurable: true }); delete Navigator.prototype.gpu;';

/** Forces the WASM backend and waits until the page trains on it. */
export async function useWasm(page: Page): Promise<void> {
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
}

/** The page's study, through its JSON export. */
export async function exported(page: Page): Promise<StudyExport> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-json]').first().click()]);
  const parsed = parseStudyJson(await readFile((await download.path()) as string, 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return parsed.study;
}

/** The trials of a study that had ended (neither running nor queued). */
export const ended = (study: StudyExport) => study.trials.filter((trial) => trial.state !== 'running' && trial.state !== 'queued');

/** Waits until the study's saved record counts at least `count` ended trials (read from IndexedDB in the page). */
export async function savedEndedTrials(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const saved = await page.evaluate(async () => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tuning-playground');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!database.objectStoreNames.contains('studies')) return 0;
        const records = await new Promise<{ resume?: { endedTrials?: number } }[]>((resolve, reject) => {
          const request = database.transaction('studies').objectStore('studies').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        return records.reduce((most, record) => Math.max(most, record.resume?.endedTrials ?? 0), 0);
      } finally {
        database.close();
      }
    });
    if (saved >= count) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`the autosave did not record ${count} ended trials within 30 s`);
}
