/**
 * Bayesian optimisation (Jones, Schonlau & Welch 1998; Snoek, Larochelle & Adams 2012): a
 * Gaussian process on the unit cube models the objective from the results so far, and each
 * proposal maximises an acquisition function of its posterior. A small Latin hypercube opens
 * the search. Failed trials are never modelled as numbers but never proposed again; pending
 * trials (asked, not told) are filled in with fantasised values, so ask() twice in a row and
 * askBatch(k) give distinct points (Kriging believer or constant liar; Ginsbourger et al. 2010).
 */
import { createRandom, type Random } from '../core/random';
import { featureCount, featuresFromUnit, fromUnit, spaceSize, validateSpace, type Dimension, type Params } from '../core/space';
import type { AcquisitionName } from '../gp/acquisition';
import type { GaussianProcess, GaussianProcessHyperparameters } from '../gp/gaussianProcess';
import { fitGaussianProcess } from '../gp/fitGaussianProcess';
import { maximizeAcquisition, type ScoredPoint } from './acquisitionOptimizer';
import { acquisitionRules, isAcquisitionName } from './acquisitionRules';
import { latinHypercube } from './latinHypercube';
import { computePosteriorSlice, type PosteriorSlice, type PosteriorSliceRequest } from './posteriorView';
import { SearchHistory } from './searchHistory';
import type { BatchStrategy, StrategyOptions } from './strategy';
import { thompsonRanking } from './thompsonRanking';

/** Options of the Bayesian search. */
export interface BayesianOptions extends StrategyOptions {
  /**
   * Size of the space-filling initial design (default 5 up to 3 dimensions, then 2 per
   * dimension less 2: 6 in 4-D, 10 in 6-D), so the first model sees every axis vary enough.
   */
  initialPoints?: number;
  /** Acquisition function (default 'expected-improvement'). */
  acquisition?: AcquisitionName;
  /** Improvement margin ξ of expected and probability of improvement, output units (default 0). */
  xi?: number;
  /** Exploration weight κ of the confidence bound (default 1.96). */
  kappa?: number;
  /** How pending trials are fantasised (default 'kriging-believer': the posterior mean; 'constant-liar': the best value). */
  batch?: 'kriging-believer' | 'constant-liar';
  /** Random candidates per proposal (default: 2000 up to 50 results, 1000 up to 100, then 500). */
  candidates?: number;
  /** Candidates refined by local search per proposal (default 5, then 3 past 100 results). */
  refineStarts?: number;
  /** Least unit-cube distance between refinement starts, so they explore several basins (default 0.1). */
  startSeparation?: number;
}

/** Why the last proposal was made, for the page to explain. */
export interface ProposalExplanation {
  params: Params;
  /** 'initial design', 'acquisition', or 'random' (too few results to model, or nothing left to gain). */
  phase: 'initial design' | 'acquisition' | 'random';
  acquisitionName: AcquisitionName;
  /** Acquisition value at the proposal (EI and bound in output units, PI a probability, Thompson the sampled value). */
  acquisition: number | null;
  /** Posterior mean and standard deviation at the proposal, output units. */
  mean: number | null;
  std: number | null;
  /** The best-scoring point at least 0.1 away in the unit cube, with the same fields. */
  alternative: { params: Params; acquisition: number; mean: number; std: number } | null;
}


/** A Bayesian search strategy with batch proposals and views for drawing. */
export class BayesianSearch implements BatchStrategy {
  readonly name = 'bayesian';
  readonly space: Dimension[];
  private readonly options: {
    seed: number;
    budget: number;
    initialPoints: number;
    acquisition: AcquisitionName;
    xi: number;
    kappa: number;
    batch: 'kriging-believer' | 'constant-liar';
    candidates?: number;
    refineStarts?: number;
    startSeparation: number;
  };
  private readonly history: SearchHistory;
  private readonly design: Float64Array[];
  private readonly size: number;
  private designIndex = 0;
  private fitted: GaussianProcess | null = null;
  private fittedCount = 0;
  private refittedCount = 0;
  private hyperparameters: GaussianProcessHyperparameters | undefined;
  private explanation: ProposalExplanation | null = null;

