import { createRandom, type Random } from '../core/random';

/** What one trial needs to draw its epochs: its seed, hidden widths and dropout rate. */
export interface EpochPlanTrial {
  /** The trial's seed; its order and dropout streams are forks of it. */
  seed: number;
  /** Units of each hidden layer of this trial (unpadded). */
  hiddenUnits: number[];
  /** Fraction of hidden units dropped in training, in [0, 1). */
  dropout: number;
}

/** One epoch's host-side draws for all K trials. */
export interface EpochDraws {
  /** Dataset row of each trial's examples in training order, shape [K * trainCount]. */
  order: Int32Array;
  /** Dropout keep-masks per hidden layer, each shape [K * trainCount * paddedUnits]: 0 or 1/(1 − rate); null without dropout. */
  dropoutMasks: Float32Array[] | null;
}

/** Draws each epoch's data order and dropout masks, every trial from its own seeded streams. */
export interface EpochPlanner {
  /** Draws the next epoch for all trials (a trial's draws do not depend on the other trials). */
  next(): EpochDraws;
}

/**
 * Creates the per-trial planners: trial k shuffles trainIndices afresh each epoch with
 * createRandom(seed).fork('order') and draws dropout with createRandom(seed).fork('dropout'),
 * row by row in training order, only over its own units, so its draws are the same alone or in
 * any population. paddedUnits: hidden widths shared by the population.
 */
export function createEpochPlanner(trials: EpochPlanTrial[], trainIndices: ArrayLike<number>, paddedUnits: number[]): EpochPlanner {
  const trainCount = trainIndices.length;
  const orderRandoms: Random[] = trials.map((trial) => createRandom(trial.seed).fork('order'));
  const dropoutRandoms: Random[] = trials.map((trial) => createRandom(trial.seed).fork('dropout'));
  const usesDropout = trials.some((trial) => trial.dropout > 0);
  return {
    next() {
      const order = new Int32Array(trials.length * trainCount);
      trials.forEach((_, k) => {
        const positions = orderRandoms[k].shuffle(Array.from(trainIndices));
        order.set(positions, k * trainCount);
      });
      if (!usesDropout) return { order, dropoutMasks: null };
      const dropoutMasks = paddedUnits.map((units) => new Float32Array(trials.length * trainCount * units).fill(1));
      trials.forEach((trial, k) => {
        if (trial.dropout <= 0) return;
        const keep = 1 / (1 - trial.dropout);
        trial.hiddenUnits.forEach((trialUnits, layer) => {
          const mask = dropoutMasks[layer];
          const units = paddedUnits[layer];
          for (let row = 0; row < trainCount; row++) {
            const start = (k * trainCount + row) * units;
            for (let unit = 0; unit < trialUnits; unit++) {
              mask[start + unit] = dropoutRandoms[k].next() < trial.dropout ? 0 : keep;
            }
          }
        });
      });
      return { order, dropoutMasks };
    },
  };
}
