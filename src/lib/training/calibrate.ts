/**
 * Measures each usable backend on the workload itself (its data, its model, its trial count) for
 * a slice of a short budget, so "fastest available" is a measurement rather than a guess. One
 * trial trains as hand-training does (trainTrial); several as a search wave does (a population:
 * on WebGPU the fused kernel where supportsFused allows, else TF.js's population).
 */
import * as tf from './tf';
import type { BackendName } from '../core/backendNames';
import { candidateLabel, predictedMs, type Measurement } from '../core/backendDecision';
import { calibrationCapMs, limitsAfter, measure, type Timed } from './calibrationTiming';
import { isHypergradient, type ModelSettings } from '../core/modelSettings';
import type { TrialData } from '../core/trialInputs';
import { activateBackend, openWebGPUDevice, type BackendHints } from './backend';
import { choosePopulation } from './fused/choosePopulation';
import { supportsFused } from './fused/supportsFused';
import { fusedShader } from './fused/fusedShader';
import { compileSpeed, predictedCompileMs, tfjsTrainingShaderChars } from './compileSpeed';
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

/** A search wave's way on one backend: its population, stopped after the slice (`device`: the fused kernel's, with TF.js's backend left as it is). */
function populationRun(workload: CalibrationWorkload, device: GPUDevice | undefined) {
  return async (epochDone: () => boolean, aborted: () => boolean) => {
    // Built inside the first epoch: the fused kernel's pipeline compiles here. One epoch per submit, so each epoch is timed.
    const choice = await choosePopulation({ ...workload.data, trials: workload.trials.map(({ settings, seed }) => ({ settings: endless(settings), seed })) }, { epochsPerSubmit: 1, device });
    const population = choice.population;
    if (device && choice.trainer !== 'fused') {
      // The fused kernel failed to build: TF.js's population here would run on another backend.
      population.dispose();
      throw new Error(choice.reason ?? 'the fused kernel could not be built');
    }
    try {
      while (!population.isFinished() && !aborted()) {
        await population.runEpoch();
        if (!epochDone()) break;
      }
    } finally {
      population.dispose();
    }
  };
}

/**
 * How the workload trains on a TF.js backend, and so how it is timed there: a wave as one
 * population (`together`); hand-training, and a wave with hypergradient trials (which TF.js trains
 * one by one: only the fused kernel trains them together), as one trial alone (`timed`), a
 * hypergradient one where there is one. For a wave that mixes both, that is the slower way for its
 * fixed-rate trials: a pessimistic prediction on TF.js backends, never an optimistic one.
 */
export function tfjsTiming(workload: CalibrationWorkload): { together: boolean; timed: CalibrationWorkload } {
  const hypergradient = workload.trials.find(({ settings }) => settings.kind === 'mlp' && isHypergradient(settings.optimizer));
  if (workload.trials.length > 1 && !hypergradient) return { together: true, timed: workload };
  return { together: false, timed: { ...workload, trials: [hypergradient ?? workload.trials[0]] } };
}

/** Why the fused kernel can't take these trials on this device, or its kernel's length in characters when it can. */
function fusedKernel(workload: CalibrationWorkload, device: GPUDevice): { refusal: string } | { characters: number } {
  const { featureCount, classCount, trainIndices } = workload.data;
  const support = supportsFused(workload.trials, { featureCount, classCount, trainCount: trainIndices.length, limits: device.limits });
  return support.supported ? { characters: fusedShader(support.structure).length } : { refusal: support.reason };
}

/** The best exact predicted job time among the measurements so far (ms), with its candidate. */
function bestSoFar(measurements: readonly Measurement[], trialEpochs: number): { ms: number; entry: Measurement | null } {
  let best: { ms: number; entry: Measurement | null } = { ms: Infinity, entry: null };
  for (const entry of measurements) {
    const ms = entry.bound ? Infinity : predictedMs(entry, trialEpochs);
    if (ms < best.ms) best = { ms, entry };
  }
  return best;
}

/** How the calibration runs: its measuring budget, and who hears a background measurement's figures. */
export interface CalibrationOptions {
  /** Steady-epoch measuring time shared by the backends (ms). */
  budgetMs?: number;
  /**
   * Hears the fused kernel's exact figures when its wait ended before them: its measuring then
   * goes on in the background (the compile is not thrown away), while the job starts on the best
   * backend measured so far.
   */
  onLate?: (measurement: Measurement) => void;
}

