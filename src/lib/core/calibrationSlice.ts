/**
 * The slice of a workload that "fastest available" times: the same model and trial count, but
 * only a few gradient steps' worth of its rows, so one epoch of it lasts milliseconds on any
 * backend worth choosing. Its epochs' rate, scaled by the rows left out, stands for the whole
 * workload's. Pure, so the scaling is unit-tested; the timing lives in training/calibrate.ts.
 */

/** Gradient steps in one epoch of the calibration slice. */
export const calibrationSteps = 2;

/** Longest steady measuring of one backend (ms): its slice stops at this or at maxSteadyEpochs. */
export const timeBoxMs = 100;

/** Steady epochs after which a backend's slice stops early (its rate is known well enough). */
export const maxSteadyEpochs = 4;

/** Which rows the slice trains and validates on, and how many times smaller than the workload it is. */
export interface CalibrationSlice {
  trainIndices: number[];
  validationIndices: number[];
  /** The workload's training rows ÷ the slice's: a slice epoch's rate divided by this is the workload's. */
  scale: number;
}

/** `count` of `indices`, evenly spaced (so classes stored in runs stay mixed); all of them when count ≥ their number. */
export function spread(indices: ArrayLike<number>, count: number): number[] {
  if (count >= indices.length) return Array.from(indices);
  return Array.from({ length: Math.max(0, count) }, (_, index) => indices[Math.floor((index * indices.length) / count)]);
}

/**
 * The calibration slice of a workload: `steps` full batches of its training rows (all of them
 * when it has fewer), and its validation rows cut by the same proportion (at least one where it
 * has any), so the end-of-epoch evaluation shrinks with the training.
 */
export function calibrationSlice(trainIndices: ArrayLike<number>, validationIndices: ArrayLike<number>, batchSize: number, steps = calibrationSteps): CalibrationSlice {
  const rows = Math.min(trainIndices.length, Math.max(1, batchSize) * Math.max(1, steps));
  if (rows === 0 || rows >= trainIndices.length) return { trainIndices: Array.from(trainIndices), validationIndices: Array.from(validationIndices), scale: 1 };
  const scale = trainIndices.length / rows;
  const validation = validationIndices.length === 0 ? 0 : Math.max(1, Math.round(validationIndices.length / scale));
  return { trainIndices: spread(trainIndices, rows), validationIndices: spread(validationIndices, validation), scale };
}
