import type { EpochRecord } from '../core/trial';

/** The metric a learning curve shows beside the loss: accuracy for classes, R-squared for regression. */
export interface EpochMetric {
  /** Its name on the axis. */
  name: 'accuracy' | 'R²';
  /** Its value for the training and validation split of one record (NaN when unknown). */
  train(record: EpochRecord): number;
  validation(record: EpochRecord): number;
}

/**
 * The metric of a run's records: accuracy when they carry one; otherwise R² = 1 − MSE / baseline,
 * where the baseline is the variance of the targets (the MSE of predicting their mean); null
 * when neither is known, or before the first record (which says whether there are classes).
 */
export function epochMetric(epochs: readonly EpochRecord[], baselineLoss?: number): EpochMetric | null {
  if (epochs.length === 0) return null;
  if (epochs.some((record) => record.validationAccuracy !== undefined)) {
    return { name: 'accuracy', train: (record) => record.trainAccuracy ?? Number.NaN, validation: (record) => record.validationAccuracy ?? Number.NaN };
  }
  if (baselineLoss !== undefined && baselineLoss > 0) {
    return { name: 'R²', train: (record) => 1 - record.trainLoss / baselineLoss, validation: (record) => 1 - record.validationLoss / baselineLoss };
  }
  return null;
}
