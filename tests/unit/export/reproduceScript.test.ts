import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { keptRecord, type TrialData } from '../../../src/lib/core/trialInputs';
import { reproduceScript } from '../../../src/lib/export/reproduceScript';
import { trainedModelFiles } from '../../../src/lib/export/trainedModel';
import { networkArtifacts } from '../../../src/lib/training/networkArtifacts';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from '../training/spiralTrialData';

useCpuBackend();

/** A noisy cubic in one input, every 4th row held out. */
function curveTrialData(samples: number): TrialData {
  const features = new Float32Array(samples);
  const targets = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    const x = -1 + (2 * i) / (samples - 1);
    features[i] = x;
    targets[i] = x * x * x - 0.5 * x + 0.05 * Math.sin(37 * i);
  }
  const rows = Array.from({ length: samples }, (_, i) => i);
  return { features, targets, featureCount: 1, classCount: 0, trainIndices: rows.filter((i) => i % 4 !== 0), validationIndices: rows.filter((i) => i % 4 === 0) };
}

/** Trains, writes the three files into a folder inside the project (so @tensorflow/tfjs resolves), runs the script with Node and returns the loss it printed and the trial's. */
async function runReproduction(data: TrialData, settings: ModelSettings): Promise<{ printed: number; recorded: number }> {
  const trained = await trainTrial({ data, settings, seed: 3 });
  const folder = await mkdtemp(join(await cacheFolder(), 'reproduce-'));
  try {
    const recorded = keptRecord(trained.epochs, trained.keptEpoch)!.validationLoss;
    const degree = settings.kind === 'ridge' ? settings.degree : undefined;
    const files = trainedModelFiles(await networkArtifacts(trained.model.network!), { trial: 'trial 1', dataset: 'test', task: data.classCount > 0 ? 'classification' : 'regression', validationLoss: recorded, polynomialDegree: degree }, 'trial-1');
    const rows = Array.from(data.validationIndices);
    const script = reproduceScript({
      trial: 'trial 1',
      features: rows.flatMap((row) => Array.from(data.features.subarray(row * data.featureCount, (row + 1) * data.featureCount))),
      targets: rows.map((row) => data.targets[row]),
      featureCount: data.featureCount,
      classCount: data.classCount,
      polynomialDegree: degree,
      modelFile: 'trial-1.model.json',
      validationLoss: recorded,
    });
    await writeFile(join(folder, 'trial-1.model.json'), files.modelJson);
    await writeFile(join(folder, files.weightsName), new Uint8Array(files.weights));
    await writeFile(join(folder, 'trial-1.reproduce.mjs'), script);
    const { stdout } = await promisify(execFile)(process.execPath, [join(folder, 'trial-1.reproduce.mjs')], { timeout: 60_000 });
    const printed = Number(/validation loss (\d+\.\d+)/.exec(stdout)?.[1]);
    expect(stdout).toContain(`(the page measured ${recorded.toFixed(6)})`);
    return { printed, recorded };
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
  it('run by Node beside the exported model, prints the validation loss of a trained MLP', async () => {
    const settings: ModelSettings = { ...defaultModelSettings, hiddenLayers: 1, units: 6, epochs: 4, learningRate: 0.05 };
    const { printed, recorded } = await runReproduction(spiralTrialData(80, 5, 4), settings);
    expect(Math.abs(printed - recorded)).toBeLessThan(1e-5);
  }, 90_000);

  it('expands the inputs into powers for polynomial ridge regression, and prints its mean squared error', async () => {
    const settings: ModelSettings = { ...defaultModelSettings, kind: 'ridge', degree: 3, alpha: 0.001, epochs: 5, learningRate: 0.1 };
    const { printed, recorded } = await runReproduction(curveTrialData(60), settings);
    expect(Math.abs(printed - recorded)).toBeLessThan(1e-5);
  }, 90_000);
});
