import { describe, expect, it } from 'vitest';
import type { StudyTrial } from '../../../src/lib/core/trial';
import { trialMarkLabel } from '../../../src/lib/charts/trialMarkLabel';

const trial = (fields: Partial<StudyTrial>): StudyTrial =>
  ({ id: 3, params: { learningRate: 0.01, l2: 0.0001, activation: 'relu' }, state: 'complete', value: 0.31234, durationMs: 10, epochs: [], startedAtMs: 0, endedAtMs: 10, ...fields }) as StudyTrial;

describe('trialMarkLabel', () => {
  it('names the trial, what became of it, its objective and its settings in the page number format', () => {
    expect(trialMarkLabel(trial({}))).toBe('trial 3 (completed): objective 0.3123; learningRate 0.01, l2 1e-4, activation relu');
  });

  it('says when a trial has no objective and when a person chose it, and names the study in a race', () => {
    expect(trialMarkLabel(trial({ state: 'diverged', value: null, manual: true }), 'TPE')).toBe('TPE trial 3 (diverged, chosen by you): no objective; learningRate 0.01, l2 1e-4, activation relu');
  });
});
