/**
 * Records real learning curves (TF.js CPU backend, the page's generators, split and trainer) for
 * the diagnosis tests: one case per rule, written to tests/unit/core/fixtures/realCurves.json.
 * Run with `node --import tsx --import ./bench/resolveDirectories.mjs scripts/recordCurves.ts` (about a minute on one core).
 */
import { writeFileSync } from 'node:fs';
import type { ModelSettings } from '../src/lib/core/modelSettings';
import { fitPresets } from '../src/lib/lessons/fitPresets';
import { trainCase, useCpuBackend, type DataCase } from '../bench/lessons/nodeTrial';

interface CurveCase {
  name: string;
  data: DataCase;
  settings: Partial<ModelSettings>;
  seed: number;
}

const spiral: DataCase = { dataset: 'spiral', samples: 400, noise: 0.2 };
const presetData = (preset: { samples: number; noise: number }): DataCase => ({ dataset: 'spiral', samples: preset.samples, noise: preset.noise });

const cases: CurveCase[] = [
  { name: 'adam-lr-0.79-stuck', data: spiral, settings: { optimizer: 'adam', learningRate: 0.79, epochs: 50 }, seed: 1 },
  { name: 'adam-lr-0.3-stuck', data: spiral, settings: { optimizer: 'adam', learningRate: 0.3, epochs: 50 }, seed: 2 },
  { name: 'sgd-lr-3-stuck', data: spiral, settings: { optimizer: 'sgd', learningRate: 3, epochs: 50 }, seed: 1 },
  { name: 'adam-lr-0.00001-tiny', data: spiral, settings: { optimizer: 'adam', learningRate: 1e-5, epochs: 50 }, seed: 1 },
  { name: 'sgd-lr-0.0001-tiny', data: spiral, settings: { optimizer: 'sgd', learningRate: 1e-4, epochs: 50 }, seed: 1 },
  { name: 'good-fit', data: spiral, settings: { optimizer: 'adam', learningRate: 0.03, epochs: 50 }, seed: 1 },
  { name: 'underfit-preset', data: presetData(fitPresets.underfit), settings: fitPresets.underfit.settings, seed: 1 },
  { name: 'overfit-preset', data: presetData(fitPresets.overfit), settings: fitPresets.overfit.settings, seed: 1 },
  { name: 'diverged-preset', data: presetData(fitPresets.diverged), settings: fitPresets.diverged.settings, seed: 1 },
  { name: 'strong-l2-underfit', data: spiral, settings: { optimizer: 'adam', learningRate: 0.03, l2: 0.3, epochs: 50 }, seed: 1 },
  {
    name: 'separable-near-zero',
    data: { dataset: 'blobs', samples: 50, noise: 0, classes: 2 },
    settings: { optimizer: 'adam', learningRate: 0.1, epochs: 200, hiddenLayers: 2, units: 16 },
    seed: 1,
  },
];

await useCpuBackend();
const recorded = [];
for (const curveCase of cases) {
  const run = await trainCase(curveCase.data, curveCase.settings, curveCase.seed);
  const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(6)) : value);
  recorded.push({
    ...curveCase,
    end: run.end,
    baselineLoss: round(run.baselineLoss),
    trainingSamples: run.trainingSamples,
    epochs: run.epochs.map((record) => ({ epoch: record.epoch, trainLoss: round(record.trainLoss), validationLoss: round(record.validationLoss) })),
  });
  const last = run.epochs.at(-1);
  console.log(`${curveCase.name}: ${run.end}, ${run.epochs.length} epochs, baseline ${run.baselineLoss.toFixed(3)}, last train ${last?.trainLoss.toPrecision(3)} validation ${last?.validationLoss.toPrecision(3)}`);
}
const out = new URL('../tests/unit/core/fixtures/realCurves.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ recordedWith: 'node --import tsx --import ./bench/resolveDirectories.mjs scripts/recordCurves.ts (TF.js 4.22, CPU backend)', cases: recorded }, null, 1)}\n`);