  constructor(space: Dimension[], options: BayesianOptions) {
    validateSpace(space);
    const acquisition = options.acquisition ?? 'expected-improvement';
    if (!isAcquisitionName(acquisition)) throw new Error(`invalid acquisition: ${acquisition}`);
    const batch = options.batch ?? 'kriging-believer';
    if (batch !== 'kriging-believer' && batch !== 'constant-liar') throw new Error(`invalid batch: ${String(batch)}`);
    this.space = space;
    this.options = {
      seed: options.seed,
      budget: options.budget,
      initialPoints: options.initialPoints ?? Math.max(5, 2 * (space.length - 1)),
      acquisition,
      xi: options.xi ?? 0,
      kappa: options.kappa ?? 1.96,
      batch,
      candidates: options.candidates,
      refineStarts: options.refineStarts,
      startSeparation: options.startSeparation ?? 0.1,
    };
    this.history = new SearchHistory(space);
    this.size = spaceSize(space);
    const designSize = Math.max(0, Math.min(this.options.initialPoints, options.budget));
    this.design = latinHypercube(designSize, space.length, createRandom(options.seed).fork('design'));
  }

  /** Next trial, or null once the budget is spent or every point of a finite space was proposed. */
  ask(): Params | null {
    return this.askBatch(1)[0] ?? null;
  }

  /** Up to k distinct trials at once; later ones assume the earlier ones return their fantasised values. */
  askBatch(k: number): Params[] {
    const proposals: Params[] = [];
    for (let i = 0; i < k; i++) {
      if (this.history.asked >= this.options.budget || this.history.asked >= this.size) break;
      const params = this.propose();
      if (!params) break;
      this.history.propose(params);
      proposals.push(params);
    }
    return proposals;
  }

  /** Records a result; null (failed) results are excluded from the model. */
  tell(params: Params, value: number | null): void {
    this.history.record(params, value);
  }

  /** The Gaussian process fitted to the numeric results so far (features: see featuresFromUnit), or null before two. */
  model(): GaussianProcess | null {
    const observations = this.history.observations;
    if (observations.length < 2) return null;
    if (this.fitted && this.fittedCount === observations.length) return this.fitted;
    const n = observations.length;
    const width = featureCount(this.space);
    const values = observations.map((observation) => observation.value);
    if (this.fitted && this.hyperparameters && !this.refitDue(n)) {
      // Between refits the hyperparameters stay and the Cholesky factor grows row by row.
      const added = new Float64Array((n - this.fittedCount) * width);
      for (let i = this.fittedCount; i < n; i++) featuresFromUnit(this.space, observations[i].unit, added.subarray((i - this.fittedCount) * width, (i - this.fittedCount + 1) * width));
      this.fitted = this.fitted.extend(added, values);
      this.fittedCount = n;
      return this.fitted;
    }
    const points = new Float64Array(n * width);
    observations.forEach((observation, i) => points.set(featuresFromUnit(this.space, observation.unit), i * width));
    // Warm starts make refits cheap; with many results the likelihood is sharp and moves little.
    const warm = this.hyperparameters !== undefined;
    this.fitted = fitGaussianProcess(points, values, {
      initial: this.hyperparameters,
      random: createRandom(this.options.seed).fork(`fit-${n}`),
      restarts: n < 30 ? 3 : n < 50 ? 1 : 0,
      maxIterations: !warm ? 60 : n >= 100 ? 8 : n >= 50 ? 20 : 60,
    });
    this.hyperparameters = this.fitted.hyperparameters;
    this.fittedCount = n;
    this.refittedCount = n;
    return this.fitted;
  }

  /**
   * Whether the hyperparameters should be refitted with n results: always up to 50, then once
   * every n/20 new results (every 5 at 100, every 10 at 200), since one more result barely
   * moves a likelihood built on many and a refit costs O(n³) per likelihood evaluation.
   */
  private refitDue(n: number): boolean {
    return n <= 50 || n - this.refittedCount >= Math.ceil(n / 20);
  }

  /** Why the most recent proposal was made, or null before any. */
  explainProposal(): ProposalExplanation | null {
    return this.explanation;
  }

  /** Posterior mean, std and acquisition over a 1-D or 2-D slice (see PosteriorSliceRequest), or null before two results. */
  posteriorSlice(request: PosteriorSliceRequest): PosteriorSlice | null {
    const model = this.model();
    const best = this.history.best();
    if (!model || !best) return null;
    const display = this.displayAcquisition(best.value);
    return computePosteriorSlice(model, this.space, { ...request, fixed: { ...best.params, ...request.fixed } }, display);
  }

  /** Acquisition as shown to people (Thompson sampling shows expected improvement, having no closed form). */
  private displayAcquisition(best: number): (mean: number, std: number) => number {
    const { acquisition, xi, kappa } = this.options;
    const rule = acquisitionRules[acquisition];
    return (mean, std) => rule.display(mean, std, { best, xi, kappa });
  }

  /** Ranking score to maximise. */
  private rankingScore(best: number): (mean: number, std: number) => number {
    const { acquisition, xi, kappa } = this.options;
    const rule = acquisitionRules[acquisition];
    return (mean, std) => rule.rank(mean, std, { best, xi, kappa });
  }

