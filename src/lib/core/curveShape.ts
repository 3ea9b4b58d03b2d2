/**
 * Measures of a learning curve's shape that the diagnosis reads: where it ends, whether it still
 * falls, how often it spikes. Pure functions over arrays of losses (one per epoch, in order).
 */
import type { EpochRecord } from './trial';
import { minOf } from './extent';

/** What the shape measures need to know: the windows and ratios of `diagnosisThresholds`. */
export interface ShapeLimits {
  endWindow: number;
  slopeWindow: number;
  spikeRatio: number;
  negligibleChange: number;
  stillFallingShareOfProgress: number;
  stillFallingPerEpoch: number;
}

/** Epoch (from 1) with the lowest finite validation loss, or null if there is none. */
export function findBestEpoch(epochs: readonly EpochRecord[]): number | null {
  let best: EpochRecord | null = null;
  for (const record of epochs) {
    if (Number.isFinite(record.validationLoss) && (best === null || record.validationLoss < best.validationLoss)) best = record;
  }
  return best === null ? null : best.epoch;
}

/** How many last epochs `endMean` averages for a curve of `length` epochs (at least one). */
export function endCount(length: number, limits: ShapeLimits): number {
  return Math.max(1, Math.round(limits.endWindow * length));
}

/** Mean of the last `endWindow` share of the values: where a curve ends, less its last epoch's noise. */
export function endMean(values: readonly number[], limits: ShapeLimits): number {
  const count = endCount(values.length, limits);
  let sum = 0;
  for (let i = values.length - count; i < values.length; i++) sum += values[i];
  return sum / count;
}

/**
 * Epochs where the loss rose by more than spikeRatio and fell back by as much at the next epoch;
 * a move must also exceed `noiseFloor` (an absolute loss) to count.
 */
export function countSpikes(values: readonly number[], limits: ShapeLimits, noiseFloor = 0): number {
  const negligible = Math.max(limits.negligibleChange * values[0], noiseFloor);
  let spikes = 0;
  for (let i = 1; i < values.length - 1; i++) {
    const rose = values[i] > limits.spikeRatio * values[i - 1] && values[i] - values[i - 1] > negligible;
    const fell = values[i + 1] * limits.spikeRatio < values[i] && values[i] - values[i + 1] > negligible;
    if (rose && fell) spikes++;
  }
  return spikes;
}

/** Whether a least-squares line through the last epochs still drops clearly (see the stillFalling thresholds). */
export function isStillFalling(values: readonly number[], limits: ShapeLimits): boolean {
  const count = Math.min(values.length, Math.max(3, Math.ceil(limits.slopeWindow * values.length)));
  if (count < 2) return false;
  const window = values.slice(values.length - count);
  const meanX = (count - 1) / 2;
  const meanY = window.reduce((sum, value) => sum + value, 0) / count;
  let covariance = 0;
  let varianceX = 0;
  window.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY);
    varianceX += (x - meanX) ** 2;
  });
  const dropPerEpoch = -covariance / varianceX;
  const progress = Math.max(0, values[0] - minOf(values));
  return (
    dropPerEpoch * (count - 1) > limits.stillFallingShareOfProgress * progress &&
    dropPerEpoch > limits.stillFallingPerEpoch * Math.abs(meanY)
  );
}

/** A number as the diagnosis prints it: three significant digits. */
export function formatLoss(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value);
}
