/**
 * Replay's models: for a Bayesian study, the search as it stood after each replayed step
 * (search/replayModel), built on demand and kept per step, so scrubbing back and forth refits
 * nothing twice. Past `replayModelLimit` results a refit would block the page for too long,
 * and replay shows no model.
 */
import type { Params } from '../core/space';
import type { StudyTrial } from '../core/trial';
import type { BayesianOptions, PosteriorSlice, ProposalExplanation } from '../search';
import { replaySearch, type ReplayedSearch } from '../search/replayModel';
import type { StudySetup } from '../study/studySetup';

/** Most results a replayed model is fitted to (several GP fits of this size take well under a second). */
export const replayModelLimit = 80;

/** Replayed Bayesian searches of one study, by step. */
export class ReplayedSearches {
  readonly #setup: StudySetup;
  // A cache, not state anything renders.
  readonly #byStep = new Map<number, { trials: readonly StudyTrial[]; search: ReplayedSearch }>();

  constructor(setup: StudySetup) {
    this.#setup = setup;
  }

  /** The search after the first `step` trials (null when not Bayesian or past the limit). */
  at(trials: readonly StudyTrial[], step: number): ReplayedSearch | null {
    if (this.#setup.strategy !== 'bayesian' || step > replayModelLimit) return null;
    const shown = trials.slice(0, step);
    const cached = this.#byStep.get(step);
    if (cached && cached.trials.length === shown.length && cached.trials.every((trial, i) => trial === shown[i])) return cached.search;
    const options = { ...this.#setup.strategyOptions, seed: this.#setup.seed, budget: this.#setup.budget } as BayesianOptions;
    const search = replaySearch(this.#setup.space, options, shown);
    this.#byStep.set(step, { trials: shown, search });
    return search;
  }

  /** The posterior over a slice after `step` trials, other settings at `fixed` (default: the best then). */
  slice(trials: readonly StudyTrial[], step: number, dimensions: string[], fixed?: Params): PosteriorSlice | null {
    return this.at(trials, step)?.slice({ dimensions, fixed }) ?? null;
  }

  /** Why trial step + 1 was tried, with the model after `step` results; null when there is no such trial. */
  explainNext(trials: readonly StudyTrial[], step: number): ProposalExplanation | null {
    const next = trials[step];
    if (!next || next.manual) return null;
    return this.at(trials, step)?.explainAt(next.params) ?? null;
  }
}
