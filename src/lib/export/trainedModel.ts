/**
 * A trained trial's model as files tf.loadLayersModel reads: model.json (the topology TF.js saved,
 * a weights manifest naming the .bin file, and notes on what the inputs and outputs are) and the
 * weights' bytes. Serving both from one folder and calling tf.loadLayersModel('…/model.json'), or
 * picking both with tf.io.browserFiles, loads the same network back.
 */
import type { ModelArtifacts } from '../core/networkWeights';

/** What the model.json says about the model beside its topology. */
export interface TrainedModelNotes {
  /** How the page names the trial, e.g. "trial 7". */
  trial: string;
  /** The dataset and its task. */
  dataset: string;
  task: 'classification' | 'regression';
  /** Validation loss of the kept epoch, as the page measured it. */
  validationLoss?: number;
  /** Ridge models take polynomial features (each input's powers 1..degree), not the raw inputs. */
  polynomialDegree?: number;
}

/** The two files of a trained model: model.json's text and the weights' bytes, with their names. */
export interface TrainedModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
  weightsName: string;
}

/** model.json and weights for `artifacts`; `baseName` names the weights file (e.g. "trial-7" → trial-7.weights.bin). */
export function trainedModelFiles(artifacts: ModelArtifacts, notes: TrainedModelNotes, baseName: string): TrainedModelFiles {
  const weightsName = `${baseName}.weights.bin`;
  const inputs = notes.polynomialDegree
    ? `polynomial features: each input's powers 1..${notes.polynomialDegree}, input by input`
    : 'the raw input columns, as in the dataset';
  const outputs = notes.task === 'classification' ? 'logits (apply tf.softmax for class probabilities)' : 'the predicted value';
  const json = {
    format: 'layers-model',
    generatedBy: 'Tuning Playground',
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs }],
    userDefinedMetadata: {
      trial: notes.trial,
      dataset: notes.dataset,
      task: notes.task,
      inputs,
      outputs,
      ...(notes.validationLoss !== undefined && Number.isFinite(notes.validationLoss) ? { validationLoss: notes.validationLoss } : {}),
    },
  };
  return { modelJson: JSON.stringify(json, null, 1), weights: artifacts.weightData, weightsName };
}
