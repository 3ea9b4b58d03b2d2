/**
 * The fused WebGPU trainer (src/lib/training/fused) against the TF.js population, its reference,
 * in Chromium with SwiftShader's WebGPU. Same initial weights and data order, so without dropout
 * and at learning rates ≤ 0.03 every epoch's losses agree within 1e-4 relative; with dropout (a
 * different random stream) and at larger rates (where rounding grows), the final losses of 20
 * seeds must agree in distribution by a two-sample Kolmogorov–Smirnov test.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { chromiumArgs, findChromium } from './harness';
import type { FusedTestHistory, FusedTestResult, FusedTestRun } from './fusedPage';

let browser: Browser;
let server: Server;
let page: Page;
let folder: string;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'fused-test-'));
  await build({ entryPoints: [new URL('./fusedPage.ts', import.meta.url).pathname], bundle: true, format: 'esm', outfile: join(folder, 'page.js'), logLevel: 'warning' });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>fused trainer test</title><script type="module" src="./page.js"></script>');
  const served = await startServer({ root: folder, port: 0 });
  server = served.server as Server;
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  page = await browser.newPage();
  await page.goto(served.url + 'index.html');
  await page.waitForFunction(() => 'fusedTest' in window);
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const trainWithWeights = (which: 'fused' | 'reference' | 'hypergradient', run: FusedTestRun): Promise<FusedTestResult> =>
  page.evaluate(([name, argument]) => window.fusedTest[name](argument), [which, run] as const);
const train = async (which: 'fused' | 'reference' | 'hypergradient', run: FusedTestRun) => (await trainWithWeights(which, run)).histories;

/** Largest relative difference of train and validation losses (and accuracies, and hypergradient trials' learning rates) over all epochs; also checks lengths and end states. */
function largestDifference(fused: FusedTestHistory[], reference: FusedTestHistory[]): number {
  assert.equal(fused.length, reference.length);
  let largest = 0;
  fused.forEach((history, k) => {
    assert.equal(history.length, reference[k].length, `trial ${k} ran ${history.length} epochs, the reference ${reference[k].length}`);
    assert.equal(history.at(-1)?.[4], reference[k].at(-1)?.[4], `trial ${k} ended differently`);
    history.forEach((epoch, e) => {
      if (epoch[4] === 'diverged') return;
      assert.equal(epoch[5] === undefined, reference[k][e][5] === undefined, `trial ${k} epoch ${e + 1}: a learning rate on one side only`);
      for (const column of [0, 1, 2, 3, 5] as const) {
        const mine = epoch[column];
        const theirs = reference[k][e][column];
        if (mine === null || theirs === null || mine === undefined || theirs === undefined) continue;
        largest = Math.max(largest, Math.abs(mine - theirs) / Math.max(Math.abs(theirs), 1e-12));
      }
    });
  });
  return largest;
}

/** p-value of the two-sample Kolmogorov–Smirnov test (asymptotic, with Stephens' small-sample correction). */
function kolmogorovSmirnov(a: number[], b: number[]): number {
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let statistic = 0;
  while (i < sortedA.length && j < sortedB.length) {
    const value = Math.min(sortedA[i], sortedB[j]);
    while (i < sortedA.length && sortedA[i] === value) i++;
    while (j < sortedB.length && sortedB[j] === value) j++;
    statistic = Math.max(statistic, Math.abs(i / sortedA.length - j / sortedB.length));
  }
  const effective = Math.sqrt((sortedA.length * sortedB.length) / (sortedA.length + sortedB.length));
  const lambda = (effective + 0.12 + 0.11 / effective) * statistic;
  let sum = 0;
  for (let term = 1; term <= 100; term++) sum += 2 * (-1) ** (term - 1) * Math.exp(-2 * term * term * lambda * lambda);
  return Math.min(1, Math.max(0, sum));
}

const seeds = Array.from({ length: 20 }, (_, k) => 1000 + k);
const finalLosses = (histories: FusedTestHistory[]) => histories.map((history) => history.at(-1)![0]);

