/**
 * The analysis views below a search (importance, cost, timeline, winner's curse) after a small
 * search on WASM, and a classroom's exported studies merged (and refused when their problems differ).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { generateDataset } from '../../src/lib/datasets/index';
import { splitForTraining } from '../../src/lib/datasets/trainingSplit';
import { studyCost } from '../../src/lib/analysis/cost';
import { minOf } from '../../src/lib/core/extent';
import { openPage, sessionPerFile } from './harness';
import { exported, useWasm, withoutWebGPU } from './searchReload';

const session = sessionPerFile({ startOn: 'wasm' });

/** Where to save screenshots of the views, when set. */
const screenshots = process.env.ANALYSIS_SCREENSHOTS;
const budget = 6;

/** Runs a random search of `budget` trials (100 spiral points, `epochs` each, a schedule) on WASM and waits for it to end. */
async function runSmallSearch(page: Page, epochs = 2, schedule = 'none'): Promise<void> {
  await page.goto(session.url);
  await useWasm(page);
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill(String(epochs));
  await page.getByTestId('tab-search').click();
  await page.getByTestId('strategy-select').selectOption('random');
  await page.getByTestId('schedule-select').selectOption(schedule);
  await page.getByTestId('budget-input').fill(String(budget));
  await page.getByTestId('seed-input').fill('7');
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
}

