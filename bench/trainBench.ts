// The training-throughput benchmark itself, shared by the browser page (bench/trainPage.ts,
// driven by bench/train.mjs) and the Node + Dawn runner (bench/gpu/nodeTrain.ts): population
// trainer versus trials trained one after another with model.fit. The caller registers and
// prepares the backends (WebGPU, WASM paths); this module only sets the one asked for.
import * as tf from '@tensorflow/tfjs';
import { defaultModelSettings, type ModelSettings } from '../src/lib/core/modelSettings';
import { createRandom } from '../src/lib/core/random';
import { spiral } from '../src/lib/datasets/spiral';
import { createPopulation, type PopulationEpoch, type PopulationTrial } from '../src/lib/training/population';
import { compareFused, measureFused, profileFused, type FusedBenchRecord, type FusedProfile, type FusedVariant } from './fusedBench';

/** What one benchmark run measures on one backend. */
export interface TrainBenchOptions {
  /** TF.js backend to set: webgpu, webgl, wasm or cpu. */
  backend: string;
  /** Population sizes K to measure. */
  trialCounts: number[];
  /** Epochs timed per population (after one warm-up epoch), unless maxSeconds runs out first. */
  epochs: number;
  /** Cap on the timed part of one measurement, in seconds (at least one epoch is timed). */
  maxSeconds: number;
  /** Trials timed for the sequential model.fit baseline at each K (its rate is scaled to K). */
  sequentialTrials: number;
  /** Epochs per model.fit trial. */
  sequentialEpochs: number;
  /** On WebGPU: population sizes K for the fused trainer (none when absent). */
  fusedTrialCounts?: number[];
  /** Epochs timed per fused measurement (after one warm-up submit), unless maxSeconds runs out first. */
  fusedEpochs?: number;
  /** On WebGPU: K of the fused profile (parts of the epoch left out); none when absent. */
  fusedProfileTrials?: number;
  /** Called after each measurement (Node runner only; functions cannot cross page.evaluate). */
  progress?: (message: string) => void;
}

/** One measured configuration. */
export interface TrainBenchRecord {
  backend: string;
  trials: number;
  mode: 'population' | 'sequential';
  trialEpochsPerSecond: number;
  msPerStep: number;
  kernelsPerStep: number;
  readbacksPerEpoch: number;
  peakTensors: number;
  timedEpochs: number;
  timedTrials: number;
}

const data = spiral({ samples: 400, noise: 0.1, seed: 1 });
const rows = Array.from({ length: data.size }, (_, i) => i);
const trainIndices = rows.filter((i) => i % 5 !== 0);
const validationIndices = rows.filter((i) => i % 5 === 0);
const batchSize = 32;
const stepsPerEpoch = Math.ceil(trainIndices.length / batchSize);

/** K trials of a 2-16-16-2 tanh MLP with Adam, learning rates log-uniform in [1e-3, 1e-1]. */
function makeTrials(count: number, units: (k: number) => number = () => 16): PopulationTrial[] {
  const random = createRandom(7);
  return Array.from({ length: count }, (_, k) => {
    const settings: ModelSettings = {
      ...defaultModelSettings,
      hiddenLayers: 2,
      units: units(k),
      activation: 'tanh',
      optimizer: 'adam',
      learningRate: 10 ** random.uniform(-3, -1),
      batchSize,
      epochs: 1_000_000,
    };
    return { settings, seed: 100 + k };
  });
}

function populationOptions(trials: PopulationTrial[]) {
  return { features: data.features, targets: data.targets, featureCount: 2, classCount: data.classCount, trainIndices, validationIndices, trials };
}

// Counts device-to-host reads: every data()/dataSync()/array()/arraySync() on any tensor.
let readbacks = 0;
const prototype = tf.Tensor.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const method of ['data', 'dataSync', 'array', 'arraySync']) {
  const original = prototype[method];
  prototype[method] = function (this: unknown, ...args: unknown[]) {
    readbacks += 1;
    return original.apply(this, args);
  };
}

async function profileOf(run: () => Promise<void>): Promise<{ kernels: number; peakTensors: number }> {
  const info = await tf.profile(run);
  const peakTensors = Math.max(tf.memory().numTensors, ...info.kernels.map((kernel) => kernel.totalTensorsSnapshot));
  return { kernels: info.kernels.length, peakTensors };
}

