/**
 * A saved study's search history as columns of typed arrays: what the history chart draws, worked
 * out in one pass over the trials. A 200,000-trial study's columns are built where it is parsed (a
 * worker) and handed to the page without copying, so the page never loops over the trials to draw.
 */
import type { Trial } from '../core/trial';
import { edfColumns, type EdfColumns } from './edfColumns';

/** One study's ended trials, in file order, as columns (shape [count] each) and their extents. */
export interface HistoryColumns {
  /** Ended trials (running and queued ones are left out). */
  count: number;
  /** Trial id of each. */
  ids: Float64Array;
  /** Seconds from the study's start to each trial's end, counting trials as run one after another. */
  endedSeconds: Float64Array;
  /** Objective of each; NaN where it has none or it is not finite (such trials draw no dot). */
  values: Float64Array;
  /** 1 where the schedule stopped the trial early (drawn fainter), else 0. */
  pruned: Uint8Array;
  /** Indices (into the columns) where the best so far changes, and the last index: the step line's corners. */
  bestAt: Int32Array;
  /** The best so far at each of bestAt, shape [bestAt.length]. */
  bestValues: Float64Array;
  /** Largest id, and latest end in seconds (0 when empty). */
  maxId: number;
  maxEndedSeconds: number;
  /** Smallest and largest finite objective, or null when no trial has one. */
  valueExtent: [number, number] | null;
  /** The distribution of the objective over ended trials not pruned (diverged ones count, never reaching a value). */
  edf: EdfColumns;
}

/** The history columns of `trials` (one pass; no recursion or spreads, so any length works). */
export function historyColumns(trials: readonly Trial[]): HistoryColumns {
  let count = 0;
  for (const trial of trials) if (trial.state !== 'running' && trial.state !== 'queued') count++;
  const ids = new Float64Array(count);
  const endedSeconds = new Float64Array(count);
  const values = new Float64Array(count);
  const pruned = new Uint8Array(count);
  const corners: number[] = [];
  const cornerValues: number[] = [];
  let elapsedMs = 0;
  let best: number | null = null;
  let low = Infinity;
  let high = -Infinity;
  let maxId = 0;
  let at = 0;
  let scored = 0;
  const scores = new Float64Array(count);
  for (const trial of trials) {
    // Saved trials ran one after another as far as the file says: each starts when the one before ended.
    elapsedMs += trial.durationMs;
    if (trial.state === 'running' || trial.state === 'queued') continue;
    const value = trial.value !== null && Number.isFinite(trial.value) ? trial.value : NaN;
    ids[at] = trial.id;
    endedSeconds[at] = elapsedMs / 1000;
    values[at] = value;
    pruned[at] = trial.state === 'pruned' ? 1 : 0;
    if (trial.state !== 'pruned') scores[scored++] = Number.isNaN(value) ? Infinity : value;
    if (trial.id > maxId) maxId = trial.id;
    if (!Number.isNaN(value)) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (trial.state === 'complete' && !Number.isNaN(value) && (best === null || value < best)) {
      best = value;
      corners.push(at);
      cornerValues.push(value);
    } else if (at === count - 1 && best !== null) {
      corners.push(at);
      cornerValues.push(best);
    }
    at++;
  }
  return {
    count,
    ids,
    endedSeconds,
    values,
    pruned,
    bestAt: Int32Array.from(corners),
    bestValues: Float64Array.from(cornerValues),
    maxId,
    maxEndedSeconds: count > 0 ? endedSeconds[count - 1] : 0,
    valueExtent: low <= high ? [low, high] : null,
    edf: edfColumns(scores.subarray(0, scored)),
  };
}

/** The typed arrays of columns, for postMessage's transfer list (handed over, not copied). */
export function columnBuffers(columns: HistoryColumns): ArrayBuffer[] {
  return [columns.ids, columns.endedSeconds, columns.values, columns.pruned, columns.bestAt, columns.bestValues, columns.edf.values, columns.edf.shares].map((array) => array.buffer as ArrayBuffer);
}
