/**
 * Chaos: during a 16-trial search (2 in parallel), the page reloads at three random moments and
 * the search is resumed each time; the study that comes out holds each trial id once, and every
 * trial that had ended (and been saved) before a reload comes back exactly as it was.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../../src/lib/core/random';
import type { StudyExport } from '../../src/lib/storage/exportStudy';
import { openPage, sessionPerFile } from './harness';
import { ended, exported, savedEndedTrials, useWasm, withoutWebGPU } from './searchReload';

const session = sessionPerFile({ startOn: 'wasm' });

const budget = 16;

describe('reloads at random moments during a search', () => {
  it('ends with each trial id once and every trial that had ended intact', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? 20261130);
    const random = createRandom(seed);
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    await page.locator('input[type=number]').first().fill('100');
    // Trials long enough (about a second each on WASM) that three reloads land mid-search on an idle machine too.
    await page.getByTestId('epochs-input').fill('200');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill(String(budget));
    await page.getByTestId('parallel-input').fill('2');
    await page.getByTestId('seed-input').fill('3');
    await page.getByTestId('run-search').click();

    const keptSoFar: StudyExport['trials'] = [];
    let reloads = 0;
    for (let reload = 0; reload < 3; reload++) {
      // A random moment: after 2–3, 5–6, then 8–9 trials have ended, and up to half a second more.
      const target = 2 + 3 * reload + random.int(2);
      await page.locator('[data-testid=trial-point]:not([data-state=running])').nth(target - 1).waitFor({ timeout: 180_000 });
      await page.waitForTimeout(Math.floor(random.next() * 500));
      const snapshot = await exported(page);
      // The autosave is debounced and asynchronous: reload only once it holds what the snapshot holds
      // (a fixed wait was too short on a loaded machine, and a trial saved too late trains again).
      await savedEndedTrials(page, ended(snapshot).length);
      // Near the end the search could finish before the reload: no search left to resume then.
      if (ended(snapshot).length >= budget - 2) break;
      for (const trial of ended(snapshot)) if (!keptSoFar.some((kept) => kept.id === trial.id)) keptSoFar.push(trial);
      await page.reload();
      reloads += 1;
      await useWasm(page);
      await page.getByTestId('tab-search').click();
      await page.getByTestId('resume-interrupted').click();
    }
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
    const final = await exported(page);

    assert.deepEqual(final.trials.map((trial) => trial.id), Array.from({ length: budget }, (_, index) => index + 1), `seed ${seed}`);
    for (const trial of keptSoFar) assert.deepEqual(final.trials[trial.id - 1], trial, `trial ${trial.id} changed (seed ${seed})`);
    assert.deepEqual(log.consoleErrors, []);
    console.log(JSON.stringify({ seed, reloads, endedTrialsKept: keptSoFar.length }));
    assert.equal(reloads, 3, `the search ended before three reloads (seed ${seed})`);
    await context.close();
  });
});
