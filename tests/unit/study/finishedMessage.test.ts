import { describe, expect, it } from 'vitest';
import type { TrialState } from '../../../src/lib/core/trial';
import { finishedMessage } from '../../../src/lib/study/finishedMessage';

const trials = (...states: TrialState[]) => states.map((state) => ({ state }));

describe('finishedMessage', () => {
  it('says all trials ran when none was pruned, with how they ended', () => {
    expect(finishedMessage(trials('complete', 'diverged', 'complete'))).toBe('Finished: all 3 trials ran (2 completed, 1 diverged).');
  });

  it('never says all trials ran when the schedule pruned some, and counts completed and pruned ones', () => {
    const message = finishedMessage(trials('complete', ...Array<TrialState>(11).fill('pruned')));
    expect(message).toBe('Finished: 12 trials, 1 completed, 11 pruned early by the schedule.');
    expect(message).not.toMatch(/all 12 trials ran/);
  });
});