describe('the fused WebGPU trainer against the TF.js population', () => {
  it('matches every epoch within 1e-4 on classification, mixing optimisers, widths, penalties and early stopping', async () => {
    const base = { epochs: 20, hiddenLayers: 2, activation: 'relu' as const, batchSize: 16 };
    const run: FusedTestRun = {
      dataset: 'spiral',
      samples: 80,
      epochsPerSubmit: 7,
      trials: [
        { settings: { ...base, units: 16, optimizer: 'adam', learningRate: 0.03 }, seed: 1 },
        { settings: { ...base, units: 8, optimizer: 'sgd', learningRate: 0.03, l2: 0.01 }, seed: 2 },
        { settings: { ...base, units: 12, optimizer: 'momentum', learningRate: 0.02, l1: 0.001 }, seed: 3 },
        { settings: { ...base, units: 16, optimizer: 'rmsprop', learningRate: 0.01, initializer: 'heNormal' }, seed: 4 },
        { settings: { ...base, units: 5, optimizer: 'adam', learningRate: 0.01, initializer: 'lecunNormal', patience: 1 }, seed: 5 },
        { settings: { ...base, units: 9, optimizer: 'adam', learningRate: 0.003, initializer: 'randomNormal' }, seed: 6 },
      ],
    };
    const fused = await trainWithWeights('fused', run);
    const reference = await trainWithWeights('reference', run);
    assert.ok(largestDifference(fused.histories, reference.histories) < 1e-4);
    assert.ok(fused.histories.some((history) => history.length < 20), 'the patience-1 trial should stop early');
    // The trained weights come back unpadded, as the TF.js population's do (the early-stopped
    // trial keeps its best epoch's weights in the fused trainer, so it is left out).
    fused.weights.forEach((weights, k) => {
      if (fused.histories[k].length < 20) return;
      assert.equal(weights.length, reference.weights[k].length);
      weights.forEach((value, i) => assert.ok(Math.abs(value - reference.weights[k][i]) < 1e-3, `trial ${k} weight ${i}: ${value} vs ${reference.weights[k][i]}`));
    });
  });

  it('matches every epoch within 1e-4 on regression and deep sigmoid nets (weights in storage buffers), and masks a diverging trial', async () => {
    const sine: FusedTestRun = {
      dataset: 'sine',
      samples: 60,
      epochsPerSubmit: 5,
      epochsPerDispatch: 2,
      workgroupMemory: false,
      trials: [
        { settings: { epochs: 20, hiddenLayers: 1, units: 24, activation: 'elu', optimizer: 'adam', learningRate: 0.01, batchSize: 16 }, seed: 1 },
        { settings: { epochs: 20, hiddenLayers: 1, units: 12, activation: 'elu', optimizer: 'sgd', learningRate: 0.02, batchSize: 16, patience: 1 }, seed: 2 },
        { settings: { epochs: 20, hiddenLayers: 1, units: 12, activation: 'elu', optimizer: 'sgd', learningRate: 5, batchSize: 16 }, seed: 3 },
      ],
    };
    const fusedSine = await train('fused', sine);
    assert.ok(largestDifference(fusedSine, await train('reference', sine)) < 1e-4);
    assert.equal(fusedSine[2].at(-1)?.[4], 'diverged');
    assert.equal(fusedSine[0].length, 20, 'a diverged neighbour leaves the others training');

    const deep: FusedTestRun = {
      dataset: 'blobs',
      samples: 60,
      trials: [
        { settings: { epochs: 20, hiddenLayers: 3, units: 10, activation: 'sigmoid', optimizer: 'adam', learningRate: 0.03, batchSize: 10 }, seed: 1 },
        { settings: { epochs: 20, hiddenLayers: 3, units: 6, activation: 'sigmoid', optimizer: 'momentum', learningRate: 0.03, batchSize: 10 }, seed: 2 },
      ],
    };
    assert.ok(largestDifference(await train('fused', deep), await train('reference', deep)) < 1e-4);
  });

  it('gives the final-loss distribution of the reference over 20 seeds with dropout, and tells dropout from none', async () => {
    const settings = { epochs: 10, hiddenLayers: 2, units: 12, activation: 'tanh' as const, optimizer: 'adam' as const, learningRate: 0.03, batchSize: 16 };
    const withDropout: FusedTestRun = { dataset: 'blobs', samples: 60, trials: seeds.map((seed) => ({ settings: { ...settings, dropout: 0.5 }, seed })) };
    const fused = finalLosses(await train('fused', withDropout));
    const reference = finalLosses(await train('reference', withDropout));
    assert.ok(kolmogorovSmirnov(fused, reference) > 0.01, `KS p = ${kolmogorovSmirnov(fused, reference)}`);
    const withoutDropout = finalLosses(await train('fused', { ...withDropout, trials: seeds.map((seed) => ({ settings, seed })) }));
    assert.ok(kolmogorovSmirnov(fused, withoutDropout) < 0.01, 'the test should see dropout');
  });

  it('gives the final-loss distribution of the reference over 20 seeds at a learning rate of 0.1', async () => {
    const settings = { epochs: 10, hiddenLayers: 2, units: 12, activation: 'relu' as const, optimizer: 'adam' as const, learningRate: 0.1, batchSize: 16 };
    const run: FusedTestRun = { dataset: 'blobs', samples: 60, trials: seeds.map((seed) => ({ settings, seed })) };
    const fused = finalLosses(await train('fused', run));
    const reference = finalLosses(await train('reference', run));
    assert.ok(kolmogorovSmirnov(fused, reference) > 0.01, `KS p = ${kolmogorovSmirnov(fused, reference)}`);
  });
});

