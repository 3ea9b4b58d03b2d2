import { bestTrial, type Trial } from '../core/trial';

/** What every view shows "after trial k": the first k trials, the best among them, and the best-so-far curve. */
export interface ReplayFrame<T extends Trial> {
  /** How many trials are shown. */
  step: number;
  trials: T[];
  best: T | null;
  /** Best completed value after each of the shown trials (null until one completes), length step. */
  bestSoFar: (number | null)[];
}

/** The state of a study after its first k trials (k clamped to 0..trials.length). */
export function replayAt<T extends Trial>(trials: readonly T[], k: number): ReplayFrame<T> {
  const step = Math.max(0, Math.min(trials.length, Math.floor(k)));
  const shown = trials.slice(0, step);
  return { step, trials: shown, best: bestTrial(shown), bestSoFar: bestSoFarCurve(shown) };
}

/** Running minimum of completed trials' values, one entry per trial (null before the first). */
export function bestSoFarCurve(trials: readonly Trial[]): (number | null)[] {
  let best: number | null = null;
  return trials.map((trial) => {
    if (trial.state === 'complete' && trial.value !== null && Number.isFinite(trial.value) && (best === null || trial.value < best)) best = trial.value;
    return best;
  });
}
