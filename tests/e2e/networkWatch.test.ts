/**
 * The network view of a trial a search is training: selected while it runs, its weights are
 * redrawn epoch by epoch (the worker reads back that one member's weights), and once it ends
 * the view holds the weights it ended with. WASM backend; screenshots with NETWORK_SCREENSHOTS.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sessionPerFile } from './harness';
import { openAt, seriousViolations, viewports } from './layoutChecks';
import { exported, useWasm } from './searchReload';

const session = sessionPerFile();

const screenshots = process.env.NETWORK_SCREENSHOTS;

/** What the network view showed at one moment. */
interface Snapshot {
  source: string;
  state: string;
  epoch: number;
  sum: number;
  squares: number;
}

/** Starts recording every distinct state of the network view (polled every 15 ms) into window.networkSnapshots. */
async function recordNetworkView(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Snapshot[] = [];
    (window as unknown as { networkSnapshots: Snapshot[] }).networkSnapshots = seen;
    setInterval(() => {
      const view = document.querySelector('[data-testid=network-view]');
      const source = document.querySelector('[data-testid=network-source]');
      if (!view || !source) return;
      const snapshot = {
        source: source.getAttribute('data-source') ?? '',
        state: source.getAttribute('data-state') ?? '',
        epoch: Number(view.getAttribute('data-epoch')),
        sum: Number(view.getAttribute('data-weight-sum')),
        squares: Number(view.getAttribute('data-weight-squares')),
      };
      const last = seen.at(-1);
      if (!last || last.epoch !== snapshot.epoch || last.sum !== snapshot.sum || last.state !== snapshot.state) seen.push(snapshot);
    }, 15);
  });
}

/** Σw and Σw² over the kernels of a TF.js model.json and its weights file. */
async function kernelSums(modelJson: string, weightsFile: string): Promise<[number, number]> {
  const model = JSON.parse(await readFile(modelJson, 'utf8')) as { weightsManifest: { weights: { name: string; shape: number[] }[] }[] };
  const bytes = await readFile(weightsFile);
  const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  let offset = 0;
  let sum = 0;
  let squares = 0;
  for (const { shape } of model.weightsManifest.flatMap((group) => group.weights)) {
    const size = shape.reduce((product, length) => product * length, 1);
    if (shape.length === 2) for (const value of values.subarray(offset, offset + size)) [sum, squares] = [sum + value, squares + value * value];
    offset += size;
  }
  return [sum, squares];
}

describe('network view of a running trial', () => {
  it('redraws a running trial\'s weights epoch by epoch, then holds the weights it ended with', async () => {
    const { page, context, errors } = await openAt(session.browser, { width: 1366, height: 768 }, { wasm: true });
    try {
      await page.goto(session.url);
      await useWasm(page);
      await page.locator('input[type=number]').first().fill('200');
      await page.getByTestId('epochs-input').fill('150');
      await page.getByTestId('tab-search').click();
      await page.getByTestId('strategy-select').selectOption('random');
      await page.getByTestId('schedule-select').selectOption('none');
      await page.getByTestId('budget-input').fill('3');
      await page.getByTestId('parallel-input').fill('3');
      await page.getByTestId('seed-input').fill('11');
      await page.getByTestId('run-search').click();
      // Select a trial while the population trains it, then open its network.
      const running = page.locator('[data-testid=curve-cell][title*=": running"]').first();
      await running.waitFor({ timeout: 90_000 });
      const id = Number(await running.getAttribute('data-trial'));
      await running.click();
      await page.getByTestId('analysis-tab-network').click();
      await recordNetworkView(page);
      await page.locator('[data-testid=network-source][data-source=search][data-state=running]').waitFor({ timeout: 60_000 });
      if (screenshots) await page.screenshot({ path: join(screenshots, 'network-running-1366x768.png'), timeout: 60_000 });
      await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
      await page.waitForTimeout(200);

      const snapshots = await page.evaluate(() => (window as unknown as { networkSnapshots: Snapshot[] }).networkSnapshots);
      const during = snapshots.filter((snapshot) => snapshot.source === 'search' && snapshot.state === 'running');
      assert.ok(during.length >= 3, `the network was redrawn while trial ${id} trained: ${JSON.stringify(snapshots.slice(0, 8))}`);
      for (let index = 1; index < during.length; index++) {
        assert.ok(during[index].epoch > during[index - 1].epoch, `epochs go forward: ${during.map((snapshot) => snapshot.epoch)}`);
        assert.notEqual(during[index].sum, during[index - 1].sum, `the weights changed between epochs ${during[index - 1].epoch} and ${during[index].epoch}`);
      }
      const study = await exported(page);
      const trial = study.trials.find((entry) => entry.id === id)!;
      assert.notEqual(trial.state, 'running');
      const final = snapshots.at(-1)!;
      assert.equal(final.state, trial.state);
      assert.ok(during.every((snapshot) => snapshot.epoch < trial.epochs.length), `redrawn only before its last epoch ${trial.epochs.length}`);
      const view = page.getByTestId('analysis-view');
      const shownEpoch = Number(await view.getByTestId('network-view').getAttribute('data-epoch'));
      assert.equal(shownEpoch, trial.epochs.length);

      // The weights it ended with: the files built from them hold the same sums, and score the validation loss the search recorded.
      const files: Record<string, string> = {};
      const three = new Promise<void>((resolve) => {
        page.on('download', async (download) => {
          files[download.suggestedFilename()] = (await download.path()) as string;
          if (Object.keys(files).length === 3) resolve();
        });
      });
      await view.getByTestId('searched-model-download').click();
      await three;
      const [sum, squares] = await kernelSums(files[`trial-${id}.model.json`], files[Object.keys(files).find((name) => name.endsWith('.bin'))!]);
      assert.ok(Math.abs(sum - final.sum) < 1e-4 * (1 + Math.abs(sum)), `view Σw ${final.sum}, model ${sum}`);
      assert.ok(Math.abs(squares - final.squares) < 1e-4 * (1 + squares), `view Σw² ${final.squares}, model ${squares}`);
      assert.notEqual(final.sum, during[0].sum);
      await mkdir(join('node_modules', '.cache'), { recursive: true });
      const folder = await mkdtemp(join(process.cwd(), 'node_modules', '.cache', 'netwatch-'));
      for (const [name, path] of Object.entries(files)) await copyFile(path, join(folder, name));
      const run = await promisify(execFile)(process.execPath, [join(folder, `trial-${id}.reproduce.mjs`)], { timeout: 60_000 });
      await rm(folder, { recursive: true, force: true });
      const printed = Number(/validation loss (\d+\.\d+)/.exec(run.stdout)?.[1]);
      const recorded = trial.epochs[shownEpoch - 1].validationLoss;
      assert.ok(Math.abs(printed - recorded) < 1e-4, `the network shown scored ${printed} in Node, the search recorded ${recorded}`);

      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        await view.scrollIntoViewIfNeeded();
        if (screenshots) await page.screenshot({ path: join(screenshots, `network-ended-${viewport.width}x${viewport.height}.png`) });
        assert.deepEqual(await seriousViolations(page), [], `axe at ${viewport.width}×${viewport.height}`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
