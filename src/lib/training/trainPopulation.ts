/**
 * Trains a batch of trials the fast way: trials that share a structure train together as one
 * population (stacked kernels, one readback per epoch); ridge trials, which the population
 * trainer doesn't model, train one by one, and so do hypergradient trials where the fused kernel
 * can't take them. Reports through callbacks; never touches the UI.
 */
import * as tf from './tf';
import { isHypergradient, type ModelSettings } from '../core/modelSettings';
import { hypergradientTrainerReason } from './hypergradientOptimizer';
import type { LayerWeights } from '../core/networkWeights';
import type { EpochRecord } from '../core/trial';
import { choosePopulation, fusedPopulation } from './fused/choosePopulation';
import { appendAll } from '../core/extent';
import type { Population, PopulationTrialEpoch } from './population';
import { groupTrials } from './populationGroups';
import { networkWeights } from './networkArtifacts';
import { throttledYield } from './eventLoop';
import { trainTrial, type TrialData, type TrialEnd } from './trainTrial';

/** One trial of a batch. */
export interface BatchTrial {
  trialId: number;
  settings: ModelSettings;
  seed: number;
}

/** Callbacks of trainBatch. */
export interface BatchCallbacks {
  /** New records of several trials at once (one call per population epoch). */
  onEpochs(entries: { trialId: number; records: EpochRecord[] }[]): void;
  /** A trial ended. */
  onEnd(trialId: number, end: TrialEnd | 'failed', keptEpoch: number, durationMs: number, error?: string): void;
  /** True when a trial should stop now (a person or a schedule asked). */
  shouldStop(trialId: number): boolean;
  /** True when the whole batch must end now (a lost device). */
  shouldAbort(): boolean;
  /** Which trainer a group of trials got, and why not the fused one when it could not. */
  onTrainer?(trainer: 'fused' | 'tfjs', trials: number, reason: string | null): void;
  /** When given: each trial's weights as the batch trained them (after its last epoch), just before its end is reported; the watched trial's also while it trains. */
  onWeights?(trialId: number, epoch: number, layers: LayerWeights[]): void;
  /** The trial whose weights the page draws while it trains (sent through onWeights at most every watchIntervalMs), or null. */
  watched?(): number | null;
}

/** A watched trial's weights are read back at most this often (ms): a redraw rate, not a cost on every epoch. */
export const watchIntervalMs = 100;

/** A population's layers as the page's network weights (units for outputs). */
function asNetwork(layers: Awaited<ReturnType<Population['readWeights']>>[number]): LayerWeights[] {
  return layers.map(({ inputs, outputs, kernel, bias }) => ({ inputs, units: outputs, kernel, bias }));
}

/** Sends the current weights of the given population members (one readback for all of them); a failed readback sends none and fails no trial. */
async function sendWeights(population: Population, trials: BatchTrial[], members: number[], epochs: number[], callbacks: BatchCallbacks): Promise<void> {
  if (!callbacks.onWeights || members.length === 0) return;
  let all: Awaited<ReturnType<Population['readWeights']>>;
  try {
    all = await population.readWeights();
  } catch {
    return;
  }
  for (const index of members) {
    if (epochs[index] === 0) continue;
    callbacks.onWeights(trials[index].trialId, epochs[index], asNetwork(all[index]));
  }
}

/** Sends the watched member's weights after an epoch it trained and is still training, when watchIntervalMs has passed since `last`; returns when it last sent. */
async function sendWatched(population: Population, trials: BatchTrial[], running: (index: number) => boolean, epochs: number[], callbacks: BatchCallbacks, last: number): Promise<number> {
  const watched = callbacks.watched?.() ?? null;
  if (!callbacks.onWeights || watched === null || performance.now() - last < watchIntervalMs) return last;
  const index = trials.findIndex((trial) => trial.trialId === watched);
  if (index < 0 || !running(index)) return last;
  const layers = await population.readTrialWeights(index).catch(() => null);
  if (!layers) return last;
  callbacks.onWeights(watched, epochs[index], asNetwork(layers));
  return performance.now();
}

/** The epoch record of a population entry, without its state. */
function record({ state: _state, ...epoch }: PopulationTrialEpoch): EpochRecord {
  return epoch;
}

