import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { keptRecord, trialData, type TrialData } from '../../../src/lib/core/trialInputs';
import type { Dataset, Split } from '../../../src/lib/datasets/dataset';
import { generateDataset } from '../../../src/lib/datasets/index';
import { splitForTraining } from '../../../src/lib/datasets/trainingSplit';
import { reproduceScript, type ScriptData } from '../../../src/lib/export/reproduceScript';
import { scriptData } from '../../../src/lib/export/scriptData';
import { trainedModelFiles } from '../../../src/lib/export/trainedModel';
import { datasetInfoOf } from '../../../src/lib/storage/datasetInfo';
import { networkArtifacts } from '../../../src/lib/training/networkArtifacts';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { useCpuBackend } from '../training/spiralTrialData';

useCpuBackend();

/** A noisy cubic in one input with no generator behind it (as an uploaded file), every 4th row held out. */
function uploadedCurve(samples: number): { dataset: Dataset; split: Split } {
  const features = new Float32Array(samples);
  const targets = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    const x = -1 + (2 * i) / (samples - 1);
    features[i] = x;
    targets[i] = x * x * x - 0.5 * x + 0.05 * Math.sin(37 * i);
  }
  const rows = Array.from({ length: samples }, (_, i) => i);
  const dataset: Dataset = { name: 'my-file.csv', task: 'regression', size: samples, featureCount: 1, features, targets, classCount: 0, featureNames: ['x'], classNames: [] };
  return { dataset, split: { train: rows.filter((i) => i % 4 !== 0), validation: rows.filter((i) => i % 4 === 0), test: [] } };
}

/** A built-in dataset and its split, as the page makes them. */
function generated(name: string, options: { samples: number; noise: number; seed: number }): { dataset: Dataset; split: Split } {
  const dataset = generateDataset(name, options);
  return { dataset, split: splitForTraining(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, options.seed).split };
}

/** Trains, writes the three files into a folder inside the project (so @tensorflow/tfjs resolves), runs the script with Node and returns what it printed, the trial's loss and the script. */
async function runReproduction(data: TrialData, settings: ModelSettings, source: ScriptData): Promise<{ printed: number; recorded: number; script: string }> {
  const trained = await trainTrial({ data, settings, seed: 3 });
  const folder = await mkdtemp(join(await cacheFolder(), 'reproduce-'));
  try {
    const recorded = keptRecord(trained.epochs, trained.keptEpoch)!.validationLoss;
    const degree = settings.kind === 'ridge' ? settings.degree : undefined;
    const files = trainedModelFiles(await networkArtifacts(trained.model.network!), { trial: 'trial 1', dataset: 'test', task: data.classCount > 0 ? 'classification' : 'regression', validationLoss: recorded, polynomialDegree: degree }, 'trial-1');
    const script = reproduceScript({ trial: 'trial 1', data: source, featureCount: data.featureCount, classCount: data.classCount, polynomialDegree: degree, modelFile: 'trial-1.model.json', validationLoss: recorded });
    await writeFile(join(folder, 'trial-1.model.json'), files.modelJson);
    await writeFile(join(folder, files.weightsName), new Uint8Array(files.weights));
    await writeFile(join(folder, 'trial-1.reproduce.mjs'), script);
    const { stdout } = await promisify(execFile)(process.execPath, [join(folder, 'trial-1.reproduce.mjs')], { timeout: 60_000 });
    const printed = Number(/validation loss (\d+\.\d+)/.exec(stdout)?.[1]);
    expect(stdout).toContain(`(the page measured ${recorded.toFixed(6)})`);
    return { printed, recorded, script };
  } finally {
    trained.model.dispose();
    await rm(folder, { recursive: true, force: true });
  }
}

async function cacheFolder(): Promise<string> {
  const folder = join(process.cwd(), 'node_modules', '.cache');
  await mkdir(folder, { recursive: true });
  return folder;
}