async function timeEpochs(runEpoch: () => Promise<unknown>, epochs: number, maxSeconds: number) {
  const before = readbacks;
  const started = performance.now();
  let timed = 0;
  while (timed < epochs && (timed === 0 || performance.now() - started < maxSeconds * 1000)) {
    await runEpoch();
    timed += 1;
  }
  return { seconds: (performance.now() - started) / 1000, timed, readbacks: readbacks - before };
}

async function measurePopulation(backend: string, count: number, options: TrainBenchOptions): Promise<TrainBenchRecord> {
  const population = createPopulation(populationOptions(makeTrials(count)));
  try {
    await population.runEpoch();
    const { kernels, peakTensors } = await profileOf(async () => {
      await population.runEpoch();
    });
    const timing = await timeEpochs(() => population.runEpoch(), options.epochs, options.maxSeconds);
    return {
      backend,
      trials: count,
      mode: 'population',
      trialEpochsPerSecond: (count * timing.timed) / timing.seconds,
      msPerStep: (timing.seconds * 1000) / (timing.timed * stepsPerEpoch),
      kernelsPerStep: kernels / stepsPerEpoch,
      readbacksPerEpoch: timing.readbacks / timing.timed,
      peakTensors,
      timedEpochs: timing.timed,
      timedTrials: count,
    };
  } finally {
    population.dispose();
  }
}

