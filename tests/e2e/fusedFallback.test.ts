/**
 * The built trainer worker, on Chromium's WebGPU: a search wave the fused kernel can't run (here
 * 300 input columns, over fusedLimits.features) falls back to TF.js's population and the worker
 * tells the page which setting caused it; one it can run says fused with no reason. (The page's
 * line for it is tested in tests/unit/panels/BackendStatus.test.ts.) Hypergradient trials train fused
 * too, their records carrying the adapted rate, and one by one on TF.js where it can't run them.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultModelSettings } from '../../src/lib/core/modelSettings';
import { distDirectory, openPage, sessionPerFile } from './harness';

const session = sessionPerFile();

interface TrainerMessage {
  type: string;
  trainer?: string;
  backend?: string;
  reason?: string | null;
  message?: string;
}

describe('the fused kernel\'s fallback, as the worker reports it', () => {
  it('names the setting that kept a wave off the fused kernel, and reports fused when it can run', async () => {
    const workerFile = readdirSync(`${distDirectory}/assets`).find((name) => name.startsWith('trainer.worker') && name.endsWith('.js'));
    assert.ok(workerFile, 'a built trainer worker');
    const { page, context } = await openPage(session);
    await page.goto(session.url + 'index.html');
    const settings = { ...defaultModelSettings, epochs: 1 };
    const hypergradientSettings = { ...settings, epochs: 2, optimizer: 'adam-hd' as const };
    // A plain-JavaScript script: tsx's helpers (such as __name) don't exist in the page.
    const script = `(async ({ workerUrl, settings, hypergradientSettings }) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      const next = (type) => new Promise((resolve) => {
        const listener = (event) => {
          if (event.data.type === type || event.data.type === 'backend-error') {
            worker.removeEventListener('message', listener);
            resolve(event.data);
          }
        };
        worker.addEventListener('message', listener);
      });
      // The epoch records of a batch's trials, collected until both have ended.
      const recordsOf = (firstId) => new Promise((resolve) => {
        const records = [];
        let ended = 0;
        const listener = (event) => {
          if (event.data.type === 'epochs-batch') for (const entry of event.data.entries) if (entry.trialId >= firstId && entry.trialId < firstId + 2) records.push(...entry.records);
          if (event.data.type === 'trial-end' && event.data.trialId >= firstId && event.data.trialId < firstId + 2 && ++ended === 2) {
            worker.removeEventListener('message', listener);
            resolve(records);
          }
        };
        worker.addEventListener('message', listener);
      });
      const batch = (featureCount, firstId, settings) => {
        const rows = 40;
        const features = new Float32Array(rows * featureCount).map((_, index) => Math.sin(index * 0.37));
        const targets = new Float32Array(rows).map((_, row) => row % 2);
        const indices = Array.from({ length: rows }, (_, row) => row);
        const data = { features, targets, featureCount, classCount: 2, trainIndices: indices.filter((row) => row % 4), validationIndices: indices.filter((row) => row % 4 === 0) };
        const trials = [0, 1].map((offset) => ({ trialId: firstId + offset, settings, seed: firstId + offset }));
        const reported = next('population-trainer');
        worker.postMessage({ type: 'train-batch', data, trials });
        return reported;
      };
      const ready = next('backend');
      worker.postMessage({ type: 'init', backend: 'webgpu', pageHasWebGPU: true });
      const backend = await ready;
      const wide = await batch(300, 1, settings);
      const narrow = await batch(2, 3, settings);
      const hypergradientRecords = recordsOf(5);
      const hypergradient = await batch(2, 5, hypergradientSettings);
      const records = await hypergradientRecords;
      const wideHypergradient = await batch(300, 7, hypergradientSettings);
      worker.terminate();
      return { backend, wide, narrow, hypergradient, records, wideHypergradient };
    })(${JSON.stringify({ workerUrl: `${session.url}assets/${workerFile}`, settings, hypergradientSettings })})`;
    const reports = (await page.evaluate(script)) as { backend: TrainerMessage; wide: TrainerMessage; narrow: TrainerMessage; hypergradient: TrainerMessage; records: { learningRate?: number }[]; wideHypergradient: TrainerMessage };
    assert.equal(reports.backend.type, 'backend', JSON.stringify(reports.backend));
    assert.deepEqual({ trainer: reports.wide.trainer, backend: reports.wide.backend }, { trainer: 'tfjs', backend: 'webgpu' });
    assert.match(reports.wide.reason ?? '', /more than 256 input columns/);
    assert.deepEqual({ trainer: reports.narrow.trainer, reason: reports.narrow.reason }, { trainer: 'fused', reason: null });
    // Hypergradient trials train fused, with the adapted rate in every record; where the fused
    // kernel can't take them, one by one on TF.js (the stacked population can't model them).
    assert.deepEqual({ trainer: reports.hypergradient.trainer, reason: reports.hypergradient.reason }, { trainer: 'fused', reason: null });
    assert.equal(reports.records.length, 4);
    assert.ok(reports.records.every((record) => Number.isFinite(record.learningRate)), JSON.stringify(reports.records));
    assert.equal(reports.wideHypergradient.trainer, 'tfjs');
    assert.match(reports.wideHypergradient.reason ?? '', /hypergradient descent .* train one by one on TF\.js/);
    await context.close();
  });
});
