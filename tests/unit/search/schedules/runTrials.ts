import type { Schedule } from '../../../../src/lib/search/schedules/schedule';

/**
 * Trains synthetic trials one after another through a schedule, the way a sequential study does:
 * curves[i] holds trial i + 1's validation value per epoch (from epoch 1). Returns the number of
 * epochs each trial trained: where the schedule stopped it, or its full budget.
 */
export function runSequentially(schedule: Schedule, curves: number[][]): number[] {
  return curves.map((curve, i) => {
    const trialId = i + 1;
    const { maxEpochs } = schedule.budgetForNextTrial(trialId);
    let trained = 0;
    for (let epoch = 1; epoch <= Math.min(maxEpochs, curve.length); epoch++) {
      trained = epoch;
      if (schedule.report(trialId, epoch, curve[epoch - 1]) === 'stop') break;
    }
    schedule.complete(trialId);
    return trained;
  });
}

/**
 * Trains synthetic trials side by side, as the population trainer does: every running trial's
 * epoch 1 (in id order), then every running trial's epoch 2, and so on. Returns epochs trained.
 */
export function runInLockStep(schedule: Schedule, curves: number[][]): number[] {
  const budgets = curves.map((curve, i) => Math.min(schedule.budgetForNextTrial(i + 1).maxEpochs, curve.length));
  const trained = curves.map(() => 0);
  const running = new Set(curves.map((_, i) => i));
  for (let epoch = 1; running.size > 0; epoch++) {
    for (const i of [...running]) {
      trained[i] = epoch;
      if (schedule.report(i + 1, epoch, curves[i][epoch - 1]) === 'stop' || epoch === budgets[i]) {
        running.delete(i);
        schedule.complete(i + 1);
      }
    }
  }
  return trained;
}

/** A curve of `epochs` values through the given epoch → value points, linear in between and flat after the last. */
export function curveThrough(points: Record<number, number>, epochs: number): number[] {
  const known = Object.entries(points)
    .map(([epoch, value]) => [Number(epoch), value] as const)
    .sort((a, b) => a[0] - b[0]);
  return Array.from({ length: epochs }, (_, i) => {
    const epoch = i + 1;
    const after = known.findIndex(([at]) => at >= epoch);
    if (after === -1) return known[known.length - 1][1];
    if (after === 0 || known[after][0] === epoch) return known[after][1];
    const [epochBefore, valueBefore] = known[after - 1];
    const [epochAfter, valueAfter] = known[after];
    return valueBefore + ((valueAfter - valueBefore) * (epoch - epochBefore)) / (epochAfter - epochBefore);
  });
}
