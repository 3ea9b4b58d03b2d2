/** Typed messages between the page and the trainer worker. */
import type { ModelSettings } from '../core/modelSettings';
import type { EpochRecord, TrainingEnd } from '../core/trial';
import type { BackendChoice, BackendName } from '../training/backend';
import type { FitBenchmarkResult } from '../training/fitBenchmark';
import type { TrialData } from '../core/trialInputs';
import type { LayerWeights, ModelArtifacts } from '../core/networkWeights';
import type { Dimension } from '../core/space';
import type { LineageEntry } from '../search/pbt';
import type { Measurement } from '../core/backendDecision';
import type { CalibratedChoice } from '../core/backendDecision';

/** How a trial sent to the worker ended (the shared vocabulary of core/trial.ts). */
export type TrainTrialEnd = TrainingEnd;

/** Page -> worker. */
export type WorkerRequest =
  /** `calibrations`: measurements the page cached from earlier visits, by key (used with 'auto'). */
  | { type: 'init'; backend: BackendName | 'auto'; pageHasWebGPU: boolean; calibrations?: Record<string, Measurement[]> }
  | {
      type: 'train';
      trialId: number;
      data: TrialData;
      settings: ModelSettings;
      seed: number;
      /** Raw feature rows [points * featureCount] whose outputs the page draws (boundary or fitted curve). */
      probe?: Float32Array;
      /** Send the network's weights: 'epochs' while it trains and at the end, 'end' only at the end; plus the saved model at the end. */
      weights?: 'end' | 'epochs';
    }
  /** Several trials trained together (stacked populations where their structure allows). */
  /** `weights: 'end'`: send each trial's trained weights ('weights') just before its end. */
  | { type: 'train-batch'; data: TrialData; trials: { trialId: number; settings: ModelSettings; seed: number }[]; weights?: 'end' }
  /** Population-based training of K members together (training/pbtPopulation.ts); stopped by 'stop' with runId. */
  | { type: 'train-pbt'; runId: number; data: TrialData; settings: ModelSettings; space: Dimension[]; population: number; interval: number; seed: number }
  /** The model.json artifacts of a network given as weights (a search's trained trial): answered with 'model', or 'trial-end' failed. */
  | { type: 'weights-to-model'; trialId: number; settings: ModelSettings; layers: LayerWeights[] }
  | { type: 'stop'; trialId: number }
  /** The one trial whose weights the page draws while it trains (null: none): a batch or lone trial asked for weights sends this one's during training too. */
  | { type: 'watch'; trialId: number | null }
  /** Destroys the WebGPU device, to exercise recovery from a lost device (tests and the help page). */
  | { type: 'simulate-device-loss' }
  /** Times model.fit on the active backend (npm run bench:backends). */
  | { type: 'benchmark-fit'; epochs: number };

/** What a PBT run needs: data, the fixed settings, the space PBT changes, K members, the interval and a seed. */
export type PbtRequest = Omit<Extract<WorkerRequest, { type: 'train-pbt' }>, 'type' | 'runId'>;

/** Worker -> page. */
export type WorkerResponse =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'backend-error'; message: string }
  | { type: 'backend-lost'; message: string }
  /** "Fastest available" decided for a workload (hand-training when trials is 1, else a search wave). */
  | { type: 'calibrated'; choice: CalibratedChoice }
  /** Which trainer a search wave's population got: the fused kernel, or TF.js's with the reason fused could not. */
  | { type: 'population-trainer'; trainer: 'fused' | 'tfjs'; backend: BackendName; trials: number; reason: string | null }
  /** Epoch records of one trial, batched: at most one message per flush interval. */
  | { type: 'epochs'; trialId: number; records: EpochRecord[] }
  /** New records of several trials of a batch, one message per population epoch. */
  | { type: 'epochs-batch'; entries: { trialId: number; records: EpochRecord[] }[] }
  /** Model outputs at the probe rows: [points * outputSize], probabilities for classes. */
  | { type: 'probe'; trialId: number; epoch: number; outputs: Float32Array; outputSize: number }
  | { type: 'benchmark-result'; result: FitBenchmarkResult | null; error?: string }
  | { type: 'weights'; trialId: number; epoch: number; layers: LayerWeights[] }
  | { type: 'model'; trialId: number; artifacts: ModelArtifacts }
  /** One PBT epoch: every member's record (null while diverged), and the lineage when a step changed it. */
  | { type: 'pbt-epoch'; runId: number; epoch: number; records: (EpochRecord | null)[]; lineage?: LineageEntry[] }
  | { type: 'pbt-end'; runId: number; end: 'complete' | 'stopped' | 'failed'; bestMember: number; lineage: LineageEntry[]; durationMs: number; error?: string }
  | { type: 'trial-end'; trialId: number; end: TrainTrialEnd; keptEpoch: number; durationMs: number; error?: string };
