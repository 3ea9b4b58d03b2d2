import * as tf from './tf';
import type { TrialData } from '../core/trialInputs';
import { hiddenWidths, type ModelSettings } from '../core/modelSettings';
import { trainingBaseline } from './trainTrial';
import { createEpochPlanner, type EpochPlanner } from './epochPlan';
import type { LayerWeights } from './initialWeights';
import { PopulationData, type EpochData, type EvaluationSet } from './populationData';
import { correctCount, dataLoss, weightPenalty } from './populationLoss';
import { createStackedMlp, type StackedMlp } from './populationModel';
import { structureKey } from './populationGroups';
import { PopulationProgress, type PopulationReading, type PopulationTrialEpoch, type PopulationTrialState } from './populationProgress';
import { createStackedOptimizer, type StackedOptimizer } from './stackedOptimizer';

/** One trial of a population: its settings, its seed and an optional initial-weight multiplier. */
export interface PopulationTrial {
  /** Model and training settings (kind 'mlp'). */
  settings: ModelSettings;
  /** Seed of the trial's initial weights, data order and dropout. */
  seed: number;
  /** Multiplier of the initial kernels (default 1). */
  initialScale?: number;
}

/** Data and trials of a population: a trial's data (core/trialInputs.ts) plus the K trials. */
export interface PopulationOptions extends TrialData {
  /** The K trials; they must share hiddenLayers, activation and batchSize (units may differ). */
  trials: PopulationTrial[];
}

export type { PopulationTrialEpoch, PopulationTrialState } from './populationProgress';

/** One epoch of the whole population: an entry per trial, null for trials already out before it. */
export interface PopulationEpoch {
  /** Results per trial, length K. */
  trials: (PopulationTrialEpoch | null)[];
}

/** K trials training together; all methods are for one caller at a time (await each runEpoch). */
export interface Population {
  /** Number of trials K. */
  readonly size: number;
  /** Current state of each trial, length K. */
  states(): PopulationTrialState[];
  /** True when no trial is running any more. */
  isFinished(): boolean;
  /** Trains every running trial for one epoch and reads all results back at once (one readback). */
  runEpoch(): Promise<PopulationEpoch>;
  /** Takes a running trial out (early stopping by a schedule); its weights stay as they are. */
  stop(trialIndex: number): void;
  /** Each trial's current weights, unpadded: [trial][layer]. */
  readWeights(): Promise<LayerWeights[][]>;
  /** Trial k's weights after the epochs handed out so far (one small readback), or null when the trainer is already past them. */
  readTrialWeights(trialIndex: number): Promise<LayerWeights[] | null>;
  /** Frees every tensor of the population. */
  dispose(): void;
}

/** Creates a population of K compatible MLP trials; throws when they differ in structure. */
export function createPopulation(options: PopulationOptions): Population {
  return createStackedPopulation(options);
}

/** The rates PBT changes while a population trains (the rest of a trial's settings stay fixed). */
export interface PopulationRates {
  learningRate: number;
  l1: number;
  l2: number;
}

/** A TF.js population whose trials can copy each other (population-based training). */
export interface StackedPopulationApi extends Population {
  /** Trial k takes trial sources[k]'s weights, optimiser state and progress, then trains with rates[k]. */
  exploit(sources: number[], rates: PopulationRates[]): void;
}

/** Creates the TF.js population of K compatible MLP trials (the one that supports exploit). */
export function createStackedPopulation(options: PopulationOptions): StackedPopulationApi {
  checkTrials(options);
  return new StackedPopulation(options);
}

function checkTrials({ trials, classCount }: PopulationOptions): void {
  if (trials.length === 0) throw new Error('a population needs at least one trial');
  if (classCount === 1 || classCount < 0) throw new Error(`invalid classCount: ${classCount} (0 = regression, ≥ 2 = classes)`);
  const key = structureKey(trials[0].settings);
  for (const trial of trials) {
    if (trial.settings.kind !== 'mlp') throw new Error(`the population trainer trains MLPs, not ${trial.settings.kind}`);
    if (structureKey(trial.settings) !== key) {
      throw new Error(`trials differ in structure (${structureKey(trial.settings)} vs ${key}): put them in separate populations`);
    }
  }
}