function fitModel(trial: PopulationTrial): tf.Sequential {
  const seed = trial.seed;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dense({ units: 16, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
      tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(trial.settings.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** model.fit one trial after another; the rate does not depend on K, so it is measured once, on sequentialTrials trials. */
async function measureSequential(backend: string, options: TrainBenchOptions): Promise<TrainBenchRecord> {
  const pick = (indices: number[]) => {
    const inputs = tf.tensor2d(indices.flatMap((i) => [data.features[2 * i], data.features[2 * i + 1]]), [indices.length, 2]);
    const targets = tf.oneHot(tf.tensor1d(indices.map((i) => data.targets[i]), 'int32'), data.classCount);
    return [inputs, targets] as const;
  };
  const [trainInputs, trainTargets] = pick(trainIndices);
  const [validationInputs, validationTargets] = pick(validationIndices);
  const fitOptions = (epochs: number) => ({ epochs, batchSize, shuffle: true, verbose: 0 as const, validationData: [validationInputs, validationTargets] as [tf.Tensor, tf.Tensor] });
  const timedTrials = options.sequentialTrials;
  const trials = makeTrials(timedTrials);
  try {
    const warmUp = fitModel(trials[0]);
    await warmUp.fit(trainInputs, trainTargets, fitOptions(1));
    const { kernels, peakTensors } = await profileOf(async () => {
      await warmUp.fit(trainInputs, trainTargets, fitOptions(1));
    });
    warmUp.dispose();
    // Each trial's model is built outside the timed part, as the population's set-up is.
    let seconds = 0;
    const before = readbacks;
    for (let k = 0; k < timedTrials; k++) {
      const model = fitModel(trials[k]);
      const started = performance.now();
      await model.fit(trainInputs, trainTargets, fitOptions(options.sequentialEpochs));
      seconds += (performance.now() - started) / 1000;
      model.dispose();
    }
    const epochs = timedTrials * options.sequentialEpochs;
    return {
      backend,
      trials: timedTrials,
      mode: 'sequential',
      trialEpochsPerSecond: epochs / seconds,
      msPerStep: (seconds * 1000) / (epochs * stepsPerEpoch),
      kernelsPerStep: kernels / stepsPerEpoch,
      readbacksPerEpoch: (readbacks - before) / epochs,
      peakTensors,
      timedEpochs: options.sequentialEpochs,
      timedTrials,
    };
  } finally {
    tf.dispose([trainInputs, trainTargets, validationInputs, validationTargets]);
  }
}

/** Largest relative loss difference of trials 0 and count−1 inside a population of count versus alone, over 2 epochs. */
async function equivalence(count: number): Promise<number> {
  const train = async (trials: PopulationTrial[]) => {
    const population = createPopulation(populationOptions(trials));
    try {
      const history: PopulationEpoch[] = [];
      for (let epoch = 0; epoch < 2; epoch++) history.push(await population.runEpoch());
      return history;
    } finally {
      population.dispose();
    }
  };
  const trials = makeTrials(count);
  const together = await train(trials);
  let largest = 0;
  for (const k of [0, count - 1]) {
    const alone = await train([trials[k]]);
    together.forEach((epoch, e) => {
      const mine = epoch.trials[k]!;
      const solo = alone[e].trials[0]!;
      for (const key of ['trainLoss', 'validationLoss'] as const) {
        largest = Math.max(largest, Math.abs(mine[key] - solo[key]) / Math.abs(solo[key]));
      }
    });
  }
  return largest;
}

/** Trial-epochs per second of 32 trials with 4, 8, 16, 32 units: one padded population versus one population per width. */
async function structureComparison(options: TrainBenchOptions): Promise<{ maskedTrialEpochsPerSecond: number; separateTrialEpochsPerSecond: number }> {
  const widths = [4, 8, 16, 32];
  const trials = makeTrials(32, (k) => widths[k % widths.length]);
  const rate = async (groups: PopulationTrial[][]) => {
    const populations = groups.map((group) => createPopulation(populationOptions(group)));
    try {
      const runAll = async () => {
        for (const population of populations) await population.runEpoch();
      };
      await runAll();
      const timing = await timeEpochs(runAll, options.epochs, options.maxSeconds);
      return (trials.length * timing.timed) / timing.seconds;
    } finally {
      populations.forEach((population) => population.dispose());
    }
  };
  const separate = await rate(widths.map((width) => trials.filter((trial) => trial.settings.units === width)));
  const masked = await rate([trials]);
  return { maskedTrialEpochsPerSecond: masked, separateTrialEpochsPerSecond: separate };
}

/** What runTrainBench returns: the records and the checks, or why the backend did not start. */
export type TrainBenchResult =
  | { error: string }
  | {
      backend: string;
      records: (TrainBenchRecord | FusedBenchRecord)[];
      fusedProfile?: FusedProfile;
      maxRelativeDifference: number;
      structure: { maskedTrialEpochsPerSecond: number; separateTrialEpochsPerSecond: number };
    };

/** Runs every measurement on one backend; returns the records and the checks. */
export async function runTrainBench(options: TrainBenchOptions): Promise<TrainBenchResult> {
  const ok = await tf.setBackend(options.backend);
  await tf.ready();
  if (!ok || tf.getBackend() !== options.backend) return { error: `backend ${options.backend} unavailable (active: ${tf.getBackend()})` };
  const records: (TrainBenchRecord | FusedBenchRecord)[] = [];
  const say = (message: string) => options.progress?.(`${options.backend}: ${message}`);
  const sequential = await measureSequential(options.backend, options);
  say(`sequential model.fit ${sequential.trialEpochsPerSecond.toFixed(2)} trial-epochs/s`);
  for (const count of options.trialCounts) {
    const population = await measurePopulation(options.backend, count, options);
    say(`population K = ${count}: ${population.trialEpochsPerSecond.toFixed(1)} trial-epochs/s`);
    records.push(population);
    records.push({ ...sequential, trials: count });
  }
  let fusedProfile: FusedProfile | undefined;
  if (options.backend === 'webgpu') {
    for (const count of options.fusedTrialCounts ?? []) {
      const fused = await measureFused(options.backend, populationOptions(makeTrials(count)), stepsPerEpoch, options.fusedEpochs ?? 20, options.maxSeconds);
      say(`fused K = ${count}: ${fused.trialEpochsPerSecond.toFixed(1)} trial-epochs/s`);
      records.push(fused);
    }
    if (options.fusedProfileTrials) fusedProfile = await profileFused(populationOptions(makeTrials(options.fusedProfileTrials)), options.fusedEpochs ?? 20, options.maxSeconds);
  }
  const maxRelativeDifference = await equivalence(8);
  say(`equivalence ${maxRelativeDifference.toExponential(1)}`);
  const structure = await structureComparison(options);
  return { backend: tf.getBackend(), records, fusedProfile, maxRelativeDifference, structure };
}

/** Milliseconds per epoch of the bench's K trials for each fused variant, one submit of each in turn for `repeats` rounds (WebGPU only). */
export async function compareFusedVariants(count: number, variants: FusedVariant[], repeats: number): Promise<Record<string, number[]>> {
  await tf.setBackend('webgpu');
  await tf.ready();
  return compareFused(populationOptions(makeTrials(count)), variants, repeats);
}
