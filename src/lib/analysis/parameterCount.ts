/**
 * Trainable parameters of a trial's model, a cost for the Pareto view beside time and epochs:
 * an MLP's dense layers (weights and biases: Σ (inputs + 1) · outputs), or ridge regression's one
 * linear layer on polynomial features (each input's powers 1..degree, no cross terms, as
 * training/mlp.ts builds them).
 */
import type { ModelSettings } from '../core/modelSettings';

/** Trainable parameters of a model with these settings, for `inputs` features and `outputs` units (classes, or 1). */
export function parameterCount(settings: Pick<ModelSettings, 'kind' | 'hiddenLayers' | 'units' | 'degree'>, inputs: number, outputs: number): number {
  if (settings.kind === 'ridge') return (inputs * settings.degree + 1) * outputs;
  let count = 0;
  let width = inputs;
  for (let layer = 0; layer < settings.hiddenLayers; layer++) {
    count += (width + 1) * settings.units;
    width = settings.units;
  }
  return count + (width + 1) * outputs;
}
