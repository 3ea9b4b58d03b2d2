/**
 * Hyperband (Li et al. 2018, "Hyperband: A Novel Bandit-Based Approach to Hyperparameter
 * Optimization", JMLR 18(185)): successive halving needs a guess of how soon a poor trial
 * shows itself; Hyperband hedges by running several brackets, from one that judges trials
 * after minEpochs to one that never stops them, each given a share of the trials.
 *
 * With R = maxEpochs, r = minEpochs and eta the reduction factor, sMax is the largest s with
 * r × eta^s <= R. Bracket s (sMax down to 0) judges at epochs R / eta^s, …, R / eta (rounded)
 * and takes ceil((sMax + 1) / (s + 1) × eta^s) consecutive trials, as in the paper's
 * algorithm; then the cycle starts again. Within a bracket the rungs are asynchronous, as in
 * ASHA (see rungs.ts), so no bracket waits for a full round of trials, and they keep their
 * values across cycles.
 */
import { Rungs } from './rungs';
import { resolveScheduleOptions, type Decision, type Schedule, type ScheduleOptions, type TrialBudget } from './schedule';

/** One bracket: its index s, how many trials it takes per cycle, and its rungs. */
interface Bracket {
  index: number;
  trialsPerCycle: number;
  rungs: Rungs;
}

/** Hyperband brackets over asynchronous successive halving; it decides which bracket, and so which budget, each trial gets. */
export class Hyperband implements Schedule {
  private readonly maxEpochs: number;
  /** Brackets in the order they take trials: most aggressive (s = sMax) first. */
  readonly brackets: readonly Bracket[];
  private readonly assigned = new Map<number, Bracket>();
  private readonly stopped = new Set<number>();
  private cycleBracket = 0;
  private takenInBracket = 0;

  /** Brackets for maxEpochs, minEpochs and reductionFactor as in Li et al. (2018). */
  constructor(options: ScheduleOptions) {
    const { maxEpochs, minEpochs, reductionFactor } = resolveScheduleOptions(options);
    this.maxEpochs = maxEpochs;
    let sMax = 0;
    while (minEpochs * reductionFactor ** (sMax + 1) <= maxEpochs) sMax++;
    const brackets: Bracket[] = [];
    for (let s = sMax; s >= 0; s--) {
      const epochs: number[] = [];
      for (let i = s; i >= 1; i--) {
        const epoch = Math.round(maxEpochs / reductionFactor ** i);
        if (epoch >= minEpochs && epoch < maxEpochs && epoch > (epochs.at(-1) ?? 0)) epochs.push(epoch);
      }
      const trialsPerCycle = Math.ceil(((sMax + 1) / (s + 1)) * reductionFactor ** s);
      brackets.push({ index: s, trialsPerCycle, rungs: new Rungs(epochs, reductionFactor) });
    }
    this.brackets = brackets;
  }

  /** Puts the trial in the current bracket of the cycle: it is given that bracket's first rung, and earns the rest. */
  budgetForNextTrial(trialId: number): TrialBudget {
    const bracket = this.bracketOf(trialId);
    const decisionEpochs = [...bracket.rungs.epochs];
    return { maxEpochs: this.maxEpochs, initialEpochs: decisionEpochs[0] ?? this.maxEpochs, decisionEpochs, bracket: bracket.index };
  }

  /** Stops a diverged trial, or one outside the best 1/eta of its bracket at a rung it has just reached. */
  report(trialId: number, epoch: number, value: number): Decision {
    if (this.stopped.has(trialId)) return 'stop';
    const decision = Number.isFinite(value) ? this.bracketOf(trialId).rungs.report(trialId, epoch, value) : 'stop';
    if (decision === 'stop') this.stopped.add(trialId);
    return decision;
  }

  /** Nothing to do: rung values stay, as the yardstick for later trials of the same bracket. */
  complete(): void {}

  private bracketOf(trialId: number): Bracket {
    let bracket = this.assigned.get(trialId);
    if (!bracket) {
      bracket = this.brackets[this.cycleBracket];
      this.assigned.set(trialId, bracket);
      this.takenInBracket++;
      if (this.takenInBracket >= bracket.trialsPerCycle) {
        this.takenInBracket = 0;
        this.cycleBracket = (this.cycleBracket + 1) % this.brackets.length;
      }
    }
    return bracket;
  }
}

/** Creates Hyperband over asynchronous successive halving (Li et al. 2018; 2020). */
export function hyperband(options: ScheduleOptions): Schedule {
  return new Hyperband(options);
}
