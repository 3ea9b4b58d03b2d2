/**
 * What a search cost and what early stopping saved. Every trial's cost is its wall time and its
 * trial-epochs (epochs it trained). The saving is measured against training every trial fully:
 * each pruned trial (stopped by the schedule) and each complete trial stopped early by patience
 * would have trained the remaining epochs up to the full count, at its own time per epoch.
 * Diverged and failed trials save nothing: training them on would not have given a result.
 */

/** A trial as far as its cost goes. */
export interface CostTrial {
  id: number;
  state: string;
  /** Wall-clock training time, ms. */
  durationMs: number;
  /** Its epoch records; only their number is read. */
  epochs: readonly unknown[];
}

/** The cost of one trial and what stopping it early saved. */
export interface TrialCost {
  id: number;
  /** Wall time, ms. */
  wallMs: number;
  /** Epochs trained. */
  trialEpochs: number;
  /** Epochs it would still have trained to the full count (0 unless pruned or stopped by patience). */
  savedEpochs: number;
  /** Estimated wall time of those epochs, ms (its own time per epoch, or the study's mean when it trained none). */
  savedMs: number;
}

/** A study's cost in total and what early stopping saved. */
export interface StudyCost {
  trials: TrialCost[];
  totalWallMs: number;
  totalTrialEpochs: number;
  /** Trial-epochs and estimated wall time that training every pruned or early-stopped trial fully would have added. */
  savedTrialEpochs: number;
  savedMs: number;
  /** Saved trial-epochs by the schedule's pruning, and by patience (early stopping within a trial). */
  savedByPruning: number;
  savedByPatience: number;
  /** savedTrialEpochs as a share of what training fully would have cost, in [0, 1). */
  savedShare: number;
}

/** Cost of every trial and of the study, given the full epoch count a trial trains when nothing stops it. */
export function studyCost(trials: readonly CostTrial[], options: { fullEpochs: number }): StudyCost {
  const { fullEpochs } = options;
  let totalWallMs = 0;
  let totalTrialEpochs = 0;
  for (const trial of trials) {
    totalWallMs += trial.durationMs;
    totalTrialEpochs += trial.epochs.length;
  }
  const meanMsPerEpoch = totalTrialEpochs > 0 ? totalWallMs / totalTrialEpochs : 0;
  let savedByPruning = 0;
  let savedByPatience = 0;
  let savedMs = 0;
  const costs = trials.map((trial): TrialCost => {
    const trialEpochs = trial.epochs.length;
    const stoppedEarly = trial.state === 'pruned' || trial.state === 'complete';
    const savedEpochs = stoppedEarly ? Math.max(0, fullEpochs - trialEpochs) : 0;
    const msPerEpoch = trialEpochs > 0 ? trial.durationMs / trialEpochs : meanMsPerEpoch;
    if (trial.state === 'pruned') savedByPruning += savedEpochs;
    else savedByPatience += savedEpochs;
    savedMs += savedEpochs * msPerEpoch;
    return { id: trial.id, wallMs: trial.durationMs, trialEpochs, savedEpochs, savedMs: savedEpochs * msPerEpoch };
  });
  const savedTrialEpochs = savedByPruning + savedByPatience;
  const full = totalTrialEpochs + savedTrialEpochs;
  return {
    trials: costs,
    totalWallMs,
    totalTrialEpochs,
    savedTrialEpochs,
    savedMs,
    savedByPruning,
    savedByPatience,
    savedShare: full > 0 ? savedTrialEpochs / full : 0,
  };
}
