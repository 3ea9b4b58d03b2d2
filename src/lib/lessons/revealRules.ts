/**
 * The answers to the lessons' predictions, computed from what a run actually produced: pure
 * functions over finished trials, so a reveal is never a hard-coded line.
 */
import type { EpochRecord } from '../core/trial';
import type { LayerWeights } from '../core/networkWeights';
import type { Activation } from '../core/modelSettings';
import type { Dataset } from '../datasets/dataset';

/** One finished training run as a lesson reads it. */
export interface LessonTrial {
  /** The searched values (a search's trial) or the variant's own settings (a hand-trained run). */
  params: Record<string, number | string>;
  /** A search trial's TrialState, or a hand-trained run's TrainingEnd ('stopped' = a person stopped it; early-stopped counts as 'complete'). */
  state: string;
  /** One record per finished epoch. */
  epochs: EpochRecord[];
  /** Wall-clock training time, when the runner measured it. */
  durationMs?: number;
  /** The network's weights at the end (hand-trained runs of a lesson that asks for them). */
  weights?: LayerWeights[];
}

/** What a lesson's run produced: trials by run name (a variant id or a strategy name), and a test score if one was asked for. */
export interface LessonRunResult {
  runs: Record<string, LessonTrial[]>;
  /** The data the runs trained on and their hidden layers' activation, when their weights were kept (to draw their regions). */
  trainedOn?: { dataset: Dataset; activation: Activation };
  /** The search's chosen trial scored once on the test split. */
  test?: { validationLoss: number; testLoss: number };
  /** With repeated searches: the best final validation loss of each repetition, by strategy (Infinity when none finished). */
  distribution?: Record<string, number[]>;
  /** Loss of ignoring the inputs (predicting the training split's class frequencies), when known. */
  baselineLoss?: number;
  /** Epochs each trial was planned to train (the model's epochs setting). */
  plannedEpochs?: number;
}

/** The answer a run gives to a prediction, compared with the student's guess. */
export interface Reveal {
  /** Id of the choice that turned out right. */
  answer: string;
  correct: boolean;
  /** What happened, in a sentence or two with the measured numbers. */
  explanation: string;
}

const format = (value: number) => (Number.isFinite(value) ? String(+value.toPrecision(3)) : 'not a number');

/** The last validation loss of a trial; Infinity when it diverged, failed or has no epoch. */
export function finalValidationLoss(trial: LessonTrial): number {
  const last = trial.epochs.at(-1);
  if (!last || trial.state === 'diverged' || trial.state === 'failed' || !Number.isFinite(last.validationLoss)) return Infinity;
  return last.validationLoss;
}

/** The lowest final validation loss among a run's trials (Infinity when none finished). */
export function bestValidationLoss(trials: readonly LessonTrial[]): number {
  return trials.reduce((best, trial) => Math.min(best, finalValidationLoss(trial)), Infinity);
}

/** Which run (by name) ends with the lowest validation loss; null when none finished. */
export function lowestLossRun(result: LessonRunResult): string | null {
  let bestName: string | null = null;
  let bestLoss = Infinity;
  for (const [name, trials] of Object.entries(result.runs)) {
    const loss = bestValidationLoss(trials);
    if (loss < bestLoss) [bestName, bestLoss] = [name, loss];
  }
  return bestName;
}

/** Final validation loss minus final training loss: how far the model does better on what it memorised. */
export function generalisationGap(trial: LessonTrial): number {
  const last = trial.epochs.at(-1);
  if (!last || trial.state === 'diverged' || !Number.isFinite(last.validationLoss) || !Number.isFinite(last.trainLoss)) return -Infinity;
  return last.validationLoss - last.trainLoss;
}

/** The run whose single trial has the widest gap between validation and training loss: the one that overfits most. */
export function mostOverfitRun(result: LessonRunResult): string | null {
  let bestName: string | null = null;
  let widest = -Infinity;
  for (const [name, trials] of Object.entries(result.runs)) {
    const gap = trials.length > 0 ? generalisationGap(trials[0]) : -Infinity;
    if (gap > widest) [bestName, widest] = [name, gap];
  }
  return bestName;
}

/** How many different values of one hyperparameter a run tried. */
export function distinctValues(trials: readonly LessonTrial[], name: string): number {
  return new Set(trials.map((trial) => trial.params[name]).filter((value) => value !== undefined).map(String)).size;
}

/** Which third of [low, high] on a log scale `value` falls in: 'low', 'middle' or 'high'. */
export function logThird(value: number, low: number, high: number): 'low' | 'middle' | 'high' {
  const position = (Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low));
  return position < 1 / 3 ? 'low' : position < 2 / 3 ? 'middle' : 'high';
}

/** 'all' when no trial was pruned, 'few' when at most a third trained fully, else 'half'. */
export function survivorShare(trials: readonly LessonTrial[]): { answer: 'all' | 'half' | 'few'; full: number } {
  const full = trials.filter((trial) => trial.state !== 'pruned').length;
  const answer = full === trials.length ? 'all' : full <= trials.length / 3 ? 'few' : 'half';
  return { answer, full };
}

/** How many trials a schedule stopped early: 'none', 'few' (under a third) or 'many' (a third or more), and the epochs spent as a share of training every trial fully. */
export function stoppedEarly(trials: readonly LessonTrial[], maxEpochs: number): { answer: 'none' | 'few' | 'many'; stopped: number; epochShare: number } {
  const stopped = trials.filter((trial) => trial.state === 'pruned').length;
  const answer = stopped === 0 ? 'none' : stopped < trials.length / 3 ? 'few' : 'many';
  const epochs = trials.reduce((sum, trial) => sum + trial.epochs.length, 0);
  return { answer, stopped, epochShare: trials.length > 0 && maxEpochs > 0 ? epochs / (trials.length * maxEpochs) : NaN };
}

/** 'higher', 'same' (within `tolerance` of the validation loss, relative) or 'lower': the test loss against the validation loss. */
export function testAgainstValidation(test: { validationLoss: number; testLoss: number }, tolerance = 0.05): 'higher' | 'same' | 'lower' {
  const relative = (test.testLoss - test.validationLoss) / Math.max(Math.abs(test.validationLoss), 1e-12);
  return Math.abs(relative) <= tolerance ? 'same' : relative > 0 ? 'higher' : 'lower';
}

/** Share of repetitions in which `strategy`'s best beats `other`'s (ties count half). */
export function winShare(result: LessonRunResult, strategy: string, other: string): number {
  const mine = result.distribution?.[strategy] ?? [];
  const theirs = result.distribution?.[other] ?? [];
  const count = Math.min(mine.length, theirs.length);
  if (count === 0) return NaN;
  let wins = 0;
  for (let i = 0; i < count; i++) wins += mine[i] < theirs[i] ? 1 : mine[i] === theirs[i] ? 0.5 : 0;
  return wins / count;
}

/** The median of finite values (Infinity when there are none). */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Infinity;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A Reveal for `answer`, with `explanation` prefixed by whether the guess matched. */
export function revealOf(guess: string, answer: string, explanation: string): Reveal {
  const correct = guess === answer;
  return { answer, correct, explanation: `${correct ? 'You were right.' : 'Not this time.'} ${explanation}` };
}

export { format as formatNumber };
