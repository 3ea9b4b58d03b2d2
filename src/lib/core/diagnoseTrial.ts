/**
 * The diagnosis of a trial that has ended, with its state and settings as context: the trainer
 * stops a diverging trial at once (often after one epoch, with a loss far above the baseline),
 * which the curve alone would call "not converged", and a schedule prunes trials on purpose.
 */
import { diagnose, type DiagnoseOptions, type Diagnosis } from './diagnose';
import type { DiagnosisSettings } from './diagnosisContext';
import { diagnoseFamily } from './familyDiagnosis';
import { isNetworkKind } from './familySettings';
import type { ModelSettings } from './modelSettings';
import type { EpochRecord, TrialState } from './trial';

/** diagnose(epochs) with the trial's state: a trial the trainer ended as diverged is labelled diverged, a pruned one "pruned". */
export function diagnoseTrial(epochs: readonly EpochRecord[], state: TrialState | 'stopped', options: DiagnoseOptions = {}): Diagnosis {
  if (options.kind !== undefined && !isNetworkKind(options.kind)) return diagnoseFamily(epochs, { ...options, state });
  return diagnose(epochs, { ...options, state });
}

/**
 * The diagnosis context of a search trial: the study's base settings with the trial's searched
 * values laid over them (only names the settings know), plus the training rows' count.
 */
export function trialContext(base: Partial<ModelSettings> | undefined, params: Readonly<Record<string, number | string>> = {}, trainingSamples?: number): DiagnosisSettings {
  const settings: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(params)) {
    if (base === undefined || Object.hasOwn(base, name)) settings[name] = value;
  }
  const { optimizer, learningRate, momentum, kind, hiddenLayers, units, l1, l2, dropout, batchSize, epochs, patience } = settings as Partial<ModelSettings>;
  const { maxDepth, minSamplesLeaf, neighbors, alpha, degree } = settings as Partial<ModelSettings>;
  const family = kind !== undefined && !isNetworkKind(kind) ? { maxDepth, minSamplesLeaf, neighbors, alpha, degree } : {};
  const context: DiagnosisSettings = { optimizer, learningRate, momentum, kind, hiddenLayers, units, l1, l2, dropout, batchSize, epochs, patience, trainingSamples, ...family };
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)) as DiagnosisSettings;
}
