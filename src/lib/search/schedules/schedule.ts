/**
 * Early-stopping schedules: after each epoch a trial reports its validation value
 * (lower is better) and the schedule answers whether it may go on. Stopping poor
 * trials early spends the training budget on the promising ones.
 *
 * How a trainer uses one:
 *   const budget = schedule.budgetForNextTrial(id);
 *   for (let epoch = 1; epoch <= budget.maxEpochs; epoch++) {
 *     train one epoch;
 *     if (schedule.report(id, epoch, validationLoss) === 'stop') break; // pruned, or diverged if not finite
 *   }
 *   schedule.complete(id);
 *
 * Decisions are final: the trainer never pauses a trial to resume it later, so the
 * rung-based schedules decide at once (see rungs.ts for what that changes).
 */

/** A schedule's answer after an epoch. */
export type Decision = 'continue' | 'stop';

/** What a new trial is given. */
export interface TrialBudget {
  /** Most epochs the trial may train; the trainer ends it there (the schedule still answers 'continue'). */
  maxEpochs: number;
  /** Epochs the trial is given before its first judgement (Hyperband: its bracket's first rung); it earns the rest. */
  initialEpochs: number;
  /** Epochs after which the schedule may stop it for a poor value, ascending (divergence stops it at any epoch). */
  decisionEpochs: number[];
  /** Hyperband bracket, 0 = no early stopping, higher = more aggressive; 0 for the other schedules. */
  bracket: number;
}

/** An early-stopping schedule; one instance serves one study, trials may run interleaved or in parallel. */
export interface Schedule {
  /** Assigns a new trial (ids unique within the study) its budget; asking again for the same id gives the same answer. */
  budgetForNextTrial(trialId: number): TrialBudget;
  /** Records the validation value after `epoch` (from 1; NaN or Infinity = diverged) and says whether to go on. */
  report(trialId: number, epoch: number, value: number): Decision;
  /** Tells the schedule the trial has ended, however it ended; it then serves as a reference for later trials. */
  complete(trialId: number): void;
}

/** Settings shared by the schedules; each uses the ones it needs. */
export interface ScheduleOptions {
  /** Most epochs any trial trains (R in the papers). */
  maxEpochs: number;
  /** Grace period: no trial is stopped for a poor value before this epoch (r, the smallest budget); default 1. */
  minEpochs?: number;
  /** Reduction factor (eta): about one trial in this many goes on at each rung; default 3, must be > 1. */
  reductionFactor?: number;
  /** Median stopping: ended trials that must have reached an epoch before others are compared there; default 3. */
  warmupTrials?: number;
}

/** The options with defaults filled in; throws a readable error for values that make no sense. */
export function resolveScheduleOptions(options: ScheduleOptions): Required<ScheduleOptions> {
  const { maxEpochs, minEpochs = 1, reductionFactor = 3, warmupTrials = 3 } = options;
  const positiveInteger = (value: number) => Number.isInteger(value) && value >= 1;
  if (!positiveInteger(maxEpochs)) throw new Error(`invalid schedule option maxEpochs: ${maxEpochs} (need a whole number >= 1)`);
  if (!positiveInteger(minEpochs) || minEpochs > maxEpochs) {
    throw new Error(`invalid schedule option minEpochs: ${minEpochs} (need a whole number from 1 to maxEpochs)`);
  }
  if (!(reductionFactor > 1) || !Number.isFinite(reductionFactor)) {
    throw new Error(`invalid schedule option reductionFactor: ${reductionFactor} (need a number > 1)`);
  }
  if (!positiveInteger(warmupTrials)) throw new Error(`invalid schedule option warmupTrials: ${warmupTrials} (need a whole number >= 1)`);
  return { maxEpochs, minEpochs, reductionFactor, warmupTrials };
}