async function numbers(page: Page, selector: string, attribute: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((nodes, name) => nodes.map((node) => Number(node.getAttribute(name))), attribute);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshots) return;
  for (const [width, height] of [[1366, 768], [800, 600], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('analysis-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

describe('analysis views', () => {
  it('after a small search with successive halving, importance, cost and timeline each show the study', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    // Successive halving (ASHA) judges after 1 and 3 epochs, so some trials end pruned.
    await runSmallSearch(page, 4, 'successiveHalving');
    const view = page.getByTestId('analysis-view');
    const study = await exported(page);
    const searched = study.space.length;
    const ended = study.trials.filter((trial) => trial.state !== 'running' && trial.state !== 'queued');

    // Importance: one bar per searched setting, shares adding up to 1, most important first, each inside its band.
    await view.getByTestId('analysis-tab-importance').click();
    await page.locator('[data-testid=importance-bar]').nth(searched - 1).waitFor({ timeout: 30_000 });
    const shares = await numbers(page, '[data-testid=importance-bar]', 'data-importance');
    assert.equal(shares.length, searched);
    assert.ok(Math.abs(shares.reduce((sum, share) => sum + share, 0) - 1) < 1e-6, `shares ${shares}`);
    assert.deepEqual([...shares].sort((a, b) => b - a), shares);
    const lows = await numbers(page, '[data-testid=importance-bar]', 'data-low');
    const highs = await numbers(page, '[data-testid=importance-bar]', 'data-high');
    shares.forEach((share, index) => assert.ok(lows[index] <= share && share <= highs[index]));
    // 6 trials for 2 or more settings is below 10 per setting: the page must say so.
    await view.locator('[data-testid=importance-warning][data-kind=too-few-trials]').waitFor();
    // Pruned trials never trained fully, so the analysis reads complete and diverged ones only.
    const analysed = ended.filter((trial) => trial.state === 'complete' || trial.state === 'diverged').length;
    assert.match((await view.locator('[data-kind=too-few-trials]').textContent()) ?? '', new RegExp(`Only ${analysed} finished trials?`));
    await shoot(page, 'importance');

    // Cost: a row per ended trial, the savings sentence with its numbers, a Pareto front for each cost.
    await view.getByTestId('analysis-tab-cost').click();
    assert.equal(await view.getByTestId('cost-row').count(), ended.length);
    const epochs = ended.reduce((sum, trial) => sum + trial.epochs.length, 0);
    const savings = (await view.getByTestId('cost-savings').textContent()) ?? '';
    assert.match(savings, new RegExp(`${ended.length} trials trained ${epochs} trial-epochs`));
    const expected = studyCost(ended, { fullEpochs: 4 });
    if (expected.savedTrialEpochs > 0) assert.match(savings, new RegExp(`early stopping saved ${expected.savedTrialEpochs} trial-epochs \\(${Math.round(expected.savedShare * 100)}%`));
    else assert.match(savings, /Nothing stopped early/);
    if (expected.savedByPruning > 0) assert.match(savings, new RegExp(`${expected.savedByPruning} by the schedule's pruning`));
    // Trials trained side by side share the device: their shares add up to less than their wall times, and the sentence says so.
    const shareSeconds = await view.getByTestId('cost-share').evaluateAll((cells) => cells.map((cell) => Number.parseFloat(cell.textContent ?? '')));
    const wallSeconds = ended.reduce((sum, trial) => sum + trial.durationMs / 1000, 0);
    assert.equal(shareSeconds.length, ended.length);
    assert.ok(shareSeconds.reduce((sum, share) => sum + share, 0) < wallSeconds, `shares ${shareSeconds} against ${wallSeconds} s of wall time`);
    assert.match(savings, /up to \d at once\. Their own wall times add up to [\d.]+ s, which counts every shared second once per trial/);
    const scored = ended.filter((trial) => trial.value !== null && Number.isFinite(trial.value)).length;
    for (const cost of ['time', 'epochs', 'parameters']) {
      await view.getByTestId('cost-select').selectOption(cost);
      const completed = ended.filter((trial) => trial.state === 'complete' && trial.value !== null).length;
      assert.equal(await view.getByTestId('pareto-point').count(), completed);
      assert.equal((await view.locator('[data-testid=pareto-point][data-front=true]').count()) >= 1, completed >= 1, `a front for ${cost}`);
    }
    await shoot(page, 'cost');

    // Timeline: a bar per trial, over time and over epochs; the EDF reaches the share of complete trials; a rank per scored trial.
    await view.getByTestId('analysis-tab-timeline').click();
    assert.equal(await view.getByTestId('gantt-bar').count(), ended.length);
    await view.getByTestId('gantt-axis').selectOption('epochs');
    await view.locator('[data-testid=gantt-chart][data-axis=epochs]').waitFor();
    assert.equal(await view.getByTestId('gantt-bar').count(), ended.length);
    const pruned = ended.filter((trial) => trial.state === 'pruned').length;
    assert.equal(await view.locator('[data-testid=gantt-bar][data-state=pruned]').count(), pruned);
    const curve = view.getByTestId('edf-curve');
    const complete = ended.filter((trial) => trial.state === 'complete').length;
    const diverged = ended.filter((trial) => trial.state === 'diverged').length;
    assert.equal(Number(await curve.getAttribute('data-count')), complete + diverged);
    assert.ok(Math.abs(Number(await curve.getAttribute('data-final')) - complete / (complete + diverged)) < 1e-9);
    const rankValues = await numbers(page, '[data-testid=rank-point]', 'data-rank');
    assert.equal(rankValues.length, scored);
    assert.equal(minOf(rankValues), 1);
    await shoot(page, 'timeline');

    // Trained weights: the best trial's network as the search trained it (4 trials side by side), not trained again.
    await view.getByTestId('analysis-tab-network').click();
    const bestTrial = ended.filter((trial) => trial.state === 'complete').sort((a, b) => (a.value as number) - (b.value as number))[0];
    const source = view.getByTestId('network-source');
    assert.equal(await source.getAttribute('data-source'), 'search');
    assert.equal(Number(await source.getAttribute('data-epoch')), bestTrial.epochs.length);
    assert.equal(Number(await view.getByTestId('network-view').getAttribute('data-epoch')), bestTrial.epochs.length);
    const bestModel = { ...study.model, ...bestTrial.params } as { hiddenLayers: number; units: number };
    assert.equal(Number(await view.getByTestId('network-view').getAttribute('data-edges')), 2 * bestModel.units + (bestModel.hiddenLayers - 1) * bestModel.units ** 2 + bestModel.units * 2);
    await shoot(page, 'network-search');
    // Its files, built from the search's weights: the script, run by Node, prints the loss the search recorded at that epoch.
    const files: Record<string, string> = {};
    const three = new Promise<void>((resolve) => {
      page.on('download', async (download) => {
        files[download.suggestedFilename()] = (await download.path()) as string;
        if (Object.keys(files).length === 3) resolve();
      });
    });
    await view.getByTestId('searched-model-download').click();
    await three;
    await mkdir(join('node_modules', '.cache'), { recursive: true });
    const scriptFolder = await mkdtemp(join(process.cwd(), 'node_modules', '.cache', 'reproduce-'));
    for (const [name, path] of Object.entries(files)) await copyFile(path, join(scriptFolder, name));
    const run = await promisify(execFile)(process.execPath, [join(scriptFolder, `trial-${bestTrial.id}.reproduce.mjs`)], { timeout: 60_000 });
    await rm(scriptFolder, { recursive: true, force: true });
    const printedLoss = Number(/validation loss (\d+\.\d+)/.exec(run.stdout)?.[1]);
    const recordedLoss = bestTrial.epochs.at(-1)!.validationLoss;
    assert.ok(Math.abs(printedLoss - recordedLoss) < 1e-4, `the search's network scored ${printedLoss} in Node, the search recorded ${recordedLoss}`);

    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('retrains the top trials on fresh seeds, then merges exported studies on one problem into one leaderboard, refuses a different problem, and sends nothing out', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await runSmallSearch(page);
    const study = await exported(page);
    const folder = await mkdtemp(join(tmpdir(), 'merge-'));
    const first = join(folder, 'ana.json');
    const second = join(folder, 'ben.json');
    const other = join(folder, 'cleo.json');
    await writeFile(first, JSON.stringify(study));
    await writeFile(second, JSON.stringify({ ...study, strategy: { ...study.strategy, name: 'grid' } }));
    await writeFile(other, JSON.stringify({ ...study, dataset: { ...study.dataset, samples: study.dataset.samples + 100 } }));

    const view = page.getByTestId('analysis-view');
    // The test split judges the best once; then the winner's curse: the top 2 trained again on 2 fresh seeds each, through the trainer.
    await page.getByTestId('evaluate-test').click();
    await page.getByTestId('test-result').waitFor({ timeout: 60_000 });
    await view.getByTestId('analysis-tab-curse').click();
    await view.getByTestId('winners-curse-k').fill('2');
    await view.getByTestId('winners-curse-seeds').fill('2');
    await view.getByTestId('winners-curse-run').click();
    await view.getByTestId('winners-curse-message').waitFor({ timeout: 120_000 });
    assert.match((await view.getByTestId('winners-curse-message').textContent()) ?? '', /on 2 fresh seeds/);
    assert.equal(await view.getByTestId('winners-curse-candidate').count(), 2);
    const means = await numbers(page, '[data-testid=winners-curse-candidate]', 'data-mean');
    means.forEach((mean) => assert.ok(Number.isFinite(mean), `fresh mean ${mean}`));
    const top = study.trials.filter((trial) => trial.state === 'complete').map((trial) => trial.value as number).sort((a, b) => a - b).slice(0, 2);
    assert.deepEqual(await numbers(page, '[data-testid=winners-curse-candidate]', 'data-search'), top);
    await view.getByTestId('winners-curse-test').waitFor();
    assert.match((await view.getByTestId('winners-curse-test-note').textContent()) ?? '', /The test split scored the chosen best \d/);
    await shoot(page, 'curse');

    await view.getByTestId('analysis-tab-merge').click();
    await view.getByTestId('merge-input').setInputFiles([first, second]);
    await view.getByTestId('merge-summary').waitFor();
    assert.match((await view.getByTestId('merge-summary').textContent()) ?? '', new RegExp(`2 studies, ${2 * study.trials.length} trials`));
    const complete = study.trials.filter((trial) => trial.state === 'complete' && trial.value !== null).length;
    assert.equal(await view.getByTestId('merge-row').count(), Math.min(15, 2 * complete));
    assert.deepEqual(await view.getByTestId('edf-curve').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-group'))), ['random', 'grid']);
    assert.equal(await view.getByTestId('merge-map').getByTestId('trial-point').count(), 2 * study.trials.length);
    await shoot(page, 'merge');

    await view.getByTestId('merge-input').setInputFiles([first, other]);
    await view.getByTestId('merge-error').waitFor();
    assert.match((await view.getByTestId('merge-error').textContent()) ?? '', /cleo\.json is on a different problem from ana\.json/);
    assert.equal(await view.getByTestId('merge-summary').count(), 0);

    // Compared saved studies: the imported second study beside the search, one EDF curve each.
    await page.getByTestId('import-json').setInputFiles(second);
    await page.locator('[data-testid=saved-study]').nth(1).waitFor({ timeout: 10_000 });
    await page.getByTestId('compare-study').nth(0).check();
    await page.getByTestId('compare-study').nth(1).check();
    const compared = page.getByTestId('compare-chart');
    await compared.getByTestId('edf-curve').nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await compared.getByTestId('edf-curve').count(), 2);
    assert.deepEqual(log.foreignRequests, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });

  it('draws the best trial\'s network per epoch and exports a model that tf.loadLayersModel loads back to its validation loss', async () => {
    const { page, context, log } = await openPage(session, { initScript: withoutWebGPU });
    await page.goto(session.url);
    await useWasm(page);
    await page.locator('input[type=number]').first().fill('100');
    await page.getByTestId('epochs-input').fill('30');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill('2');
    // One trial at a time: each trains alone, as the panel trains it again (a population's trial may end slightly differently).
    await page.getByTestId('parallel-input').fill('1');
    await page.getByTestId('seed-input').fill('7');
    await page.getByTestId('run-search').click();
    await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    const study = await exported(page);
    const view = page.getByTestId('analysis-view');
    await view.getByTestId('analysis-tab-network').click();
    // Before anything is trained again, the view shows the search's own network of the best trial.
    const searchedBest = study.trials.filter((trial) => trial.state === 'complete').sort((a, b) => (a.value as number) - (b.value as number))[0];
    assert.equal(await view.getByTestId('network-source').getAttribute('data-source'), 'search');
    assert.equal(Number(await view.getByTestId('network-view').getAttribute('data-epoch')), searchedBest.epochs.length);
    // Every epoch the network view shows while the trial trains again.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { networkEpochs: number[] }).networkEpochs = seen;
      new MutationObserver(() => {
        const epoch = Number(document.querySelector('[data-testid=network-view]')?.getAttribute('data-epoch'));
        if (epoch && seen.at(-1) !== epoch) seen.push(epoch);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-epoch'] });
    });
    await view.getByTestId('trained-model-train').click();
    await view.getByTestId('trained-model-loss').waitFor({ timeout: 120_000 });
    const epochsSeen = await page.evaluate(() => (window as unknown as { networkEpochs: number[] }).networkEpochs);
    assert.ok(epochsSeen.length >= 2, `the network was redrawn during training (epochs seen: ${epochsSeen})`);
    const best = study.trials.filter((trial) => trial.state === 'complete').sort((a, b) => (a.value as number) - (b.value as number))[0];
    const model = { ...study.model, ...best.params } as { hiddenLayers: number; units: number };
    const classes = 2;
    const expectedEdges = 2 * model.units + (model.hiddenLayers - 1) * model.units * model.units + model.units * classes;
    assert.equal(await view.getByTestId('network-source').getAttribute('data-source'), 'retrained');
    const network = view.getByTestId('network-view');
    assert.equal(Number(await network.getAttribute('data-edges')), expectedEdges);
    assert.equal(Number(await network.getAttribute('data-epoch')), best.epochs.length);
    await shoot(page, 'network');

    const downloads: Record<string, string> = {};
    const both = new Promise<void>((resolve) => {
      page.on('download', async (download) => {
        downloads[download.suggestedFilename()] = (await download.path()) as string;
        if (Object.keys(downloads).length === 3) resolve();
      });
    });
    await view.getByTestId('trained-model-download').click();
    await both;
    const json = JSON.parse(await readFile(downloads[`trial-${best.id}.model.json`], 'utf8'));
    assert.deepEqual(json.weightsManifest[0].paths, [`./trial-${best.id}.weights.bin`]);
    const bytes = await readFile(downloads[`trial-${best.id}.weights.bin`]);
    const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await tf.setBackend('cpu');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
    // The same data, made again in Node from the seed the study records.
    const info = study.dataset;
    const dataset = generateDataset(info.name, { samples: info.samples, noise: info.noise, seed: info.seed ?? 1 });
    const rows = splitForTraining(dataset, info.split, info.seed ?? 1).split.validation;
    const loss = tf.tidy(() => {
      const features = tf.tensor2d(rows.flatMap((row) => [dataset.features[2 * row], dataset.features[2 * row + 1]]), [rows.length, 2]);
      const labels = tf.oneHot(tf.tensor1d(rows.map((row) => dataset.targets[row]), 'int32'), classes);
      return tf.losses.softmaxCrossEntropy(labels, loaded.predict(features) as tf.Tensor).dataSync()[0];
    });
    loaded.dispose();
    const shown = Number(/validation loss (\d+\.\d+)/.exec((await view.getByTestId('trained-model-loss').textContent()) ?? '')?.[1]);
    assert.ok(Math.abs(loss - shown) < 1e-3, `loaded model's validation loss ${loss}, the page showed ${shown}`);
    assert.ok(Math.abs(loss - (best.value as number)) < 1e-3, `loaded model's validation loss ${loss}, the search recorded ${best.value}`);
    // The script, run by Node beside the two files (in a folder where @tensorflow/tfjs resolves), prints the same loss.
    await mkdir(join('node_modules', '.cache'), { recursive: true });
    const folder = await mkdtemp(join(process.cwd(), 'node_modules', '.cache', 'reproduce-'));
    for (const [name, path] of Object.entries(downloads)) await copyFile(path, join(folder, name));
    // It makes the spiral again from its generator's settings and seed instead of carrying the rows.
    const script = await readFile(downloads[`trial-${best.id}.reproduce.mjs`], 'utf8');
    assert.match(script, new RegExp(`the page's spiral generator \\(${info.samples} points, noise ${info.noise}, 2 classes, seed ${info.seed}\\)`));
    assert.doesNotMatch(script, /const features = \[/);
    const { stdout } = await promisify(execFile)(process.execPath, [join(folder, `trial-${best.id}.reproduce.mjs`)], { timeout: 60_000 });
    await rm(folder, { recursive: true, force: true });
    const printed = Number(/validation loss (\d+\.\d+)/.exec(stdout)?.[1]);
    assert.ok(Math.abs(printed - loss) < 1e-5, `the script printed ${printed}, the loaded model scored ${loss}`);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
