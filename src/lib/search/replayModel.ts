/**
 * The Bayesian search as it stood after its first n results, for replay: a fresh search with
 * the study's seed and options is told those results (in the order they ended), so the GP
 * underlay, the 1-D slice and the acquisition are the ones the strategy had then, and the next
 * trial's point can be explained with the model that was current when it was chosen.
 */
import { featuresFromUnit, toUnit, type Dimension, type Params } from '../core/space';
import type { Trial } from '../core/trial';
import { acquisitionRules, isAcquisitionName } from './acquisitionRules';
import { BayesianSearch, type BayesianOptions, type ProposalExplanation } from './bayesian';
import type { PosteriorSlice, PosteriorSliceRequest } from './posteriorView';

/** A trial as replay needs it: what it tried, how it ended, and when. */
export type ReplayTrial = Pick<Trial, 'params' | 'state' | 'value'> & { endedAtMs: number };

/** The search after some results: its posterior slices, and why it would try a given point. */
export interface ReplayedSearch {
  /** How many results it was told. */
  results: number;
  /** Best (lowest) numeric result it was told, or null. */
  best: number | null;
  slice(request: PosteriorSliceRequest): PosteriorSlice | null;
  explainAt(params: Params): ProposalExplanation;
}

/** Up to this many results, the model is refitted after each one, as the live search did. */
export const warmFitLimit = 60;

/** The value a trial's end tells the strategy, as the study runner tells it (failed and diverged: null). */
export function toldValue(trial: Pick<Trial, 'state' | 'value'>): number | null {
  return trial.state === 'complete' || trial.state === 'pruned' ? trial.value : null;
}

/** The Bayesian search told the ended trials among `trials` (in the order they ended), with the study's options and seed. */
export function replaySearch(space: Dimension[], options: BayesianOptions, trials: readonly ReplayTrial[]): ReplayedSearch {
  const search = new BayesianSearch(space, options);
  const ended = trials.filter((trial) => trial.state !== 'running' && trial.state !== 'queued').sort((a, b) => a.endedAtMs - b.endedAtMs);
  let best: number | null = null;
  for (const trial of ended) {
    const value = toldValue(trial);
    search.tell(trial.params, value);
    if (value !== null && Number.isFinite(value) && (best === null || value < best)) best = value;
    // A search run one trial at a time fits its model before each proposal, each fit warm-started
    // from the last; fitting after each result here lands on the same hyperparameters.
    if (ended.length <= warmFitLimit) search.model();
  }
  // Same defaults as BayesianSearch's constructor.
  const name = options.acquisition ?? 'expected-improvement';
  const rule = isAcquisitionName(name) ? acquisitionRules[name] : acquisitionRules['expected-improvement'];
  const designSize = Math.min(options.initialPoints ?? Math.max(5, 2 * (space.length - 1)), options.budget);
  return {
    results: ended.length,
    best,
    slice: (request) => search.posteriorSlice(request),
    explainAt(params) {
      const model = search.model();
      const base = { params, acquisitionName: name, acquisition: null, mean: null, std: null, alternative: null } as const;
      if (ended.length < designSize) return { ...base, phase: 'initial design' };
      if (!model || best === null) return { ...base, phase: 'random' };
      const prediction = model.predict(featuresFromUnit(space, toUnit(space, params)));
      const acquisition = rule.display(prediction.mean, prediction.std, { best, xi: options.xi ?? 0, kappa: options.kappa ?? 1.96 });
      return { ...base, phase: 'acquisition', acquisition, mean: prediction.mean, std: prediction.std };
    },
  };
}
