/**
 * Population-based training (Jaderberg et al. 2017) of K MLPs that share a structure, on the
 * stacked TF.js population (population.ts): the K members train together, one batched step for
 * all; every `interval` epochs the PBT controller (search/pbt.ts) ranks them by validation loss,
 * and each member that exploits takes a copy of its parent's weights and optimiser state (one
 * gather along the member axis of every stacked variable), then trains on with the explored
 * learning rate and penalties. Losses are the data losses the population reports.
 */
import type { ModelSettings } from '../core/modelSettings';
import type { Dimension, Params } from '../core/space';
import type { EpochRecord } from '../core/trial';
import type { TrialData } from '../core/trialInputs';
import { PbtController, pbtSearchable, type LineageEntry } from '../search/pbt';
import { createStackedPopulation, type PopulationRates } from './population';

export { pbtSearchable };

/** Options of trainPbt. */
export interface PbtTrainingOptions {
  data: TrialData;
  /** Everything not searched: structure (kind 'mlp'), optimiser, batch size, epochs (each member's total). */
  settings: ModelSettings;
  /** Searched dimensions, named from pbtSearchable. */
  space: Dimension[];
  /** Number of members K. */
  population: number;
  /** Epochs between exploit/explore steps. */
  interval: number;
  seed: number;
  /** Share of members that copy at each step, and of members they copy from (default 0.25). */
  fraction?: number;
  /** Probability that an explored hyperparameter is drawn afresh instead of perturbed (default 0). */
  resampleProbability?: number;
  /** Relative margin by which a member must be worse than its parent to copy it (search/pbt.ts; default 0.05). */
  margin?: number;
  /**
   * Epochs before the first exploit (default: a third of the epochs, at least one interval). Early losses say little about where a
   * member ends (Ray Tune's burn_in_period guards against the same noise).
   */
  burnIn?: number;
  /** The initial hyperparameters of the K members (default: drawn from the seed). */
  initial?: Params[];
  /** Called after each epoch with every member's record (null once diverged, until it copies). */
  onEpoch?: (epoch: number, records: (EpochRecord | null)[]) => void;
  /** Called after each exploit/explore step with the whole lineage so far. */
  onStep?: (lineage: LineageEntry[]) => void;
  /** Asked after each epoch; true ends the run early (a person pressed Stop). */
  shouldStop?: () => boolean;
}

/** What a PBT run produced. */
export interface PbtResult {
  /** Every member's epoch records, shape [population][epochs] (null where it had diverged). */
  epochs: (EpochRecord | null)[][];
  /** Validation loss per member per epoch, shape [population][epochs] (NaN where diverged); the jumps are the copies. */
  validationLoss: number[][];
  /** The controller's lineage: every member at every step. */
  lineage: LineageEntry[];
  /** Member with the lowest validation loss after the last epoch, and that loss. */
  bestMember: number;
  bestValidationLoss: number;
}

function checkOptions({ settings, space, interval }: PbtTrainingOptions): void {
  if (settings.kind !== 'mlp') throw new Error('PBT trains MLPs');
  for (const dimension of space) {
    if (!(pbtSearchable as readonly string[]).includes(dimension.name)) throw new Error(`PBT cannot change ${dimension.name} during training`);
  }
  if (!(Number.isInteger(interval) && interval >= 1)) throw new Error(`invalid interval: ${interval}`);
}

/** The seed of member k's initial weights and data order (as trialSeed gives a study's trial k). */
export function pbtMemberSeed(seed: number, k: number): number {
  return seed * 1000 + k;
}

/** A member's settings: the fixed ones with its current params laid over them (no early stopping). */
export function memberSettings(base: ModelSettings, params: Params): ModelSettings {
  return { ...base, ...params, patience: 0 } as ModelSettings;
}

function ratesOf(settings: ModelSettings): PopulationRates {
  return { learningRate: settings.learningRate, l1: settings.l1, l2: settings.l2 };
}

/** The member with the lowest final validation loss (the first one when none is finite). */
function bestOf(curves: number[][]): number {
  const finals = curves.map((curve) => curve[curve.length - 1]);
  let bestMember = 0;
  finals.forEach((value, k) => {
    if (Number.isFinite(value) && !(finals[bestMember] <= value)) bestMember = k;
  });
  return bestMember;
}

/** Trains a PBT population on data and returns its curves and lineage; every tensor is freed on return. */
export async function trainPbt(options: PbtTrainingOptions): Promise<PbtResult> {
  checkOptions(options);
  const { data, settings, population, interval, seed } = options;
  const controller = new PbtController(options.space, { seed, population, fraction: options.fraction, resampleProbability: options.resampleProbability ?? 0, margin: options.margin ?? 0.05, initial: options.initial });
  const stacked = createStackedPopulation({
    ...data,
    trials: controller.params.map((params, k) => ({ settings: memberSettings(settings, params), seed: pbtMemberSeed(seed, k) })),
  });
  const burnIn = options.burnIn ?? Math.max(interval, Math.ceil(settings.epochs / 3));
  const records: (EpochRecord | null)[][] = Array.from({ length: population }, () => []);
  const curves: number[][] = Array.from({ length: population }, () => []);
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const { trials } = await stacked.runEpoch();
      const epochRecords = trials.map((trial) => (trial && trial.state !== 'diverged' ? toRecord(trial) : null));
      epochRecords.forEach((record, k) => {
        records[k].push(record);
        curves[k].push(record ? record.validationLoss : NaN);
      });
      options.onEpoch?.(epoch, epochRecords);
      if (options.shouldStop?.()) break;
      if (epoch % interval === 0 && epoch >= burnIn && epoch < settings.epochs) {
        const decisions = controller.step(epochRecords.map((record) => record?.validationLoss ?? null), epoch);
        const sources = Array.from({ length: population }, (_, k) => k);
        for (const { from, to } of decisions) sources[to] = from;
        stacked.exploit(sources, controller.params.map((params) => ratesOf(memberSettings(settings, params))));
        options.onStep?.(controller.lineage);
      }
    }
    const bestMember = bestOf(curves);
    return { epochs: records, validationLoss: curves, lineage: controller.lineage, bestMember, bestValidationLoss: curves[bestMember][curves[bestMember].length - 1] };
  } finally {
    stacked.dispose();
  }
}

function toRecord(trial: EpochRecord): EpochRecord {
  const { epoch, trainLoss, validationLoss, trainAccuracy, validationAccuracy } = trial;
  return { epoch, trainLoss, validationLoss, ...(trainAccuracy === undefined ? {} : { trainAccuracy, validationAccuracy }) };
}
