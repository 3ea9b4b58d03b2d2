/**
 * The median stopping rule of Google Vizier (Golovin et al. 2017, "Google Vizier: A Service
 * for Black-Box Optimization", KDD, section 3.2.2): a running trial is stopped at epoch s when
 * its best value so far is strictly worse than the median, over the trials that have ended,
 * of their running averages (the mean of their values over epochs 1..s).
 *
 * Averages, not best values, are the yardstick so that a reference trial's single lucky
 * epoch does not set the bar; a trial's own best is used so that one noisy epoch of its
 * own does not stop it.
 */
import { resolveScheduleOptions, type Decision, type Schedule, type ScheduleOptions, type TrialBudget } from './schedule';
import { minOf } from '../../core/extent';

/** One trial's reported values, by epoch. */
interface History {
  epochs: number[];
  values: number[];
}

/** Median stopping: compares each trial at each epoch from minEpochs with the ended trials that reached it. */
export class MedianStopping implements Schedule {
  private readonly maxEpochs: number;
  private readonly minEpochs: number;
  private readonly warmupTrials: number;
  private readonly histories = new Map<number, History>();
  private readonly ended: History[] = [];
  private readonly endedIds = new Set<number>();
  private readonly stopped = new Set<number>();

  /** A rule with the grace period minEpochs and warmupTrials ended trials needed before any comparison. */
  constructor(options: ScheduleOptions) {
    const { maxEpochs, minEpochs, warmupTrials } = resolveScheduleOptions(options);
    this.maxEpochs = maxEpochs;
    this.minEpochs = minEpochs;
    this.warmupTrials = warmupTrials;
  }

  /** Every trial may train maxEpochs and is judged at each epoch from minEpochs on. */
  budgetForNextTrial(): TrialBudget {
    const decisionEpochs: number[] = [];
    for (let epoch = this.minEpochs; epoch < this.maxEpochs; epoch++) decisionEpochs.push(epoch);
    return { maxEpochs: this.maxEpochs, initialEpochs: this.minEpochs, decisionEpochs, bracket: 0 };
  }

  /** Stops the trial when its best value by `epoch` is worse than the median running average of ended trials there. */
  report(trialId: number, epoch: number, value: number): Decision {
    if (this.stopped.has(trialId)) return 'stop';
    const history = this.historyOf(trialId);
    history.epochs.push(epoch);
    history.values.push(value);
    if (!Number.isFinite(value)) return this.stop(trialId);
    if (epoch < this.minEpochs || epoch >= this.maxEpochs) return 'continue';

    const references = this.ended.filter((other) => (other.epochs.at(-1) ?? 0) >= epoch);
    if (references.length < this.warmupTrials) return 'continue';
    const bar = median(references.map((other) => runningAverage(other, epoch)));
    const best = minOf(history.values);
    return best > bar ? this.stop(trialId) : 'continue';
  }

  /** Makes the trial's curve a reference for the trials still running. */
  complete(trialId: number): void {
    if (this.endedIds.has(trialId)) return;
    this.endedIds.add(trialId);
    this.ended.push(this.historyOf(trialId));
  }

  private historyOf(trialId: number): History {
    let history = this.histories.get(trialId);
    if (!history) {
      history = { epochs: [], values: [] };
      this.histories.set(trialId, history);
    }
    return history;
  }

  private stop(trialId: number): Decision {
    this.stopped.add(trialId);
    return 'stop';
  }
}

/** Mean of a trial's values over epochs 1..epoch (its first value if it skipped them); non-finite counts as Infinity. */
function runningAverage(history: History, epoch: number): number {
  const count = Math.max(1, history.epochs.filter((reported) => reported <= epoch).length);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(history.values[i])) return Infinity;
    sum += history.values[i];
  }
  return sum / count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Creates the median stopping rule (Golovin et al. 2017). */
export function medianStopping(options: ScheduleOptions): Schedule {
  return new MedianStopping(options);
}