describe('the fused WebGPU trainer with per-layer widths and Adam β\'s, against the TF.js population', () => {
  // Each layer is padded to the population's widest trial in that layer; a trial's padding must
  // stay zero and out of its loss, so every epoch matches the reference that holds it unpadded.
  it('matches every epoch within 1e-4 on populations mixing layer widths, on the rowwise and the looped kernel', async () => {
    // The deep sigmoid test's shader (padded to 10 units per layer), so a full run compiles it once.
    const deep = { epochs: 20, hiddenLayers: 3, activation: 'sigmoid' as const, optimizer: 'adam' as const, learningRate: 0.03, batchSize: 10 };
    const rowwise: FusedTestRun = {
      dataset: 'blobs',
      samples: 60,
      trials: [
        { settings: { ...deep, units: 6, units2: 10, units3: 4 }, seed: 1 },
        { settings: { ...deep, units: 10, units2: 6, optimizer: 'momentum' }, seed: 2 },
        { settings: { ...deep, units: 8 }, seed: 3 },
      ],
    };
    const wide = { epochs: 20, hiddenLayers: 3, activation: 'tanh' as const, optimizer: 'adam' as const, learningRate: 0.01, batchSize: 16 };
    const looped: FusedTestRun = {
      dataset: 'spiral',
      samples: 60,
      trials: [
        { settings: { ...wide, units: 64, units2: 8, units3: 4 }, seed: 1 },
        { settings: { ...wide, units: 16, units2: 8, l1: 0.001 }, seed: 2 },
        { settings: { ...wide, units: 8, units2: 64, units3: 4, optimizer: 'momentum' }, seed: 3 },
        { settings: { ...wide, units: 12 }, seed: 4 },
      ],
    };
    for (const [run, kernel] of [[rowwise, 'rowwise'], [looped, 'looped']] as const) {
      const fused = await trainWithWeights('fused', run);
      const reference = await trainWithWeights('reference', run);
      assert.equal(fused.kernel, kernel);
      const difference = largestDifference(fused.histories, reference.histories);
      assert.ok(difference < 1e-4, `${kernel}: ${difference}`);
      // The weights come back at each trial's own widths, equal to the reference's.
      fused.weights.forEach((weights, k) => {
        assert.equal(weights.length, reference.weights[k].length, `${kernel} trial ${k}`);
        weights.forEach((value, i) => assert.ok(Math.abs(value - reference.weights[k][i]) < 1e-3, `${kernel} trial ${k} weight ${i}: ${value} vs ${reference.weights[k][i]}`));
      });
    }
  });

  it('matches every epoch within 1e-4 with Adam at β1 = 0.8, β2 = 0.99, on the rowwise and the looped kernel', async () => {
    // 16 units: the first test's shader (penalties, best-weights copy), compiled once in a full run.
    for (const [units, kernel] of [[16, 'rowwise'], [64, 'looped']] as const) {
      const settings = { epochs: 20, hiddenLayers: 2, units, activation: 'relu' as const, optimizer: 'adam' as const, learningRate: 0.03, batchSize: 16 };
      const run: FusedTestRun = {
        dataset: 'spiral',
        samples: 60,
        trials: [
          { settings: { ...settings, beta1: 0.8, beta2: 0.99 }, seed: 1 },
          { settings, seed: 1 },
          { settings: { ...settings, beta1: 0.95, learningRate: 0.01, l2: 0.01, patience: 1 }, seed: 2 },
        ],
      };
      const fused = await trainWithWeights('fused', run);
      assert.equal(fused.kernel, kernel);
      const difference = largestDifference(fused.histories, (await trainWithWeights('reference', run)).histories);
      assert.ok(difference < 1e-4, `${kernel}: ${difference}`);
      // Same seed, default β's: a different path, so the β's did reach the kernel.
      const final = (k: number) => fused.histories[k].at(-1)![0];
      assert.ok(Math.abs(final(0) - final(1)) > 1e-3 * final(1), `${kernel}: β's made no difference (${final(0)} vs ${final(1)})`);
    }
  });
});