/** Trains one group as a population; with `fusedOnly` (hypergradient trials), returns false without training when the fused trainer can't take it. */
async function trainGroup(data: TrialData, trials: BatchTrial[], callbacks: BatchCallbacks, fusedOnly = false): Promise<boolean> {
  const started = performance.now();
  const options = { ...data, trials: trials.map(({ settings, seed }) => ({ settings, seed })) };
  // The fused WebGPU trainer where it can run these trials, else the TF.js population (the reference).
  const chosen = fusedOnly ? await fusedPopulation(options) : await choosePopulation(options);
  if (!chosen.population) return false;
  const { population } = chosen;
  const trainer = 'trainer' in chosen ? chosen.trainer : 'fused';
  callbacks.onTrainer?.(trainer, trials.length, chosen.reason);
  const ended = new Set<number>();
  const epochsDone = new Array<number>(trials.length).fill(0);
  // The epoch of each trial's lowest validation loss: with early stopping and restoreBestWeights,
  // that is the epoch a solo trainTrial would keep, so its value is the one to report.
  const bestEpoch = new Array<number>(trials.length).fill(0);
  const bestValidation = new Array<number>(trials.length).fill(Infinity);
  let lastWatched = -Infinity;
  // So that 'stop' and 'watch' messages reach the worker between epochs on CPU and WASM too.
  const yieldSometimes = throttledYield();
  try {
    while (!population.isFinished()) {
      await yieldSometimes();
      if (callbacks.shouldAbort()) throw new Error('the batch was aborted');
      const stopping = trials.flatMap((trial, index) => (!ended.has(index) && callbacks.shouldStop(trial.trialId) ? [index] : []));
      await sendWeights(population, trials, stopping, epochsDone, callbacks);
      for (const index of stopping) {
        population.stop(index);
        ended.add(index);
        callbacks.onEnd(trials[index].trialId, 'stopped', epochsDone[index], performance.now() - started);
      }
      if (population.isFinished()) break;
      const { trials: results } = await population.runEpoch();
      const entries: { trialId: number; records: EpochRecord[] }[] = [];
      results.forEach((result, index) => {
        if (!result || ended.has(index)) return;
        epochsDone[index] = result.epoch;
        if (result.validationLoss < bestValidation[index]) {
          bestValidation[index] = result.validationLoss;
          bestEpoch[index] = result.epoch;
        }
        entries.push({ trialId: trials[index].trialId, records: [record(result)] });
      });
      if (entries.length) callbacks.onEpochs(entries);
      lastWatched = await sendWatched(population, trials, (index) => results[index]?.state === 'running' && !ended.has(index), epochsDone, callbacks, lastWatched);
      const finishing = results.flatMap((result, index) => (result && !ended.has(index) && result.state !== 'running' ? [index] : []));
      // The fused trainer hands back an early-stopped trial's best weights when it restores them; TF.js's population its last.
      const restores = (index: number) => trainer === 'fused' && results[index]?.state === 'early-stopped' && trials[index].settings.patience > 0 && trials[index].settings.restoreBestWeights;
      await sendWeights(population, trials, finishing, epochsDone.map((epoch, index) => (restores(index) ? bestEpoch[index] : epoch)), callbacks);
      results.forEach((result, index) => {
        if (!result || ended.has(index)) return;
        if (result.state === 'running') return;
        ended.add(index);
        const end = result.state;
        const kept = end === 'early-stopped' && trials[index].settings.restoreBestWeights ? bestEpoch[index] : result.epoch;
        callbacks.onEnd(trials[index].trialId, end, kept, performance.now() - started);
      });
    }
    await sendWeights(population, trials, trials.flatMap((_, index) => (ended.has(index) ? [] : [index])), epochsDone, callbacks);
    trials.forEach((trial, index) => {
      if (!ended.has(index)) callbacks.onEnd(trial.trialId, 'complete', epochsDone[index], performance.now() - started);
    });
  } finally {
    population.dispose();
  }
  return true;
}

/** Trains every trial of the batch; each one's end is reported exactly once, failures included. */
export async function trainBatch(data: TrialData, trials: BatchTrial[], callbacks: BatchCallbacks): Promise<void> {
  const reported = new Set<number>();
  const guarded: BatchCallbacks = {
    ...callbacks,
    onEnd: (trialId, ...rest) => {
      if (reported.has(trialId)) return;
      reported.add(trialId);
      callbacks.onEnd(trialId, ...rest);
    },
  };
  const failAll = (group: BatchTrial[], error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    for (const trial of group) guarded.onEnd(trial.trialId, 'failed', 0, 0, message);
  };
  // Trials the populations can't model train one by one: the classic families and ridge; hypergradient
  // descent too where the fused kernel can't take them (the TF.js population keeps each rate fixed).
  const stackable = (trial: BatchTrial) => trial.settings.kind === 'mlp' && !isHypergradient(trial.settings.optimizer);
  const ridge = trials.filter((trial) => trial.settings.kind !== 'mlp');
  const mlp = trials.filter(stackable);
  const adaptive = trials.filter((trial) => trial.settings.kind === 'mlp' && isHypergradient(trial.settings.optimizer));
  // Padding narrower trials to the widest pays where kernel launches dominate; not on plain CPU.
  const grouped = (list: BatchTrial[]) => groupTrials(list, tf.getBackend() !== 'cpu').map((indices) => indices.map((index) => list[index]));
  const hypergradient: BatchTrial[] = [];
  for (const [group, fusedOnly] of [...grouped(mlp).map((group) => [group, false] as const), ...grouped(adaptive).map((group) => [group, true] as const)]) {
    try {
      if (!(await trainGroup(data, group, guarded, fusedOnly))) appendAll(hypergradient, group);
    } catch (error) {
      failAll(group, error);
    }
  }
  appendAll(ridge, hypergradient);
  // After the populations' own reports, so the page keeps this reason while these trials train.
  if (hypergradient.length > 0) callbacks.onTrainer?.('tfjs', hypergradient.length, hypergradientTrainerReason);
  let lastWatched = -Infinity;
  for (const trial of ridge) {
    const started = performance.now();
    try {
      const trained = await trainTrial({
        data,
        settings: trial.settings,
        seed: trial.seed,
        shouldAbort: () => callbacks.shouldStop(trial.trialId) || callbacks.shouldAbort(),
        onEpoch: async (epoch, current) => {
          callbacks.onEpochs([{ trialId: trial.trialId, records: [epoch] }]);
          if (!callbacks.onWeights || !current.network || callbacks.watched?.() !== trial.trialId || performance.now() - lastWatched < watchIntervalMs) return;
          callbacks.onWeights(trial.trialId, epoch.epoch, await networkWeights(current.network));
          lastWatched = performance.now();
        },
      });
      if (callbacks.onWeights && trained.model.network && trained.epochs.length > 0) callbacks.onWeights(trial.trialId, trained.keptEpoch || trained.epochs.length, await networkWeights(trained.model.network));
      trained.model.dispose();
      guarded.onEnd(trial.trialId, trained.end, trained.keptEpoch, performance.now() - started);
    } catch (error) {
      failAll([trial], error);
    }
  }
}
