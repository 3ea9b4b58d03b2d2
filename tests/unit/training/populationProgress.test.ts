import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { PopulationProgress } from '../../../src/lib/training/populationProgress';

const settings = (changes: Partial<ModelSettings>): ModelSettings => ({ ...defaultModelSettings, kind: 'mlp', epochs: 10, patience: 0, ...changes });

describe('PopulationProgress', () => {
  it('ends a trial complete at its epoch budget and early-stopped when patience runs out', () => {
    const progress = new PopulationProgress([settings({ epochs: 2 }), settings({ patience: 2 })], 1);
    const losses = [0.5, 0.6, 0.7];
    const states = losses.map((validationLoss) => [0, 1].map((k) => (progress.isRunning(k) ? progress.record(k, { trainLoss: 0.5, validationLoss }).state : '-')));
    expect(states).toEqual([
      ['running', 'running'],
      ['complete', 'running'],
      ['-', 'early-stopped'],
    ]);
    expect(progress.isFinished()).toBe(true);
  });

  it('marks a non-finite validation loss or an exploding training loss diverged', () => {
    const progress = new PopulationProgress([settings({}), settings({})], 0.7);
    expect(progress.record(0, { trainLoss: 0.6, validationLoss: Number.NaN }).state).toBe('diverged');
    expect(progress.record(1, { trainLoss: 1e6, validationLoss: 1 }).state).toBe('diverged');
  });

  it('records the epoch number and keeps accuracies absent for regression readings', () => {
    const progress = new PopulationProgress([settings({})], 1);
    progress.record(0, { trainLoss: 0.5, validationLoss: 0.6 });
    const second = progress.record(0, { trainLoss: 0.4, validationLoss: 0.5 });
    expect(second).toEqual({ epoch: 2, trainLoss: 0.4, validationLoss: 0.5, state: 'running' });
    expect(second).not.toHaveProperty('trainAccuracy');
  });

  it('stop(k) ends only a running trial, as stopped', () => {
    const progress = new PopulationProgress([settings({}), settings({ epochs: 1 })], 1);
    progress.record(1, { trainLoss: 0.5, validationLoss: 0.5 });
    expect(progress.stop(0)).toBe(true);
    expect(progress.stop(1)).toBe(false);
    expect(progress.states()).toEqual(['stopped', 'complete']);
  });
});