  private propose(): Params | null {
    const random = createRandom(this.options.seed).fork(`ask-${this.history.asked}`);
    const { acquisition: acquisitionName } = this.options;
    const plain = (params: Params, phase: ProposalExplanation['phase']): Params => {
      this.explanation = { params, phase, acquisitionName, acquisition: null, mean: null, std: null, alternative: null };
      return params;
    };
    // The design fills in only while fewer results are known (told, failed or pending) than it holds.
    const known = this.history.observations.length + this.history.failures + this.history.pending.size;
    while (known < this.design.length && this.designIndex < this.design.length) {
      // A design point already seen (told from outside, or a repeat in a small space) is skipped.
      const params = fromUnit(this.space, this.design[this.designIndex++]);
      if (!this.history.has(params)) return plain(params, 'initial design');
    }
    const model = this.fantasised();
    if (!model) return this.randomUnseen(random, plain);
    const { gp, best } = model;
    const features = new Float64Array(featureCount(this.space));
    const predictAt = (unit: Float64Array) => gp.predict(featuresFromUnit(this.space, unit, features));
    const anchors = [...this.history.observations]
      .sort((a, b) => a.value - b.value)
      .slice(0, 5)
      .map((observation) => observation.unit);
    const n = this.history.observations.length;
    let ranked: ScoredPoint[];
    let display: (unit: Float64Array, score: number) => number;
    if (acquisitionRules[acquisitionName].jointSample) {
      ranked = thompsonRanking(this.space, gp, anchors, random);
      display = (_unit, score) => -score;
    } else {
      const score = this.rankingScore(best);
      ranked = maximizeAcquisition((unit) => {
        const prediction = predictAt(unit);
        return score(prediction.mean, prediction.std);
      }, this.space, random, {
        candidates: this.options.candidates ?? (n <= 50 ? 2000 : n <= 100 ? 1000 : 500),
        refineStarts: this.options.refineStarts ?? (n <= 100 ? 5 : 3),
        anchors,
        startSeparation: this.options.startSeparation,
        scoreMany: (units, out) => {
          const width = featureCount(this.space);
          const points = new Float64Array(units.length * width);
          for (let c = 0; c < units.length; c++) featuresFromUnit(this.space, units[c], points.subarray(c * width, (c + 1) * width));
          const means = new Float64Array(units.length);
          const stds = new Float64Array(units.length);
          gp.predictMany(points, units.length, means, stds);
          for (let c = 0; c < units.length; c++) out[c] = score(means[c], stds[c]);
        },
      });
      const shown = this.displayAcquisition(best);
      display = (unit) => {
        const prediction = predictAt(unit);
        return shown(prediction.mean, prediction.std);
      };
    }
    const choice = ranked.find((point) => !this.history.has(fromUnit(this.space, point.unit)));
    if (!choice) return this.randomUnseen(random, plain);
    const params = fromUnit(this.space, choice.unit);
    const describe = (point: ScoredPoint) => ({ ...predictAt(point.unit), acquisition: display(point.unit, point.score) });
    const other = ranked.find((point) => distance(point.unit, choice.unit) >= 0.1 && !this.history.has(fromUnit(this.space, point.unit)));
    this.explanation = {
      params,
      phase: 'acquisition',
      acquisitionName,
      ...describe(choice),
      alternative: other ? { params: fromUnit(this.space, other.unit), ...describe(other) } : null,
    };
    return params;
  }

  /** The fitted model with pending trials fantasised in, and the incumbent best value; null before two results. */
  private fantasised(): { gp: GaussianProcess; best: number } | null {
    let gp = this.model();
    const incumbent = this.history.best();
    if (!gp || !incumbent) return null;
    let best = incumbent.value;
    for (const { unit } of this.history.pending.values()) {
      const features = featuresFromUnit(this.space, unit);
      const value = this.options.batch === 'constant-liar' ? incumbent.value : gp.predict(features).mean;
      best = Math.min(best, value);
      gp = gp.withObservation(features, value);
    }
    return { gp, best };
  }

  private randomUnseen(random: Random, explain: (params: Params, phase: 'random') => Params): Params | null {
    for (let tries = 0; tries < 10000; tries++) {
      const params = fromUnit(this.space, Float64Array.from(this.space, () => random.next()));
      if (!this.history.has(params)) return explain(params, 'random');
    }
    return null;
  }
}

function distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] - b[k]) ** 2;
  return Math.sqrt(sum);
}

/** Creates a Bayesian search over space (see BayesianOptions). */
export function createBayesianSearch(space: Dimension[], options: BayesianOptions): BayesianSearch {
  return new BayesianSearch(space, options);
}
