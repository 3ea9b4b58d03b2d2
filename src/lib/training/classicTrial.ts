/**
 * Trains one trial of a classic family (linear, tree, forest, boosting, k-NN) on the CPU with the
 * pure models of src/lib/models, step by step: each boosting round, forest tree or solver pass is
 * an epoch record, so curves, early-stopping schedules and the diagnosis treat it like the MLP's.
 * Between steps it yields to the worker's event loop, so a Stop is heard.
 */
import * as tf from './tf';
import { familyUses } from '../core/familySettings';
import type { ModelSettings } from '../core/modelSettings';
import type { EpochRecord, TrainingEnd } from '../core/trial';
import type { TrialData } from '../core/trialInputs';
import type { ClassicModelKind, FittedModel } from '../models/fittedModel';
import { familyOptions } from '../models/familyOptions';
import { type FeatureTable } from '../models/table';
import { trainModelSteps } from '../models/trainModel';
import type { TrainedModel } from './soloTrial';
import { yieldToEventLoop } from './eventLoop';

type TrialEnd = Exclude<TrainingEnd, 'failed'>;

/** What trainTrial passes on (its own options, named here so the two files don't import each other). */
export interface ClassicTrialOptions {
  data: TrialData;
  settings: ModelSettings;
  seed: number;
  onEpoch?: (record: EpochRecord, model: TrainedModel) => void | 'stop' | Promise<void | 'stop'>;
  shouldAbort?: () => boolean;
}

/** A trained classic trial, in trainTrial's shape. */
export interface ClassicTrial {
  epochs: EpochRecord[];
  end: TrialEnd;
  keptEpoch: number;
  model: TrainedModel;
}

/** The rows `indices` of a trial's data as a FeatureTable. */
export function tableOf(data: TrialData, indices: ArrayLike<number>): FeatureTable {
  const { featureCount } = data;
  const features = new Float32Array(indices.length * featureCount);
  const targets = new Float32Array(indices.length);
  for (let position = 0; position < indices.length; position++) {
    const row = indices[position];
    features.set(data.features.subarray(row * featureCount, (row + 1) * featureCount), position * featureCount);
    targets[position] = data.targets[row];
  }
  return { task: data.classCount > 0 ? 'classification' : 'regression', size: indices.length, featureCount, classCount: data.classCount, features, targets };
}

/** A fitted classic model behind the TF.js model interface the worker probes: probabilities [rows, classes] or values [rows, 1]. */
export function asTrainedModel(model: FittedModel): TrainedModel {
  const width = model.classCount > 0 ? model.classCount : 1;
  return {
    predict: (rows) => {
      const outputs = model.outputs(rows);
      return tf.tensor2d(Float32Array.from(outputs), [outputs.length / width, width]);
    },
    dispose: () => undefined,
  };
}

/** How long (ms) steps may run back to back before the loop yields. */
const yieldEveryMs = 30;

/** Trains a classic-family trial; its end and kept step follow the MLP's rules (stop, patience with restored best step). */
export async function trainClassicTrial(kind: ClassicModelKind, options: ClassicTrialOptions): Promise<ClassicTrial> {
  const { data, settings, seed, onEpoch, shouldAbort } = options;
  const train = tableOf(data, data.trainIndices);
  const validation = tableOf(data, data.validationIndices);
  const steps = trainModelSteps(kind, train, validation, familyOptions(kind, settings), seed);
  const patience = familyUses(kind, 'patience') ? settings.patience : 0;
  const epochs: EpochRecord[] = [];
  let model: FittedModel | null = null;
  let best = { epoch: 0, loss: Infinity, model: null as FittedModel | null };
  let end: TrialEnd = 'complete';
  let lastYield = performance.now();
  try {
    for (let next = steps.next(); !next.done; next = steps.next()) {
      const { record } = next.value;
      model = next.value.model;
      epochs.push(record);
      if (record.validationLoss < best.loss) best = { epoch: record.epoch, loss: record.validationLoss, model };
      if ((await onEpoch?.(record, asTrainedModel(model))) === 'stop') {
        end = 'stopped';
        break;
      }
      if (patience > 0 && record.epoch - best.epoch >= patience) {
        end = 'early-stopped';
        break;
      }
      if (performance.now() - lastYield > yieldEveryMs) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      if (shouldAbort?.()) {
        end = 'stopped';
        break;
      }
    }
  } finally {
    steps.return(model as FittedModel);
  }
  if (!model) throw new Error('the model took no training step');
  const restore = end === 'early-stopped' && settings.restoreBestWeights && best.model !== null;
  const kept = restore ? (best.model as FittedModel) : model;
  return { epochs, end, keptEpoch: restore ? best.epoch : epochs.length, model: asTrainedModel(kept) };
}
