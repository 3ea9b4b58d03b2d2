/**
 * The tree-structured Parzen estimator (TPE; Bergstra, Bardenet, Bengio & Kégl 2011), Optuna's
 * default sampler. After a few random startup trials, the results are split at a quantile: the
 * best γ(n) make a "good" density l(x), the rest a "bad" density g(x) (Parzen estimators, see
 * parzen.ts). Candidates drawn from l(x) are ranked by l(x)/g(x), which is how expected
 * improvement ranks them (the paper's section 4.1), and the best one is proposed.
 *
 * Multivariate TPE (Falkner, Klein & Hutter 2018; the default here) keeps each observation's
 * coordinates together in one kernel, so it can follow valleys that are not aligned with the
 * axes; univariate TPE (Optuna's default) models and picks each dimension on its own. The
 * defaults are Optuna's except two, chosen on test functions and seeds other than the
 * benchmark's (docs/BENCHMARKS.md): multivariate, with per-dimension neighbour bandwidths.
 * Conditional spaces fit each conditional dimension only where it was active (conditionalTpe.ts).
 */
import { createRandom, type Random } from '../core/random';
import { fromUnit, isConditional, spaceSize, validateSpace, type Dimension, type Params } from '../core/space';
import { fitConditionalTpe, rankConditionalCandidates } from './conditionalTpe';
import { fitParzen, logDensity, logMarginalDensity, observationWeights, sampleParzen, type ParzenEstimator } from './parzen';
import { SearchHistory, type Observation } from './searchHistory';
import type { Strategy, StrategyOptions } from './strategy';

/** Options of TPE; the defaults are Optuna's (TPESampler, version 4) except multivariate and bandwidth. */
export interface TpeOptions extends StrategyOptions {
  /** Random trials before the model takes over (default 10). */
  startupTrials?: number;
  /** Candidates drawn from l(x) per proposal (default 24). */
  candidates?: number;
  /** Number of "good" results among n (default min(⌈0.1·n⌉, 25)). */
  gamma?: (n: number) => number;
  /** Weight of the uniform prior component in l and g (default 1). */
  priorWeight?: number;
  /** One joint density instead of one per dimension (default true; Optuna's default is false). */
  multivariate?: boolean;
  /** Kernel widths: 'neighbours' (default, the gaps between points per dimension) or 'scott' (Optuna's multivariate rule). */
  bandwidth?: 'scott' | 'neighbours';
  /** Count trials still running as bad results, so parallel proposals spread out (default true). */
  constantLiar?: boolean;
}

/** Optuna's default split: the best min(⌈0.1·n⌉, 25) of n results are "good". */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** The two densities TPE ranks candidates with, and where the results were split. */
export interface TpeDensities {
  /** l(x): the density of the good results. */
  good: ParzenEstimator;
  /** g(x): the density of the other results (and of pending trials, with the constant liar). */
  bad: ParzenEstimator;
  /** Worst value counted as good. */
  threshold: number;
  /** Number of good results. */
  goodCount: number;
}

/** Model settings of fitTpeDensities, with TpeOptions' defaults. */
export type TpeModelOptions = Pick<TpeOptions, 'gamma' | 'priorWeight' | 'multivariate' | 'bandwidth'>;

/**
 * Splits observations (in the order they were told) into good and bad and fits l(x) and g(x);
 * extra bad points (unit coordinates, e.g. pending trials) join g(x) as its newest members.
 */
export function fitTpeDensities(
  space: Dimension[],
  observations: Pick<Observation, 'unit' | 'value'>[],
  options: TpeModelOptions = {},
  extraBad: Float64Array[] = [],
): TpeDensities {
  const { gamma = defaultGamma, priorWeight = 1, multivariate = true, bandwidth = 'neighbours' } = options;
  const n = observations.length;
  const goodCount = Math.max(0, Math.min(n, Math.round(gamma(n))));
  // A stable sort, so ties go to the earlier result; the groups then return to time order for the weights.
  const ranked = observations.map((observation, order) => ({ observation, order })).sort((a, b) => a.observation.value - b.observation.value || a.order - b.order);
  const isGood = new Uint8Array(n);
  for (let r = 0; r < goodCount; r++) isGood[ranked[r].order] = 1;
  const goodPoints = observations.filter((_, i) => isGood[i]).map((observation) => observation.unit);
  const badPoints = [...observations.filter((_, i) => !isGood[i]).map((observation) => observation.unit), ...extraBad];
  const model = { priorWeight, multivariate, bandwidth };
  return {
    good: fitParzen(space, goodPoints, observationWeights(goodPoints.length), model),
    bad: fitParzen(space, badPoints, observationWeights(badPoints.length), model),
    threshold: goodCount > 0 ? ranked[goodCount - 1].observation.value : -Infinity,
    goodCount,
  };
}

