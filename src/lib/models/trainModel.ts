/**
 * Trains any classic model family by kind name: step by step (a generator the worker can pause
 * between steps and stop, as an early-stopping schedule does) or to the end, with the learning
 * curve as EpochRecords in the MLP's units.
 */
import type { EpochRecord } from '../core/trial';
import type { ClassicModelKind, FittedModel, TrainingStep } from './fittedModel';
import { modelFamily, type ModelOptionsByKind } from './modelFamilies';
import type { FeatureTable } from './table';

/** A trained model and its learning curve. */
export interface TrainedModel {
  /** The model after the last step taken. */
  model: FittedModel;
  /** One record per step, in order, numbered from 1. */
  epochs: EpochRecord[];
}

/** The family's defaults with `options` laid over them. */
export function modelOptions<Kind extends ClassicModelKind>(kind: Kind, options: Partial<ModelOptionsByKind[Kind]> = {}): ModelOptionsByKind[Kind] {
  return { ...modelFamily(kind).defaults, ...options };
}

/** The training steps of model `kind` (defaults overridden by `options`), seeded; returns the final model. */
export function trainModelSteps<Kind extends ClassicModelKind>(
  kind: Kind, train: FeatureTable, validation: FeatureTable, options: Partial<ModelOptionsByKind[Kind]>, seed: number,
): Generator<TrainingStep, FittedModel> {
  return modelFamily(kind).steps(train, validation, modelOptions(kind, options), seed);
}

/**
 * Trains model `kind` to the end, or until `onStep` returns false (then the model is the one after
 * that step). Returns the model and its curve.
 */
export function trainModel<Kind extends ClassicModelKind>(
  kind: Kind, train: FeatureTable, validation: FeatureTable, options: Partial<ModelOptionsByKind[Kind]>, seed: number,
  onStep?: (step: TrainingStep) => boolean | void,
): TrainedModel {
  const steps = trainModelSteps(kind, train, validation, options, seed);
  const epochs: EpochRecord[] = [];
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return { model: next.value, epochs };
    epochs.push(next.value.record);
    if (onStep?.(next.value) === false) {
      steps.return(next.value.model);
      return { model: next.value.model, epochs };
    }
  }
}
