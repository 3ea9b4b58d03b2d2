/**
 * "Fastest available", decided from measurements: given each usable backend's measured training
 * rate on the workload's shape, pick the fastest and say why in one plain sentence. Pure, so the
 * rule is unit-tested; the measuring lives in training/calibrate.ts.
 */
import { backendLabels, type BackendName } from './backendNames';

/** A way to train: a TF.js backend, or the fused WebGPU kernel (searches only). */
export type Candidate = BackendName | 'fused';

/** One backend's calibration: its steady training rate, its one-off start cost, or why it could not run. */
export interface Measurement {
  candidate: Candidate;
  /** Steady trial-epochs per second on the workload's shape (epochs after the first); 0 when it failed. */
  rate: number;
  /** One-off cost (ms) before steady training: building the trainer, compiling (the fused kernel's pipeline, TF.js's shaders) and the first epoch's extra time. Paid once per page. */
  fixedMs?: number;
  /** True when its slice ended before a steady epoch: `rate` is then an upper bound, and it can't win against an exact measurement. */
  bound?: boolean;
  /** Why it could not run (then rate is 0). */
  error?: string;
  /** Its kernel's predicted compile time (ms), when that alone ruled it out before anything was compiled. */
  compileMs?: number;
  /** Milliseconds its backend start-up took, and its measuring (for the record; not used to decide). */
  startMs?: number;
  measureMs?: number;
}

/** What the calibration is for: hand-training one model, or a search wave of several trials. */
export interface Workload {
  /** Trials trained together (1 for hand-training). */
  trials: number;
  /** Trial-epochs the job will train (trials × epochs): the one-off cost is weighed against this. */
  trialEpochs: number;
  /** True when the WebGPU adapter is a software one (SwiftShader, a fallback adapter). */
  softwareAdapter: boolean;
}

/** Predicted wall time (ms) of `trialEpochs` on a measured candidate: its one-off cost plus the steady epochs. */
export function predictedMs(measurement: Measurement, trialEpochs: number): number {
  if (measurement.error || !(measurement.rate > 0)) return Infinity;
  return (measurement.fixedMs ?? 0) + (1000 * trialEpochs) / measurement.rate;
}

/** The decision: which candidate trains, on which TF.js backend, and the sentence for the page. */
export interface BackendDecision {
  candidate: Candidate;
  /** The TF.js backend to activate ('webgpu' for the fused kernel). */
  backend: BackendName;
  reason: string;
}

/** A decision as the page hears it: for which workload, the measurements behind it, and what it cost. */
export interface CalibratedChoice {
  /** Trials trained together (1 = hand-training). */
  trials: number;
  /** Trial-epochs the decision was made for. */
  trialEpochs: number;
  decision: BackendDecision;
  measurements: Measurement[];
  /** Cache key (shape bucket and adapter). */
  key: string;
  /** True when the measurements came from the page's cache (no calibration ran). */
  cached: boolean;
  /** Wall time of the calibration, backend start-ups included (0 when cached). */
  elapsedMs: number;
  /** The part of elapsedMs that was one-off (backend start-ups, compiles, first epochs' extra), paid once per page; the rest is the calibration's own. */
  oneOffMs: number;
  /** Why the fused kernel could not take this search (null when it could, or WebGPU did not run). */
  fusedFallback: string | null;
}

/**
 * The backend the status line shows after a new hand-training decision: where the line gave the
 * previous hand-training decision's reason and the new one keeps that backend, the new reason (a
 * later calibration, for another dataset or model size, has its own figures, and the line must
 * not keep an earlier job's); any other reason (a restart after a lost GPU, a forced choice) stays.
 */
export function followHandChoice<T extends { name: BackendName; reason: string }>(shown: T | null, previous: CalibratedChoice | null, next: CalibratedChoice): T | null {
  if (!shown || !previous || shown.reason !== previous.decision.reason || next.decision.backend !== shown.name) return shown;
  return { ...shown, reason: next.decision.reason };
}

/** Human name of a candidate. */
export function candidateLabel(candidate: Candidate): string {
  return candidate === 'fused' ? 'fused WebGPU' : backendLabels[candidate];
}

/** A speed ratio as people say it: "40×", "2.5×". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'far';
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}

const usesWebGPU = (candidate: Candidate) => candidate === 'webgpu' || candidate === 'fused';

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * Picks the candidate with the shortest predicted time for the workload (one-off cost plus steady
 * epochs; ties go to the earlier one; an upper-bound measurement only wins where nothing measured
 * exactly) and explains the pick against the runner-up, or against WebGPU when WebGPU lost because
 * its adapter is software.
 */
