/**
 * What the regularisation and batch-size lessons show from a run's own trials: the size of the
 * trained weights (what L1 and L2 penalise) and the seconds each epoch took. Pure functions over
 * the weights and durations the trainer handed back; nothing here is written in.
 */
import type { LayerWeights } from '../core/networkWeights';
import type { LessonTrial } from './revealRules';

/** The Euclidean norm of every kernel weight (biases left out, as the L1 and L2 penalties leave them out); NaN without weights. */
export function kernelNorm(layers: readonly LayerWeights[] | undefined): number {
  if (!layers || layers.length === 0) return NaN;
  let squares = 0;
  for (const layer of layers) for (const value of layer.kernel) squares += value * value;
  return Math.sqrt(squares);
}

/** The first layer's kernel weights (each input to each unit of the first hidden layer), as plain numbers. */
export function firstLayerWeights(layers: readonly LayerWeights[] | undefined): number[] {
  return layers && layers.length > 0 ? Array.from(layers[0].kernel) : [];
}

/** Share of all kernel weights whose size is under `threshold`: how sparse the network is (NaN without weights). */
export function nearZeroShare(layers: readonly LayerWeights[] | undefined, threshold: number): number {
  if (!layers || layers.length === 0) return NaN;
  let small = 0;
  let count = 0;
  for (const layer of layers) {
    for (const value of layer.kernel) {
      count += 1;
      if (Math.abs(value) < threshold) small += 1;
    }
  }
  return count > 0 ? small / count : NaN;
}

/** The kernel norm of a run's single trial (NaN when it has no weights). */
export function runKernelNorm(trials: readonly LessonTrial[] | undefined): number {
  return kernelNorm(trials?.[0]?.weights);
}

/** Wall-clock seconds per finished epoch of a run's single trial (NaN when its duration was not measured). */
export function secondsPerEpoch(trials: readonly LessonTrial[] | undefined): number {
  const trial = trials?.[0];
  if (!trial || trial.durationMs === undefined || trial.epochs.length === 0) return NaN;
  return trial.durationMs / 1000 / trial.epochs.length;
}
