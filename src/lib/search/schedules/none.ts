import { resolveScheduleOptions, type Decision, type Schedule, type ScheduleOptions, type TrialBudget } from './schedule';

/** No early stopping: every trial trains for maxEpochs; only a diverged (NaN or infinite) value stops it. */
export function none(options: ScheduleOptions): Schedule {
  const { maxEpochs } = resolveScheduleOptions(options);
  return {
    budgetForNextTrial: (): TrialBudget => ({ maxEpochs, initialEpochs: maxEpochs, decisionEpochs: [], bracket: 0 }),
    report: (_trialId: number, _epoch: number, value: number): Decision => (Number.isFinite(value) ? 'continue' : 'stop'),
    complete: () => {},
  };
}
