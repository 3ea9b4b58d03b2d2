/**
 * Measures each usable backend on the workload itself (its data, its model, its trial count) for
 * a slice of a short budget, so "fastest available" is a measurement rather than a guess. One
 * trial trains as hand-training does (trainTrial); several as a search wave does (a population:
 * on WebGPU the fused kernel where supportsFused allows, else TF.js's population).
 */
import * as tf from './tf';
import type { BackendName } from '../core/backendNames';
import { predictedMs, type Measurement } from '../core/backendDecision';
import type { ModelSettings } from '../core/modelSettings';
import type { TrialData } from '../core/trialInputs';
import { activateBackend, type BackendHints } from './backend';
import { choosePopulation } from './fused/choosePopulation';
import { trainTrial } from './trainTrial';

/** What to calibrate on: the data and the trials that will train together. */
export interface CalibrationWorkload {
  data: TrialData;
  trials: { settings: ModelSettings; seed: number }[];
}

/** The calibration's result: one measurement per backend, its wall time, and why the fused kernel was not used. */
export interface Calibration {
  measurements: Measurement[];
  /** Wall time of the whole calibration, backend start-ups included (ms). */
  elapsedMs: number;
  /** The one-off part of elapsedMs (backend start-ups, compiles, first epochs' extra): paid once per page whatever is measured. */
  oneOffMs: number;
  /** Why WebGPU measured TF.js's population instead of the fused kernel (null when fused ran or WebGPU did not). */
  fusedFallback: string | null;
}

/** Steady-epoch measuring time shared by the backends (ms); one-off costs are measured apart and not included. */
export const calibrationBudgetMs = 400;

/** WASM and CPU first, WebGPU last, so work a slow GPU still has queued when its slice ends cannot slow the others' slices. */
const order: readonly BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu'];

/** Longest wait for a first epoch (one-off costs included), and for the first steady one, while no backend has measured yet (ms). */
const firstEpochCapMs = 20_000;
const steadyEpochCapMs = 5_000;

/** How long one backend is measured: its slice of steady epochs, and how long to wait for the first epoch and the first steady one. */
interface Limits {
  sliceMs: number;
  firstWaitMs: number;
  /** Given the first epoch's duration: how long to wait for one steady epoch. */
  steadyWaitMs: (firstMs: number) => number;
}

/**
 * Trains through `run` and times it: the first epoch carries the one-off costs (building the
 * trainer, compiling, the first dispatch); the epochs after it in the slice give the steady rate,
 * and the one-off cost is the first epoch less one steady epoch. A run that has no first epoch, or
 * no steady one, by its wait gets an upper-bound rate (`bound`).
 */
async function measure(run: (epochDone: () => boolean, aborted: () => boolean) => Promise<void>, trials: number, limits: Limits): Promise<Pick<Measurement, 'rate' | 'fixedMs' | 'bound'>> {
  const started = performance.now();
  const stamps: number[] = [];
  let stopped = false;
  let finished = false;
  let sliceEnd = Infinity;
  let notify: () => void = () => {};
  const epochDone = () => {
    stamps.push(performance.now());
    notify();
    return !stopped && !(stamps.length >= 2 && performance.now() >= sliceEnd);
  };
  void run(epochDone, () => stopped).catch(() => undefined).finally(() => {
    finished = true;
    notify();
  });
  const waitUntil = async (done: () => boolean, deadline: number) => {
    while (!done() && !finished && performance.now() < deadline) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        notify = resolve;
        timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
      });
      clearTimeout(timer);
    }
  };
  await waitUntil(() => stamps.length >= 1, started + limits.firstWaitMs);
  if (stamps.length === 0) {
    // Not one epoch yet: the slow backend's work goes on in the background and is dropped.
    stopped = true;
    return { rate: (trials * 1000) / (performance.now() - started), fixedMs: 0, bound: true };
  }
  const first = stamps[0];
  sliceEnd = first + limits.sliceMs;
  await waitUntil(() => stamps.length >= 2, first + Math.max(limits.sliceMs, limits.steadyWaitMs(first - started)));
  await waitUntil(() => performance.now() >= sliceEnd, sliceEnd);
  stopped = true;
  if (stamps.length < 2) return { rate: (trials * 1000) / (performance.now() - first), fixedMs: 0, bound: true };
  // The run stops at its next epoch's end; an epoch it finishes meanwhile counts too.
  await waitUntil(() => finished, performance.now() + (stamps[stamps.length - 1] - first) / (stamps.length - 1));
  const steadyMs = (stamps[stamps.length - 1] - first) / (stamps.length - 1);
  return { rate: (trials * 1000) / steadyMs, fixedMs: Math.max(0, first - started - steadyMs) };
}

/** Set once WebGL's renderer was found to be software in this page (its error for later calibrations). */
let softwareWebGL: string | null = null;

const endless = (settings: ModelSettings): ModelSettings => ({ ...settings, epochs: 10_000, patience: 0 });

