/**
 * The empirical distribution of a saved study's objective (see edf.ts) as two typed columns, built
 * where the study is read (the reader worker for large ones) with a native typed-array sort, and
 * thinned to at most about a thousand steps: the steps dropped change the share by less than a
 * thousandth, under a pixel on any chart, while 200,000 distinct values would otherwise draw a path
 * of 200,000 corners. Studies of up to a thousand trials keep every step.
 */
import type { EdfStep } from './edf';

/** Steps of a distribution (values ascending, shares in (0, 1]) and the trials counted. */
export interface EdfColumns {
  values: Float64Array;
  shares: Float64Array;
  /** Trials counted, diverged ones (a non-finite score) included. */
  count: number;
}

/** Most steps kept, about: a share step under 1 / maxSteps is folded into the next kept one. */
export const maxEdfSteps = 1000;

/** The distribution of `scores` (non-finite: diverged, counted but never reached), thinned to about `maxSteps` steps. */
export function edfColumns(scores: Float64Array, maxSteps = maxEdfSteps): EdfColumns {
  const count = scores.length;
  let finiteCount = 0;
  for (let index = 0; index < count; index++) if (Number.isFinite(scores[index])) finiteCount++;
  const finite = new Float64Array(finiteCount);
  let at = 0;
  for (let index = 0; index < count; index++) if (Number.isFinite(scores[index])) finite[at++] = scores[index];
  finite.sort();
  const values: number[] = [];
  const shares: number[] = [];
  let keptShare = 0;
  for (let index = 0; index < finiteCount; index++) {
    const value = finite[index];
    // Only the last of equal values makes a step, with the share of all of them.
    if (index + 1 < finiteCount && finite[index + 1] === value) continue;
    const share = (index + 1) / count;
    if (values.length === 0 || index + 1 === finiteCount || share - keptShare >= 1 / maxSteps) {
      values.push(value);
      shares.push(share);
      keptShare = share;
    }
  }
  return { values: Float64Array.from(values), shares: Float64Array.from(shares), count };
}

/** The steps of EdfColumns as the chart takes them. */
export function edfSteps(columns: EdfColumns): EdfStep[] {
  const steps: EdfStep[] = [];
  for (let index = 0; index < columns.values.length; index++) steps.push({ value: columns.values[index], share: columns.shares[index] });
  return steps;
}
