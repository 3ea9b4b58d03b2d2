/**
 * Asynchronous successive halving (ASHA; Li et al. 2020, "A System for Massively Parallel
 * Hyperparameter Tuning", MLSys): every trial is judged at rungs minEpochs × eta^k
 * (1, 3, 9, … epochs with the defaults) and goes on only while it ranks in the best
 * 1/eta of the values seen at that rung. Nothing waits for a full round of trials, so it
 * suits trials that arrive one by one or train in parallel.
 */
import { ascendingRungEpochs, Rungs } from './rungs';
import { resolveScheduleOptions, type Decision, type Schedule, type ScheduleOptions, type TrialBudget } from './schedule';

/** Successive halving with asynchronous rungs (ASHA, early-stopping rate 0). */
export class SuccessiveHalving implements Schedule {
  private readonly maxEpochs: number;
  private readonly rungs: Rungs;
  private readonly stopped = new Set<number>();

  /** Rungs from minEpochs, each reductionFactor times the last, below maxEpochs. */
  constructor(options: ScheduleOptions) {
    const { maxEpochs, minEpochs, reductionFactor } = resolveScheduleOptions(options);
    this.maxEpochs = maxEpochs;
    this.rungs = new Rungs(ascendingRungEpochs(minEpochs, maxEpochs, reductionFactor), reductionFactor);
  }

  /** Every trial starts with the first rung's epochs and earns each next rung by ranking high enough. */
  budgetForNextTrial(): TrialBudget {
    const decisionEpochs = [...this.rungs.epochs];
    return { maxEpochs: this.maxEpochs, initialEpochs: decisionEpochs[0] ?? this.maxEpochs, decisionEpochs, bracket: 0 };
  }

  /** Stops a diverged trial, or one that ranks outside the best 1/eta at a rung it has just reached. */
  report(trialId: number, epoch: number, value: number): Decision {
    if (this.stopped.has(trialId)) return 'stop';
    const decision = Number.isFinite(value) ? this.rungs.report(trialId, epoch, value) : 'stop';
    if (decision === 'stop') this.stopped.add(trialId);
    return decision;
  }

  /** Nothing to do: values recorded at rungs stay, as the yardstick for later trials. */
  complete(): void {}

  /** Values recorded at each rung so far (one list per rung epoch), for display. */
  rungValues(): { epoch: number; values: number[] }[] {
    return this.rungs.snapshot().map((values, i) => ({ epoch: this.rungs.epochs[i], values }));
  }
}

/** Creates asynchronous successive halving (ASHA, Li et al. 2020). */
export function successiveHalving(options: ScheduleOptions): Schedule {
  return new SuccessiveHalving(options);
}
