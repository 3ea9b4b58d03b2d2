import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/lib/core/diagnose';
import { diagnoseTrial, trialContext } from '../../../src/lib/core/diagnoseTrial';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';

const exploded = [{ epoch: 1, trainLoss: 3300, validationLoss: 3400 }];
const falling = [1, 0.6, 0.4, 0.3, 0.25, 0.22, 0.2, 0.19, 0.185, 0.18].map((loss, index) => ({ epoch: index + 1, trainLoss: loss, validationLoss: loss * 1.1 }));

describe('diagnoseTrial', () => {
  it('labels a trial the trainer ended as diverged "diverged", even after a single epoch', () => {
    expect(diagnose(exploded).label).toBe('not converged');
    const diagnosis = diagnoseTrial(exploded, 'diverged', { baselineLoss: 0.69 });
    expect(diagnosis.label).toBe('diverged');
    expect(diagnosis.suggestion).toMatch(/learning rate/);
  });

  it('reads any other trial from its curve alone', () => {
    expect(diagnoseTrial(falling, 'complete', { baselineLoss: 0.69 })).toEqual(diagnose(falling, { baselineLoss: 0.69 }));
    expect(diagnoseTrial(exploded, 'complete').label).toBe('not converged');
  });
});

describe('trialContext', () => {
  it('lays the trial\'s searched values over the study\'s base settings and keeps the training rows', () => {
    const context = trialContext({ ...defaultModelSettings, learningRate: 0.03, l2: 0 }, { learningRate: 0.79, l2: 0.1, notASetting: 3 }, 240);
    expect(context).toMatchObject({ optimizer: 'adam', learningRate: 0.79, l2: 0.1, hiddenLayers: 2, trainingSamples: 240 });
    expect(context).not.toHaveProperty('notASetting');
  });

  it('gives the diagnosis what it needs to call a large-step trial stuck rather than underfit', () => {
    const flat = Array.from({ length: 20 }, (_, index) => ({ epoch: index + 1, trainLoss: 0.694, validationLoss: 0.695 }));
    expect(diagnoseTrial(flat, 'complete', { baselineLoss: 0.693 }).label).toBe('underfit');
    expect(diagnoseTrial(flat, 'complete', { baselineLoss: 0.693, ...trialContext(defaultModelSettings, { learningRate: 0.79 }) }).label).toBe('stuck');
  });

  it('labels a pruned trial "pruned" with the epoch it stopped at', () => {
    const diagnosis = diagnoseTrial(falling.slice(0, 3), 'pruned', { baselineLoss: 0.69, epochs: 27 });
    expect(diagnosis.label).toBe('pruned');
    expect(diagnosis.explanation).toMatch(/^Pruned at epoch 3 of the 27 planned/);
  });
});