/** K trials as stacked TF.js variables: one model, one optimiser, the data on the device, each trial's progress. */
class StackedPopulation implements StackedPopulationApi {
  readonly size: number;
  readonly #classCount: number;
  readonly #batchSize: number;
  readonly #model: StackedMlp;
  readonly #parameters: tf.Variable[];
  readonly #optimizer: StackedOptimizer;
  readonly #planner: EpochPlanner;
  readonly #data: PopulationData;
  readonly #progress: PopulationProgress;
  /** Per-trial penalty weights [K, 1, 1], or null when no trial uses that penalty. */
  #l1: tf.Tensor3D | null;
  #l2: tf.Tensor3D | null;
  #disposed = false;

  constructor(options: PopulationOptions) {
    const { featureCount, classCount, trials } = options;
    const settings = trials.map((trial) => trial.settings);
    this.size = trials.length;
    this.#classCount = classCount;
    this.#batchSize = settings[0].batchSize;
    const outputCount = classCount === 0 ? 1 : classCount;
    const hiddenUnits = settings.map(hiddenWidths);
    this.#model = createStackedMlp(
      trials.map((trial, k) => ({
        layerWidths: [featureCount, ...hiddenUnits[k], outputCount],
        initializer: trial.settings.initializer,
        seed: trial.seed,
        initialScale: trial.initialScale ?? 1,
      })),
      settings[0].activation,
    );
    this.#parameters = [...this.#model.kernels, ...this.#model.biases];
    this.#optimizer = createStackedOptimizer(this.#parameters, settings);
    this.#planner = createEpochPlanner(
      trials.map((trial, k) => ({ seed: trial.seed, hiddenUnits: hiddenUnits[k], dropout: trial.settings.dropout })),
      options.trainIndices,
      this.#model.paddedWidths.slice(1, -1),
    );
    this.#l1 = this.#penaltyColumn(settings.map((trial) => trial.l1));
    this.#l2 = this.#penaltyColumn(settings.map((trial) => trial.l2));
    this.#data = new PopulationData(options);
    // The loss of ignoring the inputs: a loss far above it has diverged, even in the first epoch.
    this.#progress = new PopulationProgress(settings, trainingBaseline(options));
  }

  states(): PopulationTrialState[] {
    return this.#progress.states();
  }

  isFinished(): boolean {
    return this.#progress.isFinished();
  }

  async runEpoch(): Promise<PopulationEpoch> {
    if (this.#disposed) throw new Error('the population was disposed');
    const wasRunning = Array.from({ length: this.size }, (_, k) => this.#progress.isRunning(k));
    const epochData = this.#data.epochData(this.#planner.next(), this.size, this.#model.paddedWidths);
    let summary: tf.Tensor1D | null = null;
    try {
      this.#trainEpoch(epochData);
      const { training, validation } = this.#data;
      summary = tf.tidy(() => tf.concat([this.#evaluate(training), this.#evaluate(validation)]) as tf.Tensor1D);
      // The one readback of the epoch, [4 * K]: train loss, train accuracy, validation loss, validation accuracy.
      const values = await summary.data();
      return { trials: wasRunning.map((running, k) => (running ? this.#progress.record(k, this.#reading(values, k)) : null)) };
    } finally {
      tf.dispose([epochData.inputs, epochData.targets, ...(epochData.masks ?? [])]);
      summary?.dispose();
      const diverged = this.states().map((state, k) => wasRunning[k] && state === 'diverged');
      if (diverged.some(Boolean)) this.#resetDiverged(diverged);
      this.#setActive();
    }
  }

  stop(trialIndex: number): void {
    if (trialIndex < 0 || trialIndex >= this.size) throw new Error(`invalid trial index: ${trialIndex}`);
    if (this.#progress.stop(trialIndex)) this.#setActive();
  }

  exploit(sources: number[], rates: PopulationRates[]): void {
    if (sources.length !== this.size || rates.length !== this.size) throw new Error(`invalid exploit: ${sources.length} sources for ${this.size} trials`);
    tf.tidy(() => {
      const index = tf.tensor1d(sources, 'int32');
      for (const parameter of this.#parameters) parameter.assign(tf.gather(parameter, index));
    });
    this.#optimizer.copyTrials(sources, rates.map((rate) => rate.learningRate));
    this.#progress.adopt(sources);
    tf.dispose([...(this.#l1 ? [this.#l1] : []), ...(this.#l2 ? [this.#l2] : [])]);
    this.#l1 = this.#penaltyColumn(rates.map((rate) => rate.l1));
    this.#l2 = this.#penaltyColumn(rates.map((rate) => rate.l2));
    this.#setActive();
  }

  readWeights(): Promise<LayerWeights[][]> {
    return this.#model.read();
  }

  readTrialWeights(trialIndex: number): Promise<LayerWeights[] | null> {
    return this.#model.readTrial(trialIndex);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#model.dispose();
    this.#optimizer.dispose();
    this.#data.dispose();
    tf.dispose([...(this.#l1 ? [this.#l1] : []), ...(this.#l2 ? [this.#l2] : [])]);
  }

  /** One pass over this epoch's examples in batches, every trial one step per batch. */
  #trainEpoch(epochData: EpochData): void {
    const trainCount = this.#data.training.rowCount;
    for (let start = 0; start < trainCount; start += this.#batchSize) {
      const size = Math.min(this.#batchSize, trainCount - start);
      tf.tidy(() => {
        const slice3 = (tensor: tf.Tensor3D) => tf.slice(tensor, [0, start, 0], [this.size, size, -1]);
        const masks = epochData.masks?.map(slice3) ?? null;
        this.#trainStep(slice3(epochData.inputs), slice3(epochData.targets), masks);
      });
    }
  }

  #trainStep(inputs: tf.Tensor3D, targets: tf.Tensor3D, masks: tf.Tensor3D[] | null): void {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const penalty = weightPenalty(this.#model.kernels, this.#l1, this.#l2);
        const loss = dataLoss(this.#model.apply(inputs, masks), targets, this.#classCount);
        // Trials are independent, so the gradient of the sum is each trial's own gradient.
        return tf.sum(penalty ? tf.add(loss, penalty) : loss);
      }, this.#parameters);
      this.#optimizer.applyGradients(this.#parameters.map((parameter) => grads[parameter.name]));
    });
  }

  /** Data loss and accuracy of every trial on one evaluation set → [2 * K]. */
  #evaluate(set: EvaluationSet): tf.Tensor1D {
    const outputs = this.#model.apply(set.inputs, null);
    const loss = dataLoss(outputs, set.targets, this.#classCount);
    const accuracy = this.#classCount > 0 ? tf.div(correctCount(outputs, set.labels), set.rowCount) : tf.zeros([this.size]);
    return tf.concat([loss, accuracy]) as tf.Tensor1D;
  }

  /** Trial k's numbers from the readback [train loss, train accuracy, validation loss, validation accuracy] × K. */
  #reading(values: ArrayLike<number>, k: number): PopulationReading {
    const reading: PopulationReading = { trainLoss: values[k], validationLoss: values[2 * this.size + k] };
    if (this.#classCount > 0) {
      reading.trainAccuracy = values[this.size + k];
      reading.validationAccuracy = values[3 * this.size + k];
    }
    return reading;
  }

  /** Per-trial penalty weights [K, 1, 1], or null when no trial uses that penalty. */
  #penaltyColumn(values: number[]): tf.Tensor3D | null {
    return values.some((value) => value > 0) ? tf.tensor3d(values, [this.size, 1, 1]) : null;
  }

  #setActive(): void {
    this.#optimizer.setActive(this.states().map((state) => state === 'running'));
  }

  // A diverged trial's weights hold NaN/Inf; zero them and its optimiser state so that, frozen
  // with a step of 0, it computes finite values and 0 · NaN never appears in its updates.
  #resetDiverged(diverged: boolean[]): void {
    tf.tidy(() => {
      const keep = tf.tensor1d(diverged.map((isDiverged) => (isDiverged ? 0 : 1)), 'bool');
      for (const parameter of this.#parameters) {
        const mask = tf.broadcastTo(tf.reshape(keep, [this.size, 1, 1]), parameter.shape);
        parameter.assign(tf.where(mask, parameter, tf.zerosLike(parameter)));
      }
    });
    this.#optimizer.resetTrials(diverged);
  }
}
