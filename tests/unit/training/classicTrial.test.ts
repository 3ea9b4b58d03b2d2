import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import type { EpochRecord } from '../../../src/lib/core/trial';
import { trialData } from '../../../src/lib/core/trialInputs';
import { moons } from '../../../src/lib/datasets/moons';
import { trainTrial } from '../../../src/lib/training/trainTrial';
import { spiralTrialData, useCpuBackend } from './spiralTrialData';

useCpuBackend();

const data = spiralTrialData(200, 5, 4);
const settings = (change: Partial<ModelSettings>): ModelSettings => ({ ...defaultModelSettings, ...change });

const moonRows = Array.from({ length: 200 }, (_, row) => row);
const moonData = trialData(moons({ samples: 200, noise: 0.2, seed: 4 }), moonRows.filter((row) => row % 4 !== 0), moonRows.filter((row) => row % 4 === 0));

async function run(change: Partial<ModelSettings>, onEpoch?: (record: EpochRecord) => 'stop' | void, on = data) {
  const records: EpochRecord[] = [];
  const trained = await trainTrial({ data: on, settings: settings(change), seed: 3, onEpoch: (record) => {
    records.push(record);
    return onEpoch?.(record);
  } });
  return { ...trained, records };
}

describe('trainTrial with a classic model family', () => {
  it('fits a decision tree in one step and probes class probabilities for any rows', async () => {
    const trained = await run({ kind: 'tree', maxDepth: 0 });
    expect(trained.epochs).toHaveLength(1);
    expect(trained.end).toBe('complete');
    expect(trained.epochs[0].trainAccuracy).toBe(1);
    const outputs = trained.model.predict(new Float32Array([0, 0, 0.5, -0.5, 1, 1]));
    expect(outputs.shape).toEqual([3, 2]);
    const values = await outputs.data();
    outputs.dispose();
    for (let row = 0; row < 3; row++) expect(values[row * 2] + values[row * 2 + 1]).toBeCloseTo(1, 5);
  });

  it('reports a forest one tree at a time, as many steps as trees', async () => {
    const trained = await run({ kind: 'forest', treeCount: 12, maxDepth: 6 });
    expect(trained.records.map((record) => record.epoch)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(trained.keptEpoch).toBe(12);
  });

  it('reports boosting rounds as epochs and early-stops them with patience, keeping the best round', async () => {
    const trained = await run({ kind: 'boosting', epochs: 300, learningRate: 0.8, maxDepth: 6, patience: 5, restoreBestWeights: true });
    expect(trained.end).toBe('early-stopped');
    expect(trained.epochs.length).toBeLessThan(300);
    const best = trained.epochs.reduce((lowest, record) => (record.validationLoss < lowest.validationLoss ? record : lowest));
    expect(trained.keptEpoch).toBe(best.epoch);
    expect(trained.epochs.length - trained.keptEpoch).toBe(5);
  });

  it('ends as stopped when the caller stops it between rounds', async () => {
    const trained = await run({ kind: 'boosting', epochs: 100 }, (record) => (record.epoch === 4 ? 'stop' : undefined));
    expect(trained.end).toBe('stopped');
    expect(trained.epochs).toHaveLength(4);
  });

  it('fits a linear model and k-NN on the moons well above chance', async () => {
    for (const change of [{ kind: 'linear', penalty: 'l1', alpha: 0.01, degree: 3 }, { kind: 'knn', neighbors: 3, weighting: 'distance' }] as Partial<ModelSettings>[]) {
      const trained = await run(change, undefined, moonData);
      const last = trained.epochs.at(-1) as EpochRecord;
      expect(Number.isFinite(last.validationLoss)).toBe(true);
      expect(last.validationAccuracy).toBeGreaterThan(0.8);
    }
  });
});
