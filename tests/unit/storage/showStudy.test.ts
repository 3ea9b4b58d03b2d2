import { describe, expect, it } from 'vitest';
import type { StudyExport } from '../../../src/lib/storage/exportStudy';
import { endedHead, showSetup } from '../../../src/lib/storage/showStudy';

const trial = (id: number, state: StudyExport['trials'][number]['state']): StudyExport['trials'][number] => ({
  id, params: { learningRate: 0.01 * id }, state, value: state === 'complete' ? 0.5 / id : null, durationMs: 10, epochs: [{ epoch: 1, trainLoss: 0.6, validationLoss: 0.5 }],
});
const study = (trials: StudyExport['trials'], dataset: StudyExport['dataset']['name'] = 'spiral'): StudyExport => ({
  format: 'tuning-playground/study@2',
  seed: 3,
  backend: 'wasm',
  dataset: { name: dataset, samples: 100, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 } },
  model: { hiddenLayers: 1 },
  space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
  strategy: { name: 'bayesian' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials,
});

describe('showSetup', () => {
  it('an imported study without resume settings replays every ended trial and has nothing left to train', () => {
    const plan = showSetup(study([trial(1, 'complete'), trial(2, 'pruned'), trial(3, 'diverged')]), undefined);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.setup.budget).toBe(3);
    expect(plan.setup.strategy).toBe('bayesian');
    expect(plan.replay.map((entry) => entry.id)).toEqual([1, 2, 3]);
    expect(plan.setup.dataset.size).toBe(100);
  });

  it('a study saved mid-search shows only the trials that had ended before the first open one', () => {
    const trials = [trial(1, 'complete'), trial(2, 'running'), trial(3, 'complete')];
    expect(endedHead(trials)).toBe(1);
    const plan = showSetup(study(trials), { budget: 12, schedule: 'median', parallel: 4, folds: 0, epochBudget: 0, ended: false });
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.setup.budget).toBe(1);
    expect(plan.setup.schedule).toBe('median');
    expect(plan.replay).toHaveLength(1);
  });

  it('a study with no ended trial, or drawn data that was not saved, is refused with a sentence', () => {
    expect(showSetup(study([trial(1, 'running')]), undefined)).toMatch(/no ended trial/);
    expect(showSetup(study([trial(1, 'complete')], 'drawn'), undefined)).toMatch(/cannot be shown/);
  });
});