describe('reproduceScript', () => {
  it('run by Node beside the exported model, makes the spiral again from its seed and prints the trained MLP\'s validation loss', async () => {
    const { dataset, split } = generated('spiral', { samples: 400, noise: 0.2, seed: 5 });
    const source = scriptData(dataset, split, datasetInfoOf(dataset, split, { noise: 0.2, seed: 5 }));
    expect(source.source).toBe('generated');
    const settings: ModelSettings = { ...defaultModelSettings, hiddenLayers: 1, units: 6, epochs: 4, learningRate: 0.05 };
    const { printed, recorded, script } = await runReproduction(trialData(dataset, split.train, split.validation), settings, source);
    expect(Math.abs(printed - recorded)).toBeLessThan(1e-5);
    // No rows are written out: the 80 validation rows would be 240 numbers.
    expect(script).toContain("the page's spiral generator (400 points, noise 0.2, 2 classes, seed 5), split 0.6 / 0.2 / 0.2");
    expect(script).not.toMatch(/const features = \[/);
    expect(script.split('\n').length).toBeLessThan(160);
  }, 90_000);

  it('makes the noisy cubic again for polynomial ridge regression, and prints its mean squared error', async () => {
    const { dataset, split } = generated('polynomial', { samples: 120, noise: 0.3, seed: 11 });
    const source = scriptData(dataset, split, datasetInfoOf(dataset, split, { noise: 0.3, seed: 11 }));
    expect(source.source).toBe('generated');
    const settings: ModelSettings = { ...defaultModelSettings, kind: 'ridge', degree: 3, alpha: 0.001, epochs: 5, learningRate: 0.1 };
    const { printed, recorded } = await runReproduction(trialData(dataset, split.train, split.validation), settings, source);
    expect(Math.abs(printed - recorded)).toBeLessThan(1e-5);
  }, 90_000);

  it('writes out the validation rows of data without a generator, and says why in a comment', async () => {
    const { dataset, split } = uploadedCurve(60);
    const source = scriptData(dataset, split, datasetInfoOf(dataset, split, { noise: 0, seed: 1 }));
    expect(source.source).toBe('rows');
    const settings: ModelSettings = { ...defaultModelSettings, kind: 'ridge', degree: 3, alpha: 0.001, epochs: 5, learningRate: 0.1 };
    const { printed, recorded, script } = await runReproduction(trialData(dataset, split.train, split.validation), settings, source);
    expect(Math.abs(printed - recorded)).toBeLessThan(1e-5);
    expect(script).toContain('// The 15 validation rows the page scored are written out below: an uploaded CSV file has no generator to run');
    expect(script).not.toContain('createRandom');
  }, 90_000);
});

describe('scriptData', () => {
  it('writes the rows out when the study\'s points are not what the named generator makes from its settings', () => {
    const { dataset, split } = generated('moons', { samples: 200, noise: 0.2, seed: 4 });
    const info = datasetInfoOf(dataset, split, { noise: 0.2, seed: 4 });
    expect(scriptData(dataset, split, info).source).toBe('generated');
    expect(scriptData(dataset, split, { ...info, seed: 5 })).toMatchObject({ source: 'rows', why: 'the points could not be made again from their settings' });
    expect(scriptData(dataset, { ...split, validation: split.validation.slice(1) }, info).source).toBe('rows');
  });

  it('finds the split of fractions the form allows from the rounded shares the study records', () => {
    const { dataset } = generated('circles', { samples: 137, noise: 0.1, seed: 9 });
    const split = splitForTraining(dataset, { train: 0.65, validation: 0.15, test: 0.2 }, 9).split;
    const source = scriptData(dataset, split, datasetInfoOf(dataset, split, { noise: 0.1, seed: 9 }));
    expect(source).toMatchObject({ source: 'generated', generated: { fractions: { train: 0.65, validation: 0.15 } } });
  });
});