/** The renderer behind TF.js's WebGL backend (e.g. "… SwiftShader …"), or '' when it can't be read. */
function webglRenderer(): string {
  const gl = (tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

/** Hand-training's way: one trainTrial, stopped after the slice. */
function soloRun(workload: CalibrationWorkload) {
  const [{ settings, seed }] = workload.trials;
  return async (epochDone: () => boolean, aborted: () => boolean) => {
    const trained = await trainTrial({ data: workload.data, settings: endless(settings), seed, shouldAbort: aborted, onEpoch: () => (epochDone() && !aborted() ? undefined : 'stop') });
    trained.model.dispose();
  };
}

/** Trial-epochs the workload will train (the sum of its trials' epochs). */
export function workloadTrialEpochs(workload: CalibrationWorkload): number {
  return workload.trials.reduce((sum, { settings }) => sum + Math.max(1, settings.epochs), 0);
}

/** Longest wait for a later backend, as a share of the best predicted job time so far: calibrating must cost little next to the job. */
export const waitShare = 0.1;

/**
 * The waits for a backend measured after others: its first epoch (one-off costs included), and
 * then one steady epoch, are waited for at most a tenth of the best predicted job time so far
 * (at least its slice), and never past the point where it could no longer win. A backend still
 * without its epoch then is marked a bound, which loses to any exact measurement.
 */
function limitsAfter(measurements: readonly Measurement[], trialEpochs: number, trials: number, sliceMs: number): Limits {
  let best = Infinity;
  for (const entry of measurements) if (!entry.bound) best = Math.min(best, predictedMs(entry, trialEpochs));
  const epochsEach = trialEpochs / trials;
  const share = Math.max(sliceMs, waitShare * best);
  return {
    sliceMs,
    firstWaitMs: Math.min(firstEpochCapMs, share, best),
    steadyWaitMs: (firstMs) => (epochsEach <= 1 ? 0 : Math.min(steadyEpochCapMs, share, Math.max(0, best - firstMs) / (epochsEach - 1))),
  };
}

/**
 * Measures every backend that starts on the workload (steady epochs within calibrationBudgetMs in
 * all, one-off costs apart), and leaves the last one measured active (the caller activates its
 * choice afterwards).
 */
export async function calibrate(workload: CalibrationWorkload, hints: BackendHints, budgetMs = calibrationBudgetMs): Promise<Calibration> {
  const started = performance.now();
  const measurements: Measurement[] = [];
  let fusedFallback: string | null = null;
  let measuringMs = 0;
  let oneOffMs = 0;
  const trials = workload.trials.length;
  const trialEpochs = workloadTrialEpochs(workload);
  for (const [index, name] of order.entries()) {
    // TF.js's CPU backend runs the kernels WASM runs, in plain JavaScript, and its epochs block the
    // worker (no slice can cut them): where WASM measured, CPU is not.
    if (name === 'cpu' && measurements.some((entry) => entry.candidate === 'wasm' && !entry.error && !entry.bound)) {
      measurements.push({ candidate: name, rate: 0, error: 'not measured: WASM runs the same kernels compiled' });
      continue;
    }
    // A software WebGL renderer seen once this page is not started again (starting it can take seconds).
    if (name === 'webgl' && softwareWebGL) {
      measurements.push({ candidate: name, rate: 0, error: softwareWebGL });
      continue;
    }
    const startup = performance.now();
    try {
      await activateBackend(name, hints);
    } catch (error) {
      measurements.push({ candidate: name, rate: 0, error: error instanceof Error ? error.message : String(error) });
      oneOffMs += performance.now() - startup;
      continue;
    }
    // WebGL compiles its shaders synchronously, seconds on a software renderer, and no time slice
    // can cut that short: there, the renderer's name is the measurement.
    const renderer = name === 'webgl' ? webglRenderer() : '';
    if (/swiftshader|llvmpipe|software/i.test(renderer)) {
      softwareWebGL = `a software renderer (${renderer}), not measured`;
      measurements.push({ candidate: name, rate: 0, error: softwareWebGL });
      oneOffMs += performance.now() - startup;
      continue;
    }
    const limits = limitsAfter(measurements, trialEpochs, trials, Math.max(20, (budgetMs - measuringMs) / (order.length - index)));
    const sliceStart = performance.now();
    try {
      if (trials === 1) {
        measurements.push({ candidate: name, ...(await measure(soloRun(workload), 1, limits)) });
      } else {
        let trainer = 'tfjs' as 'fused' | 'tfjs';
        const result = await measure(async (epochDone, aborted) => {
          // Built inside the first epoch: the fused kernel's pipeline compiles here. One epoch per submit, so each epoch is timed.
          const chosen = await choosePopulation({ ...workload.data, trials: workload.trials.map(({ settings, seed }) => ({ settings: endless(settings), seed })) }, { epochsPerSubmit: 1 });
          trainer = chosen.trainer;
          if (name === 'webgpu' && chosen.trainer === 'tfjs') fusedFallback = chosen.reason;
          const population = chosen.population;
          try {
            while (!population.isFinished() && !aborted()) {
              await population.runEpoch();
              if (!epochDone()) break;
            }
          } finally {
            population.dispose();
          }
        }, trials, limits);
        // Still compiling when the slice ended (no fallback reason yet) can only be the fused kernel's pipeline.
        const fused = name === 'webgpu' && (trainer === 'fused' || fusedFallback === null);
        measurements.push({ candidate: fused ? 'fused' : name, ...result });
      }
    } catch (error) {
      measurements.push({ candidate: name, rate: 0, error: error instanceof Error ? error.message : String(error) });
    }
    const last = measurements[measurements.length - 1];
    last.startMs = Math.round(sliceStart - startup);
    last.measureMs = Math.round(performance.now() - sliceStart);
    const fixed = Math.min(last.fixedMs ?? 0, last.measureMs);
    oneOffMs += last.startMs + fixed;
    measuringMs += last.measureMs - fixed;
  }
  return { measurements, elapsedMs: performance.now() - started, oneOffMs, fusedFallback };
}
