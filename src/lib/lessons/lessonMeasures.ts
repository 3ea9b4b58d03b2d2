/**
 * Measures the later lessons read from a run's trials: the spread of scores over splits, the
 * gain of a later generation or of more trials, the trials that never beat the baseline, and
 * what a search cost in trial-epochs. Pure functions: each reveal and claim is computed, never written in.
 */
import { finalValidationLoss, median, type LessonRunResult, type LessonTrial } from './revealRules';

/** The final validation loss of each run whose name starts with `prefix` (e.g. 'split-'), in run order. */
export function lossesOf(result: LessonRunResult, prefix: string): number[] {
  return Object.entries(result.runs)
    .filter(([name]) => name.startsWith(prefix))
    .map(([, trials]) => (trials[0] ? finalValidationLoss(trials[0]) : Infinity));
}

/** Mean and (sample) standard deviation of finite values; NaN when there are none. */
export function meanAndSpread(values: readonly number[]): { mean: number; spread: number } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { mean: NaN, spread: NaN };
  const mean = finite.reduce((sum, value) => sum + value, 0) / finite.length;
  const squares = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, spread: finite.length > 1 ? Math.sqrt(squares / (finite.length - 1)) : 0 };
}

/** How much higher the worst single split's loss is than the best's, as a fraction of the best (NaN without two finite values). */
export function splitRange(losses: readonly number[]): number {
  const finite = losses.filter(Number.isFinite);
  if (finite.length < 2) return NaN;
  const low = finite.reduce((a, b) => Math.min(a, b));
  const high = finite.reduce((a, b) => Math.max(a, b));
  return (high - low) / Math.max(low, 1e-12);
}

/** 'worse' (more than `margin` higher), 'same' or 'better' (more than `margin` lower): a relative gain in words. */
export function directionOf(gain: number, margin: number): 'worse' | 'same' | 'better' {
  return gain > margin ? 'better' : gain < -margin ? 'worse' : 'same';
}

/** How far the best of the first `count` trials lies below their median, relative to the median: what those trials bought. */
export function gainWithin(trials: readonly LessonTrial[], count: number): number {
  const middle = medianOfTrials(trials, 1, count);
  const best = bestOfFirst(trials, count);
  return Number.isFinite(middle) && Number.isFinite(best) ? (middle - best) / middle : NaN;
}

/** 'small' (under `low`), 'medium' or 'large' (over `high`): a relative difference put in words for a prediction. */
export function sizeOf(change: number, low: number, high: number): 'small' | 'medium' | 'large' {
  return change < low ? 'small' : change > high ? 'large' : 'medium';
}

/** Median final validation loss of trials `from` to `to` (1-based, inclusive) in proposal order. */
export function medianOfTrials(trials: readonly LessonTrial[], from: number, to: number): number {
  return median(trials.slice(from - 1, to).map(finalValidationLoss));
}

/** The relative gain of the last `count` trials' median over the first `count` trials' (positive: the later ones are better). */
export function laterGain(trials: readonly LessonTrial[], count: number): number {
  const first = medianOfTrials(trials, 1, count);
  const last = medianOfTrials(trials, trials.length - count + 1, trials.length);
  return Number.isFinite(first) && Number.isFinite(last) ? (first - last) / first : NaN;
}

/** The lowest final validation loss among the first `count` trials (Infinity when none finished). */
export function bestOfFirst(trials: readonly LessonTrial[], count: number): number {
  return trials.slice(0, count).reduce((best, trial) => Math.min(best, finalValidationLoss(trial)), Infinity);
}

/** How much the trials after the first `count` lowered the best validation loss, relative to the best of the first `count`. */
export function gainAfter(trials: readonly LessonTrial[], count: number): number {
  const early = bestOfFirst(trials, count);
  const all = bestOfFirst(trials, trials.length);
  return Number.isFinite(early) && Number.isFinite(all) ? (early - all) / early : NaN;
}

/** Trials whose final validation loss is not at least `margin` (relative) below the baseline: they learned nothing worth keeping. */
export function notBeatingBaseline(trials: readonly LessonTrial[], baseline: number, margin = 0.1): LessonTrial[] {
  return trials.filter((trial) => !(finalValidationLoss(trial) < (1 - margin) * baseline));
}

/** Epochs all trials trained, the epochs they were planned for, and the seconds they took (NaN when not measured). */
export function searchCost(trials: readonly LessonTrial[], plannedEpochs: number): { epochs: number; planned: number; seconds: number } {
  const epochs = trials.reduce((sum, trial) => sum + trial.epochs.length, 0);
  const seconds = trials.every((trial) => trial.durationMs !== undefined) ? trials.reduce((sum, trial) => sum + (trial.durationMs ?? 0), 0) / 1000 : NaN;
  return { epochs, planned: trials.length * plannedEpochs, seconds };
}
