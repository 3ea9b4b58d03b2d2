/**
 * Asynchronous rungs, the promotion rule of ASHA (Li et al. 2020, "A System for Massively
 * Parallel Hyperparameter Tuning", MLSys): a trial is judged when it reaches each rung
 * epoch, against every value recorded at that rung so far, whichever trial and whenever.
 *
 * ASHA promotes the best floor(n / eta) of the n values at a rung and lets the others wait,
 * since a later, larger rung may still promote them. Our trials cannot wait (a stopped
 * trial is gone), so a trial goes on when it ranks within the best ceil(n / eta), counting
 * itself: the first trial at a rung always goes on, and the rule tightens as the rung fills.
 * This is the "stopping" reading of ASHA, which trades some wrong early decisions for never
 * making a good trial wait.
 */
import type { Decision } from './schedule';

/** The values recorded at a ladder of rung epochs, and the decision for each arrival. */
export class Rungs {
  /** Rung epochs, ascending. */
  readonly epochs: readonly number[];
  private readonly reductionFactor: number;
  /** Values recorded at each rung, one list per entry of `epochs`. */
  private readonly recorded: number[][];
  /** Index of the next rung each trial has yet to reach. */
  private readonly nextRung = new Map<number, number>();

  /** A ladder judged at `epochs` (ascending), keeping about 1 in `reductionFactor` at each rung. */
  constructor(epochs: readonly number[], reductionFactor: number) {
    this.epochs = epochs;
    this.reductionFactor = reductionFactor;
    this.recorded = epochs.map(() => []);
  }

  /** Records a finite value at every rung the trial reached by `epoch` and says whether it ranks high enough to go on. */
  report(trialId: number, epoch: number, value: number): Decision {
    let rung = this.nextRung.get(trialId) ?? 0;
    let decision: Decision = 'continue';
    // A trial that skipped epochs is judged at each rung it passed, with the value it has now.
    while (decision === 'continue' && rung < this.epochs.length && epoch >= this.epochs[rung]) {
      const values = this.recorded[rung];
      values.push(value);
      const better = values.filter((other) => other < value).length;
      if (better >= Math.ceil(values.length / this.reductionFactor)) decision = 'stop';
      rung++;
    }
    this.nextRung.set(trialId, rung);
    return decision;
  }

  /** Values recorded at each rung so far, for display: one list per rung epoch. */
  snapshot(): number[][] {
    return this.recorded.map((values) => [...values]);
  }
}

/** Rung epochs minEpochs × eta^k below maxEpochs (rounded, distinct): ASHA with early-stopping rate 0. */
export function ascendingRungEpochs(minEpochs: number, maxEpochs: number, reductionFactor: number): number[] {
  const epochs: number[] = [];
  for (let budget = minEpochs; Math.round(budget) < maxEpochs; budget *= reductionFactor) {
    const epoch = Math.round(budget);
    if (epoch > (epochs.at(-1) ?? 0)) epochs.push(epoch);
  }
  return epochs;
}