/**
 * Measures every backend that starts on the workload (steady epochs within calibrationBudgetMs in
 * all, one-off costs apart), and leaves the last TF.js backend measured active (the caller
 * activates its choice afterwards). A search wave's WebGPU is measured as the fused kernel on the
 * worker's device without switching TF.js to WebGPU, unless the kernel refuses the trials.
 */
export async function calibrate(workload: CalibrationWorkload, hints: BackendHints, options: CalibrationOptions = {}): Promise<Calibration> {
  const budgetMs = options.budgetMs ?? calibrationBudgetMs;
  const started = performance.now();
  const measurements: Measurement[] = [];
  let fusedFallback: string | null = null;
  let measuringMs = 0;
  let oneOffMs = 0;
  const trials = workload.trials.length;
  const trialEpochs = workloadTrialEpochs(workload);
  const tfjs = tfjsTiming(workload);
  const tfjsTrials = tfjs.together ? trials : 1;
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
    // A wave on WebGPU: the fused kernel on the device alone, where it takes the trials.
    let device: GPUDevice | undefined;
    let compileMs = 0;
    try {
      if (name === 'webgpu') {
        const opened = await openWebGPUDevice(hints);
        // The compile-speed probe goes first on a fresh device, ahead of any other compile (once per page).
        // Measured before anything else compiles on the device (once per page).
        const speed = await compileSpeed(opened).catch(() => null);
        const kernel = trials > 1 ? fusedKernel(workload, opened) : null;
        if (kernel && 'characters' in kernel) {
          device = opened;
          fusedFallback = null;
        } else if (kernel) {
          fusedFallback = kernel.refusal;
        }
        if (speed) compileMs = device && kernel && 'characters' in kernel ? predictedCompileMs(speed, kernel.characters) : predictedCompileMs(speed, tfjsTrainingShaderChars, 'tfjs');
      }
      // A compile can't be stopped once started: one predicted to outlast the whole job on the best
      // backend so far is not started (on a software adapter it takes seconds to minutes of CPU).
      const best = bestSoFar(measurements, trialEpochs);
      if (compileMs > best.ms) {
        const candidate = device ? 'fused' : name;
        measurements.push({ candidate, rate: 0, compileMs, error: `not measured: compiling its kernels would take about ${(compileMs / 1000).toFixed(1)} s here, longer than this whole job on ${best.entry ? candidateLabel(best.entry.candidate) : 'another backend'}` });
        oneOffMs += performance.now() - startup;
        continue;
      }
      if (!device) await activateBackend(name, hints);
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
    const limits = limitsAfter(measurements, trialEpochs, device ? trials : tfjsTrials, Math.max(20, (budgetMs - measuringMs) / (order.length - index)), calibrationCapMs - measuringMs);
    const sliceStart = performance.now();
    const startMs = Math.round(sliceStart - startup);
    try {
      if (device) {
        const late = options.onLate && ((result: Timed) => options.onLate?.({ candidate: 'fused', ...result, startMs, measureMs: Math.round(performance.now() - sliceStart) }));
        let failure: string | null = null;
        const run = populationRun(workload, device);
        const result = await measure(async (epochDone, aborted) => {
          try {
            await run(epochDone, aborted);
          } catch (error) {
            failure = error instanceof Error ? error.message : String(error);
          }
        }, trials, limits, late);
        measurements.push(failure === null ? { candidate: 'fused', ...result } : { candidate: 'fused', rate: 0, error: (fusedFallback = failure) });
      } else {
        measurements.push({ candidate: name, ...(await measure(tfjs.together ? populationRun(workload, undefined) : soloRun(tfjs.timed), tfjsTrials, limits)) });
      }
    } catch (error) {
      measurements.push({ candidate: name, rate: 0, error: error instanceof Error ? error.message : String(error) });
    }
    const last = measurements[measurements.length - 1];
    last.startMs = startMs;
    last.measureMs = Math.round(performance.now() - sliceStart);
    const fixed = Math.min(last.fixedMs ?? 0, last.measureMs);
    oneOffMs += last.startMs + fixed;
    measuringMs += last.measureMs - fixed;
  }
  return { measurements, elapsedMs: performance.now() - started, oneOffMs, fusedFallback };
}