/** Picks, among candidates (each shape [dimensions]), the point with the best log l − log g, best first. */
function rankCandidates(densities: TpeDensities, candidates: Float64Array[]): Float64Array[] {
  const { good, bad } = densities;
  if (good.joint) {
    const scores = candidates.map((point) => logDensity(good, point) - logDensity(bad, point));
    return candidates.map((point, i) => ({ point, score: scores[i] })).sort((a, b) => b.score - a.score).map(({ point }) => point);
  }
  // Univariate: the best coordinate of each dimension on its own (Optuna's choice), then whole candidates as fallbacks.
  const d = good.kernels.length;
  const best = new Float64Array(d);
  const wholeScores = new Float64Array(candidates.length);
  for (let k = 0; k < d; k++) {
    let bestScore = -Infinity;
    candidates.forEach((point, i) => {
      const score = logMarginalDensity(good, k, point[k]) - logMarginalDensity(bad, k, point[k]);
      wholeScores[i] += score;
      if (score > bestScore) {
        bestScore = score;
        best[k] = point[k];
      }
    });
  }
  const order = candidates.map((point, i) => ({ point, score: wholeScores[i] })).sort((a, b) => b.score - a.score);
  return [best, ...order.map(({ point }) => point)];
}

/** Creates a TPE search over space (see TpeOptions). */
export function createTpeSearch(space: Dimension[], options: TpeOptions): Strategy {
  validateSpace(space);
  const { seed, budget, startupTrials = 10, candidates = 24, constantLiar = true } = options;
  if (!(Number.isInteger(candidates) && candidates >= 1)) throw new Error(`invalid candidates: ${String(candidates)}`);
  const model: TpeModelOptions = { gamma: options.gamma, priorWeight: options.priorWeight, multivariate: options.multivariate, bandwidth: options.bandwidth };
  const history = new SearchHistory(space);
  const size = spaceSize(space);
  const random = createRandom(seed);

  const uniform = (source: Random) => Float64Array.from(space, () => source.next());

  const proposals = (): Float64Array[] => {
    if (history.observations.length < Math.max(1, startupTrials)) return [uniform(random)];
    const pending = constantLiar ? [...history.pending.values()].map((trial) => trial.unit) : [];
    if (isConditional(space)) {
      // Conditional spaces: each conditional dimension's densities come from the results where it was active.
      const { gamma = defaultGamma, priorWeight = 1, multivariate = true, bandwidth = 'neighbours' } = model;
      const conditional = fitConditionalTpe(space, history.observations, { gamma, priorWeight, multivariate, bandwidth }, pending);
      return rankConditionalCandidates(space, conditional, candidates, random);
    }
    const densities = fitTpeDensities(space, history.observations, model, pending);
    return rankCandidates(densities, sampleParzen(densities.good, candidates, random));
  };

  return {
    name: 'tpe',
    ask() {
      if (history.asked >= budget || history.asked >= size) return null;
      for (const unit of proposals()) {
        const params = fromUnit(space, unit);
        if (history.has(params)) continue;
        history.propose(params);
        return params;
      }
      // Every candidate was seen before (small discrete spaces): a uniform point not yet seen.
      for (let tries = 0; tries < 1000; tries++) {
        const params = fromUnit(space, uniform(random));
        if (history.has(params)) continue;
        history.propose(params);
        return params;
      }
      return null;
    },
    tell(params: Params, value: number | null) {
      history.record(params, value);
    },
  };
}
