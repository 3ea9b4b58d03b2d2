/**
 * "Fastest available" in the trainer worker: before a workload trains, finds its calibration (the
 * page's cache, keyed by shape bucket and adapter, or a fresh measurement), decides, and
 * activates the chosen backend. Hand-training (one trial) and search waves decide separately.
 */
import { parameterCount } from '../analysis/parameterCount';
import { calibrationKey, decideBackend, type CalibratedChoice, type Measurement } from '../core/backendDecision';

export type { CalibratedChoice } from '../core/backendDecision';
import { defaultModelSettings, hiddenWidths, isHypergradient, type ModelSettings } from '../core/modelSettings';
import type { TrialData } from '../core/trialInputs';
import { spiral } from '../datasets/spiral';
import { activateBackend, describeAdapter, discardWebGPU, type BackendHints } from '../training/backend';
import { calibrate, workloadTrialEpochs, type CalibrationWorkload } from '../training/calibrate';


/** The workload the page's hand-training starts with: the default model on a 400-point spiral. */
export function defaultWorkload(): CalibrationWorkload {
  const data = spiral({ samples: 400, noise: 0.1, seed: 1 });
  const rows = Array.from({ length: data.size }, (_, index) => index);
  const trialData: TrialData = {
    features: data.features,
    targets: data.targets,
    featureCount: data.featureCount,
    classCount: data.classCount,
    trainIndices: rows.filter((row) => row % 5 !== 0),
    validationIndices: rows.filter((row) => row % 5 === 0),
  };
  return { data: trialData, trials: [{ settings: defaultModelSettings, seed: 1 }] };
}

function shapeKey(workload: CalibrationWorkload, adapter: string): string {
  const hiddenUnits = (settings: ModelSettings) => hiddenWidths(settings).reduce((sum, width) => sum + width, 0);
  const widest = workload.trials.reduce<ModelSettings>((wide, { settings }) => (hiddenUnits(settings) > hiddenUnits(wide) ? settings : wide), workload.trials[0].settings);
  const { featureCount, classCount, trainIndices } = workload.data;
  return calibrationKey({
    trials: workload.trials.length,
    parameters: parameterCount({ ...widest, kind: 'mlp' }, featureCount, Math.max(1, classCount)),
    rows: trainIndices.length,
    batchSize: widest.batchSize,
    hypergradient: workload.trials.some(({ settings }) => isHypergradient(settings.optimizer)),
  }, adapter);
}

/** Decides per workload and keeps the backend the decision names active. */
export class AutoBackend {
  readonly #hints: BackendHints;
  readonly #cache: Record<string, Measurement[]>;
  /** Calibrations of this page, by shape key (elapsed and one-off ms; cached ones are 0). */
  readonly #measured = new Map<string, { cached: boolean; elapsedMs: number; oneOffMs: number; fusedFallback: string | null }>();
  readonly #choices = new Map<string, CalibratedChoice>();

  readonly #onLate: (choice: CalibratedChoice) => void;

  /**
   * `cache`: calibrations the page kept from earlier visits, by key. `onLate` hears a shape's
   * choice again when the fused kernel's figures arrive after its job started (measured on in the
   * background): the page keeps them, and the next wave of that shape decides on them.
   */
  constructor(hints: BackendHints, cache: Record<string, Measurement[]>, onLate: (choice: CalibratedChoice) => void = () => {}) {
    this.#hints = hints;
    this.#cache = cache;
    this.#onLate = onLate;
  }

  /** Puts the fused kernel's late figures in place of its bound, forgets the choices made on the bound, and tells the page. */
  #late(key: string, late: Measurement, trials: number, trialEpochs: number, software: boolean): void {
    const measurements = this.#cache[key];
    const measured = this.#measured.get(key);
    const index = measurements?.findIndex((entry) => entry.candidate === 'fused' && entry.bound) ?? -1;
    if (!measurements || !measured || index < 0) return;
    measurements[index] = late;
    for (const other of [...this.#choices.keys()]) if (other.startsWith(`${key}|`)) this.#choices.delete(other);
    const decision = decideBackend(measurements, { trials, trialEpochs, softwareAdapter: software });
    this.#onLate({ trials, trialEpochs, decision, measurements, key, ...measured });
  }

  /**
   * Activates the fastest backend for this workload (predicted time of its trial-epochs); returns
   * its choice, and whether it is new (the page hears new choices). Workloads without an MLP keep
   * the current backend (null). A shape is measured once; each job length is decided on it.
   */
  async prepare(workload: CalibrationWorkload): Promise<{ choice: CalibratedChoice; fresh: boolean } | null> {
    // Hypergradient trials are timed as they will train (calibrate's tfjsTiming), under a key of their own.
    const mlp = workload.trials.filter(({ settings }) => settings.kind === 'mlp');
    if (mlp.length === 0) return null;
    const shaped = { ...workload, trials: mlp };
    const adapter = await describeAdapter(this.#hints);
    const key = shapeKey(shaped, adapter.name);
    const trialEpochs = workloadTrialEpochs(shaped);
    const choiceKey = `${key}|${trialEpochs}`;
    let choice = this.#choices.get(choiceKey);
    const fresh = !choice;
    if (!choice) {
      let measured = this.#measured.get(key);
      if (!measured || !this.#cache[key]) {
        const cached = this.#cache[key];
        const onLate = (late: Measurement) => this.#late(key, late, mlp.length, trialEpochs, adapter.software);
        const calibration = cached ? { measurements: cached, elapsedMs: 0, oneOffMs: 0, fusedFallback: null } : await calibrate(shaped, this.#hints, { onLate });
        this.#cache[key] = calibration.measurements;
        measured = { cached: Boolean(cached), elapsedMs: calibration.elapsedMs, oneOffMs: calibration.oneOffMs, fusedFallback: calibration.fusedFallback };
        this.#measured.set(key, measured);
      }
      const measurements = this.#cache[key];
      const decision = decideBackend(measurements, { trials: mlp.length, trialEpochs, softwareAdapter: adapter.software });
      choice = { trials: mlp.length, trialEpochs, decision, measurements, key, ...measured };
      this.#choices.set(choiceKey, choice);
    }
    try {
      await activateBackend(choice.decision.backend, this.#hints);
      // TF.js's WebGPU that lost, cut short with its work still queued: drop that work with its
      // device. (A fused kernel cut short is measured on in the background; TF.js never ran on it.)
      if (fresh && !choice.cached && choice.decision.backend !== 'webgpu' && choice.measurements.some((entry) => entry.bound && entry.candidate === 'webgpu')) discardWebGPU();
    } catch (error) {
      // A cached winner that no longer starts (a GPU gone since): measure again, once.
      if (!choice.cached) throw error;
      delete this.#cache[key];
      this.#measured.delete(key);
      for (const other of [...this.#choices.keys()]) if (other.startsWith(`${key}|`)) this.#choices.delete(other);
      return this.prepare(workload);
    }
    return { choice, fresh };
  }
}
