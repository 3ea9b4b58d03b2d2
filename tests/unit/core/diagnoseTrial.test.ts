import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/lib/core/diagnose';
import { diagnoseTrial } from '../../../src/lib/core/diagnoseTrial';

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
