/**
 * Measures each usable backend on the workload itself (its data, its model, its trial count) for
 * a slice of a short budget, so "fastest available" is a measurement rather than a guess. One
 * trial trains as hand-training does (trainTrial); several as a search wave does (a population:
 * on WebGPU the fused kernel where supportsFused allows, else TF.js's population).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../core/backendNames';
import type { Measurement } from '../core/backendDecision';
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
  /** Why WebGPU measured TF.js's population instead of the fused kernel (null when fused ran or WebGPU did not). */
  fusedFallback: string | null;
}

/** Total measuring time shared by the backends (ms), start-ups not included. */
export const calibrationBudgetMs = 400;

/** WASM and CPU first, WebGPU last, so work a slow GPU still has queued when its slice ends cannot slow the others' slices. */
const order: readonly BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu'];

/**
 * Trains through `run` for sliceMs and returns trial-epochs per second (steady state when two
 * epochs or more finished). While not one epoch has finished it waits up to firstEpochMs: long
 * enough that a backend still without an epoch then is surely slower than the best so far, so its
 * figure (then an upper bound) can't win by mistake.
 */
async function measure(run: (epochDone: () => boolean, aborted: () => boolean) => Promise<void>, trials: number, sliceMs: number, firstEpochMs: number): Promise<Pick<Measurement, 'rate' | 'bound'>> {
  const started = performance.now();
  const stamps: number[] = [];
  let timedOut = false;
  let firstEpoch: () => void = () => {};
  const first = new Promise<void>((resolve) => (firstEpoch = resolve));
  const epochDone = () => {
    stamps.push(performance.now());
    // Two epochs at least where they come in time: the first one carries the warm-up.
    if (stamps.length >= 2) firstEpoch();
    return stamps.length < 2 || performance.now() - started < sliceMs;
  };
  const running = run(epochDone, () => timedOut);
  running.catch(() => undefined);
  const finished = running.then(() => 'done' as const);
  const wait = async (promise: Promise<unknown>, ms: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
    clearTimeout(timer);
  };
  await wait(Promise.race([finished, first]), Math.max(sliceMs, firstEpochMs));
  await wait(finished, sliceMs - (performance.now() - started));
  timedOut = true;
  if (stamps.length >= 2) return { rate: ((stamps.length - 1) * trials * 1000) / (stamps[stamps.length - 1] - stamps[0]) };
  if (stamps.length === 1) return { rate: (trials * 1000) / (stamps[0] - started) };
  // Not one epoch yet: the true rate is at most this (the slow backend's work goes on in the background and is dropped).
  return { rate: (trials * 1000) / Math.max(sliceMs, performance.now() - started), bound: true };
}

/** Longest wait for a first epoch when no backend has measured yet (ms). */
const firstEpochCapMs = 20_000;

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

/**
 * Measures every backend that starts on the workload, within calibrationBudgetMs in all, and
 * leaves the last one measured active (the caller activates its choice afterwards).
 */
export async function calibrate(workload: CalibrationWorkload, hints: BackendHints, budgetMs = calibrationBudgetMs): Promise<Calibration> {
  const started = performance.now();
  const measurements: Measurement[] = [];
  let fusedFallback: string | null = null;
  let measuringMs = 0;
  const trials = workload.trials.length;
  for (const [index, name] of order.entries()) {
    const startup = performance.now();
    try {
      await activateBackend(name, hints);
    } catch (error) {
      measurements.push({ candidate: name, rate: 0, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    // WebGL compiles its shaders synchronously, seconds on a software renderer, and no time slice
    // can cut that short: there, the renderer's name is the measurement.
    const renderer = name === 'webgl' ? webglRenderer() : '';
    if (/swiftshader|llvmpipe|software/i.test(renderer)) {
      measurements.push({ candidate: name, rate: 0, error: `a software renderer (${renderer}), not measured` });
      continue;
    }
    const sliceMs = Math.max(20, (budgetMs - measuringMs) / (order.length - index));
    // The first backend measured waits for its first epoch; later ones twice the best one's epoch.
    let best = 0;
    for (const entry of measurements) if (!entry.error && !entry.bound && entry.rate > best) best = entry.rate;
    const firstEpochMs = best > 0 ? Math.min(firstEpochCapMs, (2 * 1000 * trials) / best) : firstEpochCapMs;
    const sliceStart = performance.now();
    try {
      if (trials === 1) {
        measurements.push({ candidate: name, ...(await measure(soloRun(workload), 1, sliceMs, firstEpochMs)) });
      } else {
        let trainer = 'tfjs' as 'fused' | 'tfjs';
        const result = await measure(async (epochDone, aborted) => {
          // Built inside the slice: the fused kernel's pipeline compiles here.
          const chosen = await choosePopulation({ ...workload.data, trials: workload.trials.map(({ settings, seed }) => ({ settings: endless(settings), seed })) });
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
        }, trials, sliceMs, firstEpochMs);
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
    measuringMs += performance.now() - sliceStart;
  }
  return { measurements, elapsedMs: performance.now() - started, fusedFallback };
}
