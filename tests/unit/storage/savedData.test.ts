import { describe, expect, it } from 'vitest';
import { planeDataset } from '../../../src/lib/datasets/dataset';
import { checkedSavedData, dataToSave, maxSavedNumbers } from '../../../src/lib/storage/savedData';
import { resumeSetup } from '../../../src/lib/storage/resumeStudy';
import type { StudyExport } from '../../../src/lib/storage/exportStudy';
import type { ResumeInfo } from '../../../src/lib/storage/studyStorage';

const drawn = planeDataset('drawn', new Float32Array([0, 0, 1, 1, 2, 2, 3, 3]), new Float32Array([0, 1, 0, 1]), ['a', 'b']);
const split = { train: [0, 1], validation: [2], test: [3] };

const exported: StudyExport = {
  format: 'tuning-playground/study@2',
  seed: 5,
  backend: 'cpu',
  dataset: { name: 'drawn', samples: 4, noise: 0, split: { train: 0.5, validation: 0.25, test: 0.25 }, classes: 2 },
  model: { hiddenLayers: 1 },
  space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
  strategy: { name: 'random' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials: [
    { id: 1, params: { learningRate: 0.1 }, state: 'complete', value: 0.5, durationMs: 3, epochs: [{ epoch: 1, trainLoss: 0.6, validationLoss: 0.5 }] },
    { id: 2, params: { learningRate: 0.2 }, state: 'running', value: null, durationMs: 0, epochs: [] },
  ],
};
const resume: ResumeInfo = { budget: 4, schedule: 'none', parallel: 1, folds: 0, epochBudget: 0, ended: false, endedTrials: 1 };

describe('savedData', () => {
  it('saves nothing for generated data, the data for drawn, uploaded and shipped sets, and refuses data over the limit', () => {
    expect(dataToSave('spiral', drawn, split)).toBeNull();
    for (const name of ['drawn', 'csv', 'digits', 'iris']) expect(dataToSave(name, drawn, split)).toEqual({ dataset: drawn, split });
    const huge = { ...drawn, size: maxSavedNumbers / 2, features: new Float32Array(maxSavedNumbers), targets: new Float32Array(maxSavedNumbers / 2) };
    expect(dataToSave('csv', huge, split)).toBe('too large');
  });

  it('reads back only whole, consistent data', () => {
    expect(checkedSavedData({ dataset: drawn, split })).toEqual({ dataset: drawn, split });
    expect(checkedSavedData(null)).toBeNull();
    expect(checkedSavedData({ dataset: { ...drawn, features: new Float32Array(3) }, split })).toBeNull();
    expect(checkedSavedData({ dataset: { ...drawn, targets: new Float32Array([0, 1, 5, 1]) }, split })).toBeNull();
    expect(checkedSavedData({ dataset: drawn, split: { ...split, test: [4] } })).toBeNull();
    expect(checkedSavedData({ dataset: { ...drawn, features: Array.from(drawn.features) }, split })).toBeNull();
  });

  it('resumes a search on drawn data from the data saved with it, and says why when none was saved', () => {
    const plan = resumeSetup(exported, resume, { dataset: drawn, split });
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.setup.dataset).toBe(drawn);
    expect(plan.setup.split).toEqual(split);
    expect(plan.setup.budget).toBe(4);
    expect(plan.replay.map((trial) => trial.id)).toEqual([1, 2]);
    expect(resumeSetup(exported, resume)).toMatch(/drawn data .* cannot resume/);
  });
});