export function decideBackend(measurements: readonly Measurement[], workload: Workload): BackendDecision {
  const usable = measurements.filter((entry) => !entry.error && entry.rate > 0);
  if (usable.length === 0) throw new Error('no backend could train in the calibration');
  const exact = usable.filter((entry) => !entry.bound);
  const time = (entry: Measurement) => predictedMs(entry, workload.trialEpochs);
  let best = (exact.length > 0 ? exact : usable)[0];
  for (const entry of exact.length > 0 ? exact : usable) if (time(entry) < time(best)) best = entry;
  const backend: BackendName = best.candidate === 'fused' ? 'webgpu' : best.candidate;
  const label = candidateLabel(best.candidate);
  const job = workload.trials > 1 ? `for this search (${workload.trials} trials at once)` : 'for hand-training';
  const others = usable.filter((entry) => entry !== best);
  // A trainer ruled out by its predicted compile: the reason is the comparison, not a failure.
  const ruledOut = measurements.find((entry) => entry.compileMs !== undefined);
  if (others.length === 0 && ruledOut?.compileMs !== undefined) {
    const software = workload.softwareAdapter && usesWebGPU(ruledOut.candidate) ? 'WebGPU here is a software adapter: ' : '';
    const kernels = ruledOut.candidate === 'fused' ? 'the fused WebGPU kernel' : `TF.js's ${candidateLabel(ruledOut.candidate)} kernels`;
    return { candidate: best.candidate, backend, reason: `${software}${label} ${job}: compiling ${kernels} would take about ${seconds(ruledOut.compileMs)} here, longer than the whole job takes on ${label} (${seconds(time(best))})` };
  }
  if (others.length === 0) return { candidate: best.candidate, backend, reason: `only ${label} could train here (${measurements.filter((entry) => entry.error).map((entry) => `${candidateLabel(entry.candidate)}: ${entry.error}`).join('; ')})` };
  // Against a backend that had no epoch within its wait there is no ratio to give, only that fact.
  const faster = (other: Measurement) => (other.bound ? `faster ${job} (${candidateLabel(other.candidate)} had not finished an epoch within the calibration's wait)` : `${formatRatio(time(other) / time(best))} faster ${job}`);
  // A faster trainer that lost only by its one-off cost: say so, it is the surprise.
  const outweighed = (other: Measurement) => (other.rate > best.rate && !other.bound ? `; ${candidateLabel(other.candidate)}'s one-off ${seconds(other.fixedMs ?? 0)} start outweighs so short a job` : '');
  const gpu = others.find((entry) => usesWebGPU(entry.candidate));
  if (!usesWebGPU(best.candidate) && gpu && workload.softwareAdapter) {
    return { candidate: best.candidate, backend, reason: `WebGPU here is a software adapter: ${label} is ${faster(gpu)}${outweighed(gpu)}` };
  }
  let runnerUp = others[0];
  for (const entry of others) if (time(entry) < time(runnerUp)) runnerUp = entry;
  // Where WebGPU could not even start, that comes first: it is the first thing a person would ask.
  const gpuFailure = usesWebGPU(best.candidate) ? undefined : measurements.find((entry) => usesWebGPU(entry.candidate) && entry.error);
  const prefix = gpuFailure ? `${gpuFailure.error}; ` : '';
  return { candidate: best.candidate, backend, reason: `${prefix}${label}: ${runnerUp.bound ? faster(runnerUp) : `${formatRatio(time(runnerUp) / time(best))} faster than ${candidateLabel(runnerUp.candidate)} ${job}`}${outweighed(runnerUp)}` };
}

/** The power of `base` at or above n (1, base, base², …): calibrations are shared within such buckets. */
function bucket(n: number, base = 2): number {
  return base ** Math.ceil(Math.log(Math.max(1, n)) / Math.log(base) - 1e-9);
}

/** The model size and trial count a calibration stands for. */
export interface WorkloadShape {
  trials: number;
  /** Weights and biases of one model. */
  parameters: number;
  /** Training rows per epoch. */
  rows: number;
  /** Rows per gradient step. */
  batchSize: number;
  /** Hypergradient trials among them (timed the way they train: one by one on TF.js, together only on the fused kernel). */
  hypergradient?: boolean;
}

/**
 * Cache key of a calibration: the shape's buckets (trials and steps per epoch by powers of two,
 * parameters by powers of 16, so a search's waves of differently sized models share one) and the adapter.
 */
export function calibrationKey(shape: WorkloadShape, adapter: string): string {
  const steps = Math.ceil(shape.rows / Math.max(1, shape.batchSize));
  return `k${bucket(shape.trials)}-p${bucket(shape.parameters, 16)}-s${bucket(steps)}${shape.hypergradient ? '-hd' : ''}|${adapter}`;
}

/** Parameters of an MLP with these layer sizes (inputs, hidden…, outputs). */
export function mlpParameters(featureCount: number, hiddenLayers: number, units: number, outputs: number): number {
  const sizes = [featureCount, ...new Array<number>(hiddenLayers).fill(units), outputs];
  let total = 0;
  for (let layer = 1; layer < sizes.length; layer++) total += (sizes[layer - 1] + 1) * sizes[layer];
  return total;
}