describe('the fused WebGPU trainer with hypergradient descent, against each trial alone on TF.js', () => {
  // The reference trains each trial alone with HypergradientOptimizer from the same initial weights
  // and data order (tests/e2e/fusedHypergradientReference.ts): losses and the learning rate α
  // at each epoch's end must agree, and α must have moved (else the test could not see it).
  it('matches every epoch\'s losses and learning rate within 1e-4 for sgd-hd and adam-hd, on the rowwise and the looped kernel', async () => {
    for (const [units, kernel] of [[12, 'rowwise'], [64, 'looped']] as const) {
      const settings = { epochs: 20, hiddenLayers: 2, units, activation: 'tanh' as const, learningRate: 0.03, batchSize: 16 };
      const run: FusedTestRun = {
        dataset: 'spiral',
        samples: 80,
        epochsPerSubmit: 7,
        trials: [
          { settings: { ...settings, optimizer: 'sgd-hd', hypergradientRate: 0.01 }, seed: 1 },
          { settings: { ...settings, optimizer: 'adam-hd', learningRate: 0.01, hypergradientRate: 0.0001 }, seed: 2 },
          { settings: { ...settings, optimizer: 'adam-hd', units: 8, beta1: 0.8, hypergradientRate: 0.0003, l2: 0.01 }, seed: 3 },
          { settings: { ...settings, optimizer: 'adam', units: 8 }, seed: 4 },
        ],
      };
      const fused = await trainWithWeights('fused', run);
      assert.equal(fused.kernel, kernel);
      const reference = await train('hypergradient', run);
      const difference = largestDifference(fused.histories, reference);
      assert.ok(difference < 1e-4, `${kernel}: ${difference}`);
      fused.histories.slice(0, 3).forEach((history, k) => {
        const rate = history.at(-1)![5]!;
        const start = run.trials[k].settings.learningRate!;
        assert.ok(Math.abs(rate - start) > 1e-3 * start, `${kernel} trial ${k}: α stayed at ${rate}`);
      });
      assert.equal(fused.histories[3].at(-1)![5], undefined, 'a fixed-rate trial records no learning rate');
    }
  });
});
