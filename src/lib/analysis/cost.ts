/**
 * What a search cost and what early stopping saved. Every trial's cost is its wall time, its share
 * of the device (trials trained at once split each moment equally: see sharedTime.ts) and its
 * trial-epochs (epochs it trained). The saving is measured against training every trial fully:
 * each pruned trial (stopped by the schedule) and each complete trial stopped early by patience
 * would have trained the remaining epochs up to the full count, at its own share per epoch.
 * Diverged and failed trials save nothing: training them on would not have given a result.
 */

import { sharedTime } from './sharedTime';

/** A trial as far as its cost goes. */
export interface CostTrial {
  id: number;
  state: string;
  /** Wall-clock training time, ms. */
  durationMs: number;
  /** Its epoch records; only their number is read. */
  epochs: readonly unknown[];
  /** Start and end on the study's clock, ms, when the study recorded them (an imported study has 0 and 0). */
  startedAtMs?: number;
  endedAtMs?: number;
}

/** The cost of one trial and what stopping it early saved. */
export interface TrialCost {
  id: number;
  /** Wall time, ms: from its start to its end, however many trials trained beside it. */
  wallMs: number;
  /** Its share of the device, ms: each moment split among the trials running then (its wall time when no interval was recorded). */
  shareMs: number;
  /** Epochs trained. */
  trialEpochs: number;
  /** Epochs it would still have trained to the full count (0 unless pruned or stopped by patience). */
  savedEpochs: number;
  /** Estimated device time of those epochs, ms (its own share per epoch, or the study's mean when it trained none). */
  savedMs: number;
}

/** A study's cost in total and what early stopping saved. */
export interface StudyCost {
  trials: TrialCost[];
  /** The trials' wall times added up: overstates the cost when trials trained at once. */
  totalWallMs: number;
  /** The device time the study used: the shares added up (the busy wall-clock time, plus the times of trials without an interval). */
  totalShareMs: number;
  /** Wall-clock span from the first recorded start to the last recorded end, ms (0 when none was recorded). */
  spanMs: number;
  /** The most trials that trained at once (1 when no interval was recorded). */
  mostAtOnce: number;
  /** Trials without a recorded interval (imported or resumed): their share is their own wall time. */
  untimedTrials: number;
  totalTrialEpochs: number;
  /** Trial-epochs and estimated device time that training every pruned or early-stopped trial fully would have added. */
  savedTrialEpochs: number;
  savedMs: number;
  /** Saved trial-epochs by the schedule's pruning, and by patience (early stopping within a trial). */
  savedByPruning: number;
  savedByPatience: number;
  /** savedTrialEpochs as a share of what training fully would have cost, in [0, 1). */
  savedShare: number;
}

/** Cost of every trial and of the study (device time shared among trials trained at once), given the full epoch count a trial trains when nothing stops it. */
export function studyCost(trials: readonly CostTrial[], options: { fullEpochs: number }): StudyCost {
  const { fullEpochs } = options;
  const timed = (trial: CostTrial) => trial.startedAtMs !== undefined && trial.endedAtMs !== undefined && trial.endedAtMs > trial.startedAtMs;
  const shared = sharedTime(trials.map((trial) => (timed(trial) ? { startMs: trial.startedAtMs!, endMs: trial.endedAtMs! } : { startMs: 0, endMs: 0 })));
  const shares = trials.map((trial, index) => (timed(trial) ? shared.shareMs[index] : trial.durationMs));
  let totalWallMs = 0;
  let totalShareMs = 0;
  let totalTrialEpochs = 0;
  trials.forEach((trial, index) => {
    totalWallMs += trial.durationMs;
    totalShareMs += shares[index];
    totalTrialEpochs += trial.epochs.length;
  });
  const untimedTrials = trials.filter((trial) => !timed(trial) && trial.durationMs > 0).length;
  const meanMsPerEpoch = totalTrialEpochs > 0 ? totalShareMs / totalTrialEpochs : 0;
  let savedByPruning = 0;
  let savedByPatience = 0;
  let savedMs = 0;
  const costs = trials.map((trial, index): TrialCost => {
    const trialEpochs = trial.epochs.length;
    const shareMs = shares[index];
    const stoppedEarly = trial.state === 'pruned' || trial.state === 'complete';
    const savedEpochs = stoppedEarly ? Math.max(0, fullEpochs - trialEpochs) : 0;
    const msPerEpoch = trialEpochs > 0 ? shareMs / trialEpochs : meanMsPerEpoch;
    if (trial.state === 'pruned') savedByPruning += savedEpochs;
    else savedByPatience += savedEpochs;
    savedMs += savedEpochs * msPerEpoch;
    return { id: trial.id, wallMs: trial.durationMs, shareMs, trialEpochs, savedEpochs, savedMs: savedEpochs * msPerEpoch };
  });
  const savedTrialEpochs = savedByPruning + savedByPatience;
  const full = totalTrialEpochs + savedTrialEpochs;
  return {
    trials: costs,
    totalWallMs,
    totalShareMs,
    spanMs: shared.spanMs,
    mostAtOnce: Math.max(1, shared.mostAtOnce),
    untimedTrials,
    totalTrialEpochs,
    savedTrialEpochs,
    savedMs,
    savedByPruning,
    savedByPatience,
    savedShare: full > 0 ? savedTrialEpochs / full : 0,
  };
}
